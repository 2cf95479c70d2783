export const arrival = {};
