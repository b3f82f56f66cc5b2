// The served page in WebKit (MiniBrowser through WebKitWebDriver, under a
// private Xvfb): the graphic mounts at 1200 px with no errors, every chart
// draws, and a screenshot goes to tests/e2e/out/webkit-1200.png.
//   node --test tests/e2e/webkit.test.mjs      (after `bash .ci/build`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { launchWebKit } from './webkit.mjs';

let wk;
before(async () => { wk = await launchWebKit(); });
after(async () => { await wk?.close(); });

// Polls (in the page) until every graphic reports "settled"; the last
// argument is WebDriver's callback. Resolves to the state it last saw.
const WAIT_SETTLED = `const done = arguments[arguments.length - 1], start = Date.now();
(function poll() {
  const frames = [...document.querySelectorAll('[data-ankang-graphic]')];
  const states = frames.map((f) => f.getAttribute('data-ankang-state'));
  if (frames.length && states.every((s) => s === 'settled')) done('settled');
  else if (Date.now() - start > 20000) done('not settled: ' + JSON.stringify(states));
  else setTimeout(poll, 50);
})();`;

// Scrolls through the page as a reader would (charts draw as they near the
// viewport), then back to the top.
const READ_THROUGH = `const done = arguments[arguments.length - 1];
(async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += 400) {
    scrollTo(0, y);
    await new Promise((r) => setTimeout(r, 120));
  }
  scrollTo(0, 0);
  done();
})();`;

// What the page shows once read through: every canvas, sampled for colours.
const INSPECT = `const canvases = [...document.querySelectorAll('[data-ankang-graphic] canvas')].map((c) => {
  const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 97) colours.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2]);
  return { chart: c.closest('[data-chart]')?.dataset.chart ?? (c.closest('.ak-map') ? 'map' : '?'), w: c.width,
    cssW: Math.round(c.getBoundingClientRect().width), colours: colours.size };
});
return {
  problems: window.__problems, canvases,
  errors: document.querySelectorAll('.ak-error').length,
  fallbackNotice: document.querySelector('[data-ankang-graphic] > .ak-status')?.textContent ?? null,
  label: document.querySelector('[data-chart=headline] canvas')?.getAttribute('aria-label') ?? null,
  scroll: document.scrollingElement.scrollWidth, inner: innerWidth, innerHeight, dpr: devicePixelRatio,
  height: document.documentElement.scrollHeight,
};`;

test('WebKit mounts the served page\'s graphic at 1200 px with no errors, and every chart draws', async () => {
  await wk.setWindow(1200, 900);
  await wk.go('/');
  assert.equal(await wk.asyncScript(WAIT_SETTLED), 'settled', `${wk.version}: the graphic settles`);
  await wk.asyncScript(READ_THROUGH);
  assert.equal(await wk.asyncScript(WAIT_SETTLED), 'settled', 'settled again after the entries');
  const info = await wk.script(INSPECT);

  assert.equal(info.inner, 1200, 'the viewport is 1200 px wide');
  assert.deepEqual(info.problems, [], 'no errors, rejections, console errors, failed loads or CSP violations');
  assert.equal(info.errors, 0, 'no .ak-error in the frame');
  assert.equal(info.fallbackNotice, null, 'main.js did not fall back to the static version');
  assert.match(info.label ?? '', /18万/, 'the headline chart carries its description');
  assert.ok(info.canvases.length >= 8, `${info.canvases.length} canvases`);
  for (const c of info.canvases) {
    assert.ok(c.cssW > 0 && c.w === Math.round(c.cssW * info.dpr), `${c.chart}: backing store ${c.w} for ${c.cssW} CSS px`);
    assert.ok(c.colours > 3, `${c.chart} is drawn, not blank (${c.colours} colours)`);
  }
  assert.ok(info.scroll <= info.inner, `no horizontal scroll (${info.scroll} > ${info.inner})`);

  // The whole page in one picture: WebKit clips screenshots to the viewport,
  // so the window grows to the page's height first.
  await wk.setWindow(1200, info.height + 900 - info.innerHeight);
  const png = await wk.screenshot();
  assert.equal(png.readUInt32BE(16), 1200 * info.dpr, 'the screenshot is 1200 px wide');
  const out = new URL('./out/', import.meta.url);
  await mkdir(out, { recursive: true });
  await writeFile(new URL('webkit-1200.png', out), png);
  console.log(`${wk.version}: tests/e2e/out/webkit-1200.png, ${png.readUInt32BE(16)}×${png.readUInt32BE(20)} px`);
});
