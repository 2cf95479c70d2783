import type { Messages } from '../catalogue';

export const shared: Messages<'shared'> = {};
