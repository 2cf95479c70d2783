import type { Messages } from '../catalogue';

export const tokens: Messages<'tokens'> = {};
