import type { Messages } from '../catalogue';

export const logitLens: Messages<'logitLens'> = {};
