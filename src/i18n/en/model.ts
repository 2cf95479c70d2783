export const model = {};
