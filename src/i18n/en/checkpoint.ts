export const checkpoint = {};
