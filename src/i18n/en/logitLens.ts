export const logitLens = {};
