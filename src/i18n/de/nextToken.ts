import type { Messages } from '../catalogue';

export const nextToken: Messages<'nextToken'> = {};
