// The bench's one server, two roots: / is www/ with the content-security
// policy the graphic ships under (as .ci/server.mjs serves it); /ref/ is the
// ECharts reference page (tests/bench/reference/, no CSP), its ECharts build
// from tests/bench/node_modules and the same data and boundary files the
// graphic is built from.
//   node tests/bench/server.mjs [port]    (to look at both pages by hand)
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP, ROOT as WWW, inside, sendFile } from '../../.ci/server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = resolve(HERE, '../..');
const REF_FILES = {
  '/ref/echarts.min.js': join(HERE, 'node_modules/echarts/dist/echarts.min.js'),
  '/ref/data/ankang.json': join(REPO, 'src/data/ankang.json'),
  '/ref/geo/ankang-counties.geojson': join(REPO, 'src/geo/ankang-counties.geojson'),
};

export function startServer(port = 0) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const reference = path === '/ref' || path.startsWith('/ref/');
    let file;
    try {
      file = REF_FILES[path] ?? (reference ? inside(join(HERE, 'reference'), path.slice(4)) : inside(WWW, path));
    } catch {
      file = '';
    }
    await sendFile(res, file, reference ? {} : { 'content-security-policy': CSP });
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await startServer(Number(process.argv[2] ?? 8001));
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(`The graphic: ${base}/   the ECharts reference: ${base}/ref/  (Ctrl-C to stop)`);
}
