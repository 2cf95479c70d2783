import type { Messages } from '../catalogue';

export const models: Messages<'models'> = {};
