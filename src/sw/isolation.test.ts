import { describe, expect, it } from 'vitest';
import { isolated } from './isolation';

describe('isolated', () => {
  it('adds COOP and COEP and keeps the body, status and other headers', async () => {
    const r = isolated(new Response('hi', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    expect(r.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(r.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(r.headers.get('Content-Type')).toBe('text/html');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('hi');
  });

  it('passes an error response on as it is', () => {
    const e = Response.error();
    expect(isolated(e)).toBe(e);
  });
});
