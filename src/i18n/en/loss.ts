export const loss = {};
