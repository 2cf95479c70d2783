import type { Messages } from '../catalogue';

export const attention: Messages<'attention'> = {};
