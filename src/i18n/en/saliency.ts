export const saliency = {};
