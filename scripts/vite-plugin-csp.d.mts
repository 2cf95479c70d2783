import type { Plugin } from 'vite';
export const CSP_DIRECTIVES: Record<string, string[]>;
export const CSP: string;
export function contentSecurityPolicy(): Plugin;
