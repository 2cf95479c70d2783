import type { Messages } from '../catalogue';

export const loss: Messages<'loss'> = {};
