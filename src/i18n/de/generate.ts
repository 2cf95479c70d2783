import type { Messages } from '../catalogue';

export const generate: Messages<'generate'> = {};
