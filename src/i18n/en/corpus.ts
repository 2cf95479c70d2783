export const corpus = {};
