/**
 * Every journey's `test`: it fails on any Content-Security-Policy violation the page raises and on
 * any request to an origin the journey did not open (the app fetches only its own files and the
 * URLs a person enters; a journey that enters one names its origin with `test.use({ allowOrigins })`).
 */
import { test as base, expect, type Request } from '@playwright/test';

export { expect };

interface Guard {
  /** Origins a journey asks the app to fetch from, as a person entering a URL would. */
  allowOrigins: string[];
  guard: undefined;
}

export const test = base.extend<Guard>({
  allowOrigins: [[], { option: true }],
  guard: [
    async ({ context, allowOrigins, baseURL }, use) => {
      const violations: string[] = [];
      const foreign: string[] = [];
      const opened = new Set([new URL(baseURL ?? 'http://127.0.0.1').origin, ...allowOrigins]);
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
        );
      });
      context.on('page', (page) => {
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame() && /^https?:/.test(frame.url()))
            opened.add(new URL(frame.url()).origin);
        });
        page.on('console', (m) => {
          if (/CSP violation|Content Security Policy/.test(m.text())) violations.push(m.text());
        });
      });
      context.on('request', (r) => {
        const url = new URL(r.url());
        if (!/^https?:$/.test(url.protocol)) return; // data:, blob:
        // A navigation opens its origin (a test's own page, the static host).
        if (isPageNavigation(r)) opened.add(url.origin);
        else if (!opened.has(url.origin)) foreign.push(r.url());
      });
      await use(undefined);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
      expect(foreign, 'requests to an origin the journey did not open').toEqual([]);
    },
    { auto: true },
  ],
});

function isPageNavigation(r: Request): boolean {
  try {
    return r.isNavigationRequest() && r.frame() === r.frame().page().mainFrame();
  } catch {
    return false; // a service worker's request has no frame
  }
}
