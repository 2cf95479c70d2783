import type { Messages } from '../catalogue';

export const lesson: Messages<'lesson'> = {};
