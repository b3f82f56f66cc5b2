// Page tests: the served page as a reader's browser sees it.
//   node --test tests/e2e/      (after `bash .ci/build`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open, settled } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const canvasPixels = (page) => page.evaluate(() => {
  const c = document.querySelector('canvas');
  return c.toDataURL();
});

test('the page draws the graphic under the strict CSP, with nothing leaving the origin', async () => {
  const { page, context, problems } = await open(env, '/', { width: 360, dpr: 2 });
  await settled(page);
  const info = await page.evaluate(() => {
    const c = document.querySelector('canvas');
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4 * 97) colours.add(`${data[i]},${data[i + 1]},${data[i + 2]}`);
    return { w: c.width, cssW: c.getBoundingClientRect().width, colours: colours.size, label: c.getAttribute('aria-label'),
      role: c.getAttribute('role'), csp: window.__cspViolations, scroll: document.scrollingElement.scrollWidth, inner: innerWidth };
  });
  assert.equal(info.w, info.cssW * 2, 'backing store is CSS width × DPR');
  assert.ok(info.colours > 3, 'the canvas is not blank');
  assert.equal(info.role, 'img');
  assert.match(info.label, /18万/);
  assert.deepEqual(info.csp, [], 'no CSP violations');
  assert.ok(info.scroll <= info.inner, 'no horizontal scroll at 360 px');
  assert.deepEqual(problems, []);
  await context.close();
});

test('with prefers-reduced-motion the first frame is the settled frame', async () => {
  const { page, context } = await open(env, '/', { reducedMotion: 'reduce' });
  await page.waitForSelector('canvas');
  const first = await canvasPixels(page);
  assert.equal(await page.getAttribute('[data-ankang-graphic]', 'data-ankang-state'), 'settled');
  await page.waitForTimeout(1500);
  assert.equal(await canvasPixels(page), first, 'nothing changed after the first frame');
  await context.close();
});

test('without reduced motion the entry animates, then settles', async () => {
  const { page, context } = await open(env, '/');
  await page.waitForSelector('canvas');
  const early = await canvasPixels(page);
  await settled(page);
  assert.notEqual(await canvasPixels(page), early, 'the settled frame differs from the first');
  await context.close();
});

test('axe-core finds no serious or critical problems, in every state a reader reaches', async () => {
  const axe = await readFile(new URL('../../.ci/node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  const pages = [
    ['/', 360], ['/', 1200],
    ['/#county=610924&metric=insurance_claims&theme=dark&lang=en', 1200],
    ['/#county=hengkou&lang=zh&theme=dark', 360],
    ['/demo.html', 1200],
  ];
  for (const [path, width] of pages) {
    const { page, context } = await open(env, path, { width });
    await settled(page);
    // Open the data table too, so its markup is checked.
    await page.locator('.ak-table summary').first().click();
    // Injected through the driver, not the page, so the page's CSP stays as served.
    await page.evaluate(axe);
    const result = await page.evaluate(() => window.axe.run(document));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), [], `${path} at ${width} px`);
    await context.close();
  }
});

test('a tap on the map opens a story card and the map leaves scrolling to the page', async () => {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(env.base + '/');
  await settled(page);
  const map = page.locator('.ak-map-wrap canvas');
  await map.scrollIntoViewIfNeeded();
  const touchAction = await map.evaluate((c) => getComputedStyle(c).touchAction);
  assert.equal(touchAction, 'auto', 'the canvas must not claim touch gestures');
  const box = await map.boundingBox();
  // Hanbin, the large central county: a tap near the middle of the map's upper half.
  await page.touchscreen.tap(box.x + box.width * 0.5, box.y + box.height * 0.36);
  const title = await page.locator('.ak-card-title').textContent();
  assert.ok(title && title.length > 1, 'a card opened');
  const before = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(200);
  assert.ok(await page.evaluate(() => scrollY) > before, 'the page still scrolls with the pointer over the map');
  await context.close();
});
