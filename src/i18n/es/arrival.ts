import type { Messages } from '../catalogue';

export const arrival: Messages<'arrival'> = {};
