// The graphic where editors put it: a script embed on an article served from
// another origin (with the headers and CSP line README.md gives hosts), what
// that container shows when main.js, the module or its wasm cannot load, pym.js width
// messages, and width changes without error events.
//   node --test tests/e2e/      (after `bash .ci/build`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { launch, settled } from './browser.mjs';

const README = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
/// The script-embed snippet and the host CSP line, exactly as README.md gives them.
const SNIPPET = README.match(/^<div data-ankang-graphic>.*<\/script>$/m)?.[0];
const HOST_CSP = README.match(/^Content-Security-Policy: (script-src .*)$/m)?.[1];

let env, host, hostBase;
/// Pages of the second origin, by path.
const pages = new Map();

before(async () => {
  env = await launch();
  // The article's origin: another loopback port, so another origin.
  host = createServer((req, res) => {
    const page = pages.get(new URL(req.url, 'http://x').pathname);
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': page.csp });
    res.end(page.html);
  });
  await new Promise((done) => host.listen(0, '127.0.0.1', done));
  hostBase = `http://127.0.0.1:${host.address().port}`;
});
after(async () => {
  await env?.close();
  host?.close();
});

/// An article on the second origin embedding the graphic with README's snippet, under README's CSP.
function article(path) {
  assert.ok(SNIPPET, 'README.md gives the one-line script embed');
  assert.ok(HOST_CSP, 'README.md gives the CSP line for hosts');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Host article</title></head>
<body><article><h1>报道</h1><p>正文……</p>
${SNIPPET.replaceAll('https://HOST/ankang/', env.base + '/')}
<p>正文继续。</p></article></body></html>`;
  pages.set(path, { html, csp: "default-src 'self'; " + HOST_CSP.replaceAll('https://HOST', env.base) });
  return hostBase + path;
}

async function hostPage(url, block) {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (block) await page.route(block, (route) => route.abort());
  await page.goto(url);
  return { page, context, problems };
}

test('a script embed on an article from another origin renders, under the CSP README gives hosts', async () => {
  const { page, context, problems } = await hostPage(article('/story.html'));
  await settled(page);
  const info = await page.evaluate(() => {
    const c = document.querySelector('[data-ankang-graphic] canvas');
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return { colours: colours.size, canvases: document.querySelectorAll('canvas').length, csp: window.__csp, origin: location.origin,
      css: [...document.styleSheets].some((s) => s.href?.endsWith('/ankang.css')) };
  });
  assert.equal(info.origin, hostBase);
  assert.notEqual(hostBase, env.base);
  assert.ok(info.canvases >= 7, 'every chart and the map');
  assert.ok(info.colours > 3, 'the first canvas is drawn');
  assert.ok(info.css, 'main.js linked the stylesheet from the graphic\'s origin');
  assert.deepEqual(info.csp, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the graphic\'s files carry the headers a cross-origin embed needs', async () => {
  const html = await (await fetch(env.base + '/')).text();
  const module = /<link rel="modulepreload" href="([^"]+)"/.exec(html)[1];
  const wasm = /<link rel="preload" href="([^"]+\.wasm)"/.exec(html)[1];
  for (const path of ['/main.js', '/' + module, '/' + wasm, '/ankang.css', '/fallback-zh.svg', '/social-card.png']) {
    const res = await fetch(env.base + path, { headers: { origin: hostBase } });
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
  }
  assert.equal((await fetch(env.base + '/' + wasm)).headers.get('content-type'), 'application/wasm');
});

test('with main.js blocked, the container shows its message and a link to the stand-alone page', async () => {
  const { page, context } = await hostPage(article('/blocked.html'), `${env.base}/main.js`);
  await page.waitForLoadState('load');
  const link = page.locator('[data-ankang-graphic] a');
  assert.ok(await link.isVisible(), 'the link shows');
  assert.equal(await link.evaluate((a) => a.href), env.base + '/index.html');
  assert.match(await page.locator('[data-ankang-graphic]').textContent(), /安康产改图解/);
  const box = await page.locator('[data-ankang-graphic]').boundingBox();
  assert.ok(box.height >= 16, `the container is not an empty box (${box.height} px)`);
  // The link leads to the graphic.
  const standAlone = await fetch(await link.evaluate((a) => a.href));
  assert.equal(standAlone.status, 200);
  await context.close();
});

test('with the module blocked, main.js says so in the container and keeps the link', async () => {
  const { page, context } = await hostPage(article('/nomodule.html'), `${env.base}/pkg/*.js`);
  const status = page.locator('[data-ankang-graphic] .ak-status[role=status]');
  await status.waitFor({ timeout: 10_000 });
  assert.match(await status.textContent(), /could not load/);
  assert.ok(await status.isVisible());
  assert.equal(await page.locator('[data-ankang-graphic] a').first().evaluate((a) => a.href), env.base + '/index.html');
  await context.close();
});

test('with the wasm blocked, main.js says so in the container; with a wrong MIME type it still renders', async () => {
  const blocked = await hostPage(article('/nowasm.html'), `${env.base}/pkg/*.wasm`);
  const status = blocked.page.locator('[data-ankang-graphic] .ak-status[role=status]');
  await status.waitFor({ timeout: 10_000 });
  assert.match(await status.textContent(), /could not load/);
  assert.equal(await blocked.page.locator('[data-ankang-graphic] canvas').count(), 0);
  assert.deepEqual(blocked.problems.filter((p) => p.startsWith('page error')), [], 'no unhandled rejection');
  await blocked.context.close();
  // A host serving the wasm as application/octet-stream: main.js's streaming
  // compile refuses it, and the module's own loader compiles the bytes.
  const { page, context, problems } = await hostPage(article('/octet.html'));
  await page.route(`${env.base}/pkg/*.wasm`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.reload();
  await settled(page);
  assert.ok(await page.locator('[data-ankang-graphic] canvas').count() >= 7);
  assert.deepEqual(problems.filter((p) => p.startsWith('page error')), []);
  await context.close();
});

test('a pym.js width message gets a height reply, like a real pym.Child', async () => {
  pages.set('/pym.html', {
    csp: "default-src 'self'; frame-src " + env.base,
    html: `<!doctype html><meta charset="utf-8"><title>pym parent</title>
<iframe id="f" src="${env.base}/index.html?childId=ak-pym&initialWidth=600" style="width:600px;height:400px;border:0"></iframe>`,
  });
  const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__heights = [];
    addEventListener('message', (e) => {
      if (typeof e.data === 'string' && e.data.startsWith('pymxPYMxak-pymxPYMxheightxPYMx')) window.__heights.push(Number(e.data.split('xPYMx')[3]));
    });
  });
  await page.goto(hostBase + '/pym.html');
  await page.frameLocator('#f').locator('[data-ankang-state="settled"]').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => window.__heights.length > 0);
  await page.waitForTimeout(600);
  const before = await page.evaluate(() => window.__heights.length);
  // Another child's width message is not ours to answer.
  await page.evaluate((origin) => document.getElementById('f').contentWindow.postMessage('pymxPYMxotherxPYMxwidthxPYMx600', origin), env.base);
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => window.__heights.length), before, 'no reply to another child id');
  await page.evaluate((origin) => document.getElementById('f').contentWindow.postMessage('pymxPYMxak-pymxPYMxwidthxPYMx600', origin), env.base);
  await page.waitForFunction((n) => window.__heights.length > n, before, { timeout: 2000 });
  const height = await page.evaluate(() => window.__heights.at(-1));
  assert.ok(height > 1000, `a real height: ${height}`);
  await context.close();
});

test('ten width changes fire no error event on window (no ResizeObserver loop errors)', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__errors = [];
    addEventListener('error', (e) => window.__errors.push(e.message || String(e)));
  });
  await page.goto(env.base + '/');
  await settled(page);
  for (const width of [360, 1200, 420, 980, 600, 800, 375, 1280, 500, 1024]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  // And the graphic did follow: laid out for the last width.
  const fit = await page.evaluate(() => {
    const c = document.querySelector('[data-chart=headline] canvas');
    return [c.width, Math.round(c.getBoundingClientRect().width)];
  });
  assert.equal(fit[0], fit[1], 'the backing store matches the last width');
  assert.ok(fit[1] > 900);
  await context.close();
});
