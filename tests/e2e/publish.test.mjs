// What an editor publishes and what a reader's browser receives: the page
// without JavaScript, the exported long image, the social card, and the
// server's compression and caching.   node --test tests/e2e/  (after `bash .ci/build`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { launch, open, settled } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const DATA = JSON.parse(await readFile(new URL('../../src/data/ankang.json', import.meta.url), 'utf8'));
const THEME = await readFile(new URL('../../src/theme.rs', import.meta.url), 'utf8');
/// The font stack the module draws with (src/theme.rs), for reference text.
const FONT_STACK = THEME.match(/FONT_STACK: &str = "([^;]+)";/s)[1].replace(/\\\n/g, '');

/// A GET through node (no browser), with `headers`; resolves { status, headers, body }.
function get(path, headers = {}) {
  return new Promise((done, fail) => {
    const req = request(env.base + path, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

for (const width of [360, 1200]) {
  test(`with JavaScript off at ${width} px: no broken image, no empty space, no text under 11 px`, async () => {
    const context = await env.browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(env.base + '/', { waitUntil: 'load' });
    const info = await page.evaluate(() => {
      const shown = [...document.images].filter((i) => i.getClientRects().length > 0 && getComputedStyle(i).visibility !== 'hidden');
      const pic = shown.find((i) => i.currentSrc.includes('fallback-'));
      return {
        broken: shown.filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.outerHTML.slice(0, 80)),
        src: pic?.currentSrc, shownWidth: pic?.getBoundingClientRect().width, shownHeight: pic?.getBoundingClientRect().height,
        naturalWidth: pic?.naturalWidth, page: document.documentElement.scrollHeight, scroll: document.documentElement.scrollWidth,
      };
    });
    assert.deepEqual(info.broken, [], 'no visible image is broken');
    assert.ok(info.src, 'the static graphic shows');
    assert.match(info.src, width < 720 ? /fallback-zh-narrow\.svg$/ : /fallback-zh\.svg$/);
    const ratio = info.page / info.shownHeight;
    assert.ok(ratio >= 1 && ratio <= 1.1, `page ${info.page} px tall for a ${Math.round(info.shownHeight)} px fallback`);
    assert.ok(info.scroll <= width, 'no horizontal scroll');
    // Every text of the SVG as displayed: its size times the image's scale.
    const svg = (await get('/' + info.src.split('/').pop())).body.toString();
    const sizes = [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    assert.ok(sizes.length > 100, `the SVG carries the texts (${sizes.length})`);
    const smallest = Math.min(...sizes) * info.shownWidth / info.naturalWidth;
    assert.ok(smallest >= 11, `smallest text ${smallest.toFixed(2)} px`);
    await context.close();
  });
}

/// In the page: whether `text` (drawn in `font`) starts one of the PNG's text
/// lines between rows `from` and `to`. Rows with ink make bands; at each
/// band's left edge the reference text, drawn by Chromium with the same font,
/// is laid over the image; returns each band's best overlap (intersection
/// over union of the two ink masks, each thresholded at half its contrast).
async function findText(png, text, font, [from, to]) {
  // A blank page of its own: the graphic's CSP would refuse the data: URL.
  const page = await blank();
  return page.evaluate(async ({ png, text, font, from, to }) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + png;
    await img.decode();
    const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data, width, height } = g.getImageData(0, 0, c.width, c.height);
    const bg = [data[0], data[1], data[2]];
    const diff = (x, y) => {
      const i = 4 * (y * width + x);
      return Math.max(Math.abs(data[i] - bg[0]), Math.abs(data[i + 1] - bg[1]), Math.abs(data[i + 2] - bg[2]));
    };
    // The reference: the same text, same font, on a blank canvas.
    const r = new OffscreenCanvas(width, 400).getContext('2d');
    r.font = font;
    r.textBaseline = 'top';
    r.fillText(text, 0, 100);
    const ref = r.getImageData(0, 0, width, 400).data;
    const refInk = [];
    for (let y = 0; y < 400; y++) for (let x = 0; x < width; x++) if (ref[4 * (y * width + x) + 3] > 128) refInk.push([x, y]);
    const rx = Math.min(...refInk.map((p) => p[0])), ry = Math.min(...refInk.map((p) => p[1]));
    const rw = Math.max(...refInk.map((p) => p[0])) - rx + 1, rh = Math.max(...refInk.map((p) => p[1])) - ry + 1;
    const mask = new Uint8Array(rw * rh);
    for (const [x, y] of refInk) mask[(y - ry) * rw + (x - rx)] = 1;
    // Bands of rows with ink, within [from, to).
    const end = Math.min(to, height);
    const rows = [];
    for (let y = from; y < end; y++) {
      let any = false;
      for (let x = 0; x < width && !any; x++) any = diff(x, y) > 40;
      rows[y] = any;
    }
    const bands = [];
    for (let y = from; y < end; y++) {
      if (rows[y] && !rows[y - 1]) bands.push([y, y]);
      if (rows[y]) bands[bands.length - 1][1] = y;
    }
    const scores = [];
    for (const [top, bottom] of bands) {
      const h = bottom - top + 1;
      if (h < rh * 0.6 || h > rh * 2.5) continue;
      let left = width, strongest = 0;
      for (let y = top; y <= bottom; y++) {
        for (let x = 0; x < width; x++) {
          const d = diff(x, y);
          strongest = Math.max(strongest, d);
          if (d > 40 && x < left) left = x;
        }
      }
      const ink = (x, y) => x >= 0 && x < width && y < height && diff(x, y) > strongest / 2;
      let best = 0;
      for (let dy = 0; dy <= Math.max(0, h - rh) + 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          let both = 0, either = 0;
          for (let y = 0; y < rh; y++) {
            for (let x = 0; x < rw; x++) {
              const a = mask[y * rw + x] === 1;
              const b = ink(left + dx + x, top + dy + y);
              if (a && b) both++;
              if (a || b) either++;
            }
          }
          best = Math.max(best, both / either);
        }
      }
      scores.push({ top, score: Math.round(best * 100) / 100 });
    }
    return { width, height, background: bg, scores };
  }, { png, text, font, from, to });
}

let blankPage;
async function blank() {
  blankPage ??= await (await env.browser.newContext()).newPage();
  return blankPage;
}

async function exportPng(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.ak-switch[data-action=png]').click()]);
  assert.equal(download.suggestedFilename(), 'ankang-graphic.png');
  return (await readFile(await download.path())).toString('base64');
}

test('the exported long image is 1080 px wide and carries the title and the source line', async () => {
  const { page, context } = await open(env, '/', { width: 800 });
  await settled(page);
  const png = await exportPng(page);
  const bytes = Buffer.from(png, 'base64');
  assert.equal(bytes.readUInt32BE(16), 1080, '1080 px wide');
  assert.ok(bytes.readUInt32BE(20) > 4000, 'a long image');
  const [title, source] = [DATA.meta.title.zh, DATA.meta.source.zh];
  const top = await findText(png, title, `bold 66px ${FONT_STACK}`, [0, 200]);
  assert.ok(top.scores.some((s) => s.score > 0.8), `the title opens the image: ${JSON.stringify(top.scores)}`);
  // The source line is wrapped at 360 px; its start, "来源：2025年4月", begins a line near the foot.
  const height = bytes.readUInt32BE(20);
  const foot = await findText(png, source.slice(0, 10), `36px ${FONT_STACK}`, [height - 600, height]);
  assert.ok(foot.scores.some((s) => s.score > 0.8), `the source line sits at the foot: ${JSON.stringify(foot.scores)}`);
  // The check can tell: text that is not there scores low.
  const absent = await findText(png, '并不存在的标题', `bold 66px ${FONT_STACK}`, [0, 200]);
  assert.ok(absent.scores.every((s) => s.score < 0.6), JSON.stringify(absent.scores.filter((s) => s.score >= 0.6)));
  await context.close();
});

test('the long image follows the reader: English, dark, and the map as chosen', async () => {
  const { page, context } = await open(env, '/#county=610924&lang=en&theme=dark', { width: 1200 });
  await settled(page);
  const png = await exportPng(page);
  const first = DATA.meta.title.en.split(' ').slice(0, 3).join(' ');
  const found = await findText(png, first, `bold 66px ${FONT_STACK}`, [0, 200]);
  assert.deepEqual(found.background, [0x16, 0x18, 0x1c], 'the dark ground');
  assert.ok(found.scores.some((s) => s.score > 0.8), `English title: ${JSON.stringify(found.scores)}`);
  assert.equal(found.width, 1080);
  await context.close();
});

test('the social card exists, is 1200 × 630, and the page announces it', async () => {
  const { page, context } = await open(env, '/', { width: 1200 });
  const meta = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')]
    .map((m) => [m.getAttribute('property') ?? m.getAttribute('name'), m.content])));
  for (const key of ['og:title', 'og:description', 'og:image', 'twitter:card']) assert.ok(meta[key], `${key} is set`);
  assert.equal(meta['twitter:card'], 'summary_large_image');
  const url = new URL(meta['og:image'], env.base + '/').pathname;
  const card = await get(url);
  assert.equal(card.status, 200);
  assert.equal(card.headers['content-type'], 'image/png');
  assert.deepEqual([card.body.readUInt32BE(16), card.body.readUInt32BE(20)], [1200, 630]);
  // Not a blank: the card has the accent rule, dark title ink and the map's blues.
  const colours = await (await blank()).evaluate(async (src) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = new OffscreenCanvas(img.naturalWidth, img.naturalHeight).getContext('2d');
    c.drawImage(img, 0, 0);
    const { data } = c.getImageData(0, 0, img.naturalWidth, img.naturalHeight);
    const set = new Set();
    for (let i = 0; i < data.length; i += 4 * 7) set.add((data[i] >> 4) * 256 + (data[i + 1] >> 4) * 16 + (data[i + 2] >> 4));
    return set.size;
  }, 'data:image/png;base64,' + card.body.toString('base64'));
  assert.ok(colours > 40, `${colours} colours`);
  await context.close();
});

