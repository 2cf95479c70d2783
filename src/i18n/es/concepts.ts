import type { Messages } from '../catalogue';

export const concepts: Messages<'concepts'> = {};
