// A static server for www/ on 127.0.0.1, sending the strict content-security
// policy the graphic must work under. Used by `.ci/serve` and the page tests;
// the bench's two-root server reuses its helpers.
//   node .ci/server.mjs [port]      (port 0 picks a free one)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../www', import.meta.url)));
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/// `path` resolved under `root`; throws for anything that escapes it.
export function inside(root, path) {
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) throw new Error('outside root');
  return file;
}

/// Sends `file` (a folder's index.html for a folder) with its type and
/// `headers`, or a 404 when it cannot be read.
export async function sendFile(res, file, headers = {}) {
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
  }
}

export function startServer(port = 0) {
  const server = createServer(async (req, res) => {
    let file;
    try {
      file = inside(ROOT, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    } catch {
      file = '';
    }
    await sendFile(res, file, { 'content-security-policy': CSP });
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? 8000));
  console.log(`Serving the infographic at http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
