/**
 * A plain static host for dist/, as a teacher's web space or GitHub Pages is: files under a
 * sub-path, no COOP/COEP, no CSP header, nothing else. `replace` lets a test deploy a new
 * version of one file (the service worker) while the page is open.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Page } from '@playwright/test';

/** Content types of the files a build (and the bench's data) holds. */
export const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.safetensors': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
};

/** Whether the page is cross-origin isolated now; false while it reloads into isolation. */
export async function isolated(page: Page): Promise<boolean> {
  try {
    return await page.evaluate(() => crossOriginIsolated);
  } catch {
    return false;
  }
}

export interface StaticHost {
  /** e.g. http://127.0.0.1:43123/course/lab/ */
  url: string;
  /** Serve `body` for this file (relative to dist/) from now on: a new deployment of it. */
  replace(file: string, body: string): void;
  /** Hold back this file (relative to dist/) until the returned function is called: a slow network. */
  hold(file: string): () => void;
  /** Every path asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveStatic(root: string, prefix = '/course/lab/'): Promise<StaticHost> {
  const replaced = new Map<string, string>();
  const held = new Map<string, Promise<void>>();
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
    if (rel === '.' || rel === '' || rel.endsWith('/')) rel = join(rel, 'index.html');
    await held.get(rel);
    const swapped = replaced.get(rel);
    if (swapped !== undefined) {
      res.writeHead(200, { 'Content-Type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(swapped);
      return;
    }
    const file = join(root, rel);
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    replace: (file, body) => void replaced.set(file, body),
    hold: (file) => {
      let release = () => {};
      held.set(file, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        held.delete(file);
        release();
      };
    },
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
