export const concepts = {};
