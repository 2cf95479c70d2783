import type { Messages } from '../catalogue';

export const training: Messages<'training'> = {};
