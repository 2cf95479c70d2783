// Vite plugin: the Content-Security-Policy the built app ships, as a <meta> tag a static host carries.
//
// Scripts come only from the app's own origin; 'wasm-unsafe-eval' lets WebAssembly compile; workers
// only from the app's origin; styles only from its stylesheet (React and D3 set styles through the
// CSSOM, which CSP allows, so no 'unsafe-inline'). connect-src allows any http(s) URL because a
// person may load a corpus from a URL they type; the app itself fetches only its own files.
// frame-ancestors cannot be set from a meta tag (a host's header can add it). The dev server gets no
// CSP: Vite's hot reload injects inline scripts.

/** @type {Record<string, string[]>} */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'https:', 'http:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v.join(' ')}`)
  .join('; ');

/** @returns {import('vite').Plugin} */
export function contentSecurityPolicy() {
  return {
    name: 'tinygpt-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}
