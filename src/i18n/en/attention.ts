export const attention = {};
