export const nextToken = {};
