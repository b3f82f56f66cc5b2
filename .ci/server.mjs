// A static server for the built site (target/site/, see .ci/site.mjs) on
// 127.0.0.1 that behaves like the CDN a newsroom would put it on, so that the
// page tests, Lighthouse and the bench see what readers get:
// - the strict content-security policy the graphic must work under;
// - gzip or brotli, as the request's Accept-Encoding allows (the copies
//   .ci/site.mjs pre-compressed, so no request waits for brotli);
// - content-hashed files under pkg/ cached for a year as immutable; everything
//   else (the entry points editors link to) revalidated: no-cache + ETag, 304;
// - CORS (`Access-Control-Allow-Origin: *`) on everything but the pages, so
//   a script embed works from an article on any other origin.
// Used by `.ci/serve` and the page tests; the bench's two-root server reuses
// its helpers.
//   node .ci/server.mjs [port]      (port 0 picks a free one)
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as Z, gzipSync } from 'node:zlib';

export const ROOT = resolve(fileURLToPath(new URL('../target/site', import.meta.url)));
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
/// Worth compressing: text formats and wasm (PNG is compressed already).
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.geojson', '.svg', '.csv', '.txt']);
/// pkg/ankang.<hash>.js, pkg/ankang_bg.<hash>.wasm: a new build is a new name.
const HASHED = /(^|[/\\])pkg[/\\][^/\\]+\.[0-9a-f]{12}\.[a-z]+$/;

/// `path` resolved under `root`; throws for anything that escapes it.
export function inside(root, path) {
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) throw new Error('outside root');
  return file;
}

/// The encoding to send for an Accept-Encoding header: br before gzip, and
/// neither when refused (q=0).
export function pickEncoding(header = '') {
  const q = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q[name] = qp ? Number(qp.slice(2)) : 1;
  }
  const ok = (name) => (q[name] ?? q['*'] ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

// Files and their compressed forms, by path, while size and mtime hold.
const cache = new Map();

async function load(file) {
  const info = await stat(file);
  const key = `${info.size}:${info.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.key === key) return hit;
  const body = await readFile(file);
  const etag = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const entry = { key, body, etag, mtimeMs: info.mtimeMs, variants: {} };
  cache.set(file, entry);
  return entry;
}

/// Brotli at its best quality, as a CDN stores static files.
export const brotli = (body) =>
  brotliCompressSync(body, { params: { [Z.BROTLI_PARAM_QUALITY]: 11, [Z.BROTLI_PARAM_SIZE_HINT]: body.length } });

/// The file's body in `encoding`: the pre-compressed copy beside it when it
/// is as new as the file (.ci/site.mjs writes them), else compressed now, once.
async function variant(file, entry, encoding) {
  if (!entry.variants[encoding]) {
    const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    const fresh = await stat(copy).then((s) => s.mtimeMs >= entry.mtimeMs, () => false);
    entry.variants[encoding] = fresh ? await readFile(copy) : encoding === 'br' ? brotli(entry.body) : gzipSync(entry.body, { level: 9 });
  }
  return entry.variants[encoding];
}

/// Sends `file` (a folder's index.html for a folder) with its type, caching
/// and encoding headers and `headers`, or a 404 when it cannot be read.
/// Reads the request from `res.req`, so callers pass only the response.
export async function sendFile(res, file, headers = {}) {
  const req = res.req;
  let entry;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    entry = await load(file);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
    res.end('not found');
    return;
  }
  const ext = extname(file);
  const compressible = COMPRESSIBLE.has(ext);
  const encoding = compressible ? pickEncoding(req?.headers['accept-encoding']) : null;
  const etag = `"${entry.etag}${encoding ? '-' + encoding : ''}"`;
  const head = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'x-content-type-options': 'nosniff',
    ...(compressible ? { vary: 'Accept-Encoding' } : {}),
    ...(ext === '.html' ? {} : { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' }),
    ...headers,
  };
  const match = (req?.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (match.includes(etag) || match.includes('*')) {
    res.writeHead(304, head);
    res.end();
    return;
  }
  const body = encoding ? await variant(file, entry, encoding) : entry.body;
  if (encoding) head['content-encoding'] = encoding;
  head['content-length'] = body.length;
  res.writeHead(200, head);
  res.end(req?.method === 'HEAD' ? undefined : body);
}

export function startServer(port = 0, root = ROOT) {
  const server = createServer(async (req, res) => {
    if (req.method === 'OPTIONS') {
      // A CORS preflight (a host page fetching with custom headers): allow reads.
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD', 'access-control-max-age': '86400' });
      res.end();
      return;
    }
    let file;
    try {
      file = inside(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    } catch {
      file = '';
    }
    await sendFile(res, file, { 'content-security-policy': CSP });
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? 8000));
  console.log(`Serving the infographic (target/site/) at http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
