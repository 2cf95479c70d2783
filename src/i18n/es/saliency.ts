import type { Messages } from '../catalogue';

export const saliency: Messages<'saliency'> = {};
