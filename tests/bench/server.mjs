// The bench's one server, two roots: / is www/ with the content-security
// policy the graphic ships under (as .ci/server.mjs serves it); /ref/ is the
// ECharts reference page (tests/bench/reference/, no CSP), its ECharts build
// from tests/bench/node_modules and the same data and boundary files the
// graphic is built from.
//   node tests/bench/server.mjs [port]    (to look at both pages by hand)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, ROOT as WWW } from '../../.ci/server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = resolve(HERE, '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.png': 'image/png',
};
const REF_FILES = {
  '/ref/echarts.min.js': join(HERE, 'node_modules/echarts/dist/echarts.min.js'),
  '/ref/data/ankang.json': join(REPO, 'src/data/ankang.json'),
  '/ref/geo/ankang-counties.geojson': join(REPO, 'src/geo/ankang-counties.geojson'),
};

function inside(root, path) {
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) throw new Error('outside root');
  return file;
}

export function startServer(port = 0) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const reference = path === '/ref' || path.startsWith('/ref/');
      let file = REF_FILES[path] ?? (reference ? inside(join(HERE, 'reference'), path.slice(4)) : inside(WWW, path));
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (!reference) headers['content-security-policy'] = CSP;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? 8001));
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(`The graphic: ${base}/   the ECharts reference: ${base}/ref/  (Ctrl-C to stop)`);
}