test('responses are compressed when asked for, and cached like a CDN', async () => {
  const html = await get('/');
  const main = /<link rel="modulepreload" href="([^"]+)"/.exec(html.body.toString())[1];
  const wasm = /<link rel="preload" href="([^"]+\.wasm)"/.exec(html.body.toString())[1];
  assert.match(main, /^pkg\/ankang\.[0-9a-f]{12}\.js$/, 'the module is named by its content');
  for (const path of ['/', '/main.js', '/ankang.css', '/' + main, '/' + wasm, '/fallback-zh.svg']) {
    const plain = await get(path);
    assert.equal(plain.status, 200, path);
    assert.equal(plain.headers['content-encoding'], undefined, `${path}: identity when not asked`);
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.deepEqual(brotliDecompressSync(br.body), plain.body, `${path}: brotli decodes to the file`);
    assert.ok(br.body.length < plain.body.length * 0.6, `${path}: ${br.body.length} of ${plain.body.length} bytes`);
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', path);
    assert.deepEqual(gunzipSync(gz.body), plain.body, `${path}: gzip decodes to the file`);
    assert.equal(br.headers.vary, 'Accept-Encoding');
    const hashed = path.startsWith('/pkg/');
    assert.equal(plain.headers['cache-control'], hashed ? 'public, max-age=31536000, immutable' : 'no-cache', path);
    const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag });
    assert.equal(again.status, 304, `${path}: revalidated with its ETag`);
    assert.equal(again.body.length, 0);
    assert.match(plain.headers['content-security-policy'], /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  }
  assert.equal((await get('/social-card.png', { 'accept-encoding': 'br' })).headers['content-encoding'], undefined, 'PNG is sent as is');
  assert.equal((await get('/pkg/ankang.js')).status, 404, 'no unhashed module name is served');
});

test('the page still works over the compressed, cached responses', async () => {
  const { page, context, problems } = await open(env, '/', { width: 360 });
  await settled(page);
  const encodings = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => /\.(js|wasm)$/.test(e.name)).map((e) => e.encodedBodySize < e.decodedBodySize));
  assert.ok(encodings.length >= 2 && encodings.every(Boolean), 'the module and wasm arrived compressed');
  assert.deepEqual(problems, []);
  await context.close();
});
