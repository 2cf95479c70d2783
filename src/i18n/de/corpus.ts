import type { Messages } from '../catalogue';

export const corpus: Messages<'corpus'> = {};
