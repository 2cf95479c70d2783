/**
 * A small static server on 127.0.0.1 for the bench: the bench page under /bench/, the app's own build
 * under /app/, and Tiny Shakespeare at /data/tinyshakespeare.txt (read from ../shared/data, never
 * copied into the repo). Cross-origin isolated like the app's `vite preview`.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { TYPES } from '../e2e/static-host';

const HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cache-Control': 'no-store',
};

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Serve `mounts` (URL prefix → directory) and `files` (URL path → file). */
export async function serve(mounts: Record<string, string>, files: Record<string, string>): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = files[path];
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (file || !path.startsWith(prefix)) continue;
      const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
      file = join(dir, rel || 'index.html');
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    }
    if (!file || !existsSync(file)) {
      if (path !== '/favicon.ico') console.log(`  server: 404 ${path}`);
      res.writeHead(404, HEADERS).end('not found');
      return;
    }
    res.writeHead(200, { ...HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
