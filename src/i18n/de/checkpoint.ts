import type { Messages } from '../catalogue';

export const checkpoint: Messages<'checkpoint'> = {};
