import type { Messages } from '../catalogue';

export const model: Messages<'model'> = {};
