// Embedding, deep links, language, table, fallbacks: the served pages in
// headless Chromium.   node --test tests/e2e/   (after `bash .ci/build`)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open, settled } from './browser.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const FIGURES = JSON.parse(await readFile(new URL('../../src/data/ankang.json', import.meta.url), 'utf8')).figures.length;

test('the iframe follows its content height, within 2 px, after a resize', async () => {
  const { page, context, problems } = await open(env, '/demo.html', { width: 1200, height: 900 });
  const frame = page.frameLocator('#ankang-frame');
  await frame.locator('[data-ankang-state="settled"]').waitFor({ timeout: 15_000 });
  const gap = async () => page.evaluate(() => {
    const f = document.getElementById('ankang-frame');
    return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height);
  });
  await page.waitForFunction(() => {
    const f = document.getElementById('ankang-frame');
    return Math.abs(f.getBoundingClientRect().height - f.contentDocument.documentElement.getBoundingClientRect().height) <= 2;
  }, null, { timeout: 5000 });
  const wide = await page.evaluate(() => document.getElementById('ankang-frame').getBoundingClientRect().height);
  await page.setViewportSize({ width: 380, height: 800 });
  await page.waitForFunction((old) => {
    const f = document.getElementById('ankang-frame');
    const h = f.getBoundingClientRect().height;
    return h !== old && Math.abs(h - f.contentDocument.documentElement.getBoundingClientRect().height) <= 2;
  }, wide, { timeout: 5000 });
  assert.ok(await gap() <= 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two script embeds on one page stay independent', async () => {
  const { page, context, problems } = await open(env, '/demo.html', { width: 1000 });
  await page.waitForSelector('.story > [data-ankang-graphic][data-ankang-state]');
  // A second script embed, added the way an editor's CMS would.
  await page.evaluate(async () => {
    const div = document.createElement('div');
    div.setAttribute('data-ankang-graphic', '');
    div.id = 'second';
    document.querySelector('.story').append(div);
    // The page's own module instance, through main.js (pkg/ names are content-hashed).
    const m = await (await import('./main.js')).ready;
    m.mountAll();
  });
  const graphics = page.locator('.story > [data-ankang-graphic]');
  assert.equal(await graphics.count(), 2);
  assert.equal(await page.locator('.story .ak-graphic').count(), 2);
  const [first, second] = [graphics.nth(0), graphics.nth(1)];
  assert.equal(await first.getAttribute('lang'), 'en');
  assert.equal(await second.getAttribute('lang'), 'zh-CN');
  await second.locator('.ak-metric').nth(2).click();
  assert.equal(await second.locator('.ak-metric').nth(2).getAttribute('aria-checked'), 'true');
  assert.equal(await first.locator('.ak-metric').nth(2).getAttribute('aria-checked'), 'false', 'the first graphic kept its metric');
  await second.locator('.ak-switch[data-action=lang]').click();
  assert.equal(await second.getAttribute('lang'), 'en');
  await first.locator('.ak-switch[data-action=lang]').click();
  assert.equal(await first.getAttribute('lang'), 'zh-CN', 'each toggles its own language');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link opens the right county and metric, and bad values are ignored with a warning', async () => {
  const { page, context } = await open(env, '/#county=610927&metric=insurance_claims&lang=en&theme=dark', { width: 1200 });
  await settled(page);
  assert.equal(await page.locator('.ak-card-title').textContent(), 'Zhenping County');
  assert.equal(await page.locator('.ak-metric[data-metric=insurance_claims]').getAttribute('aria-checked'), 'true');
  assert.equal(await page.locator('.ak-graphic').getAttribute('data-theme'), 'dark');
  assert.equal(await page.locator('.ak-graphic').getAttribute('lang'), 'en');
  await context.close();

  const bad = await open(env, '/#county=999&metric=nope&lang=en', { width: 800 });
  const warnings = [];
  bad.page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await bad.page.reload();
  await settled(bad.page);
  assert.equal(await bad.page.locator('.ak-graphic').getAttribute('lang'), 'en', 'the valid part applies');
  assert.equal(await bad.page.locator('.ak-card-title').count(), 0);
  assert.ok(warnings.some((w) => w.includes('county') && w.includes('999')), warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('metric')), warnings.join('\n'));
  await bad.context.close();
});

test('state changes update the hash without adding history entries', async () => {
  const { page, context } = await open(env, '/', { width: 1200 });
  await settled(page);
  const length = await page.evaluate(() => history.length);
  await page.locator('.ak-metric[data-metric=new_members]').click();
  const map = page.locator('.ak-map-wrap canvas');
  await map.focus();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
  }
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /metric=new_members/);
  assert.match(hash, /county=\d{6}/);
  assert.equal(await page.evaluate(() => history.length), length, 'replaceState, not pushState');
  await context.close();
});

test('the language toggle changes every label, and the table has a row per figure', async () => {
  const { page, context } = await open(env, '/', { width: 1200 });
  await settled(page);
  const graphic = page.locator('.ak-graphic');
  assert.equal(await graphic.locator('.ak-table tbody tr').count(), FIGURES);
  const zhTitle = await graphic.locator('.ak-title').textContent();
  const zhLabel = await graphic.locator('[data-chart=headline] canvas').getAttribute('aria-label');
  const zhPixels = await graphic.locator('[data-chart=headline] canvas').evaluate((c) => c.toDataURL());
  await graphic.locator('.ak-switch[data-action=lang]').click();
  assert.notEqual(await graphic.locator('.ak-title').textContent(), zhTitle);
  const enLabel = await graphic.locator('[data-chart=headline] canvas').getAttribute('aria-label');
  assert.match(zhLabel, /18万/);
  assert.match(enLabel, /180,000/);
  assert.notEqual(await graphic.locator('[data-chart=headline] canvas').evaluate((c) => c.toDataURL()), zhPixels, 'the canvas text changed');
  assert.equal(await graphic.locator('.ak-metric').first().textContent(), 'Overview');
  assert.equal(await graphic.locator('.ak-table th[scope=col]').first().textContent(), 'Place');
  assert.equal(await graphic.locator('.ak-table tbody tr').count(), FIGURES);
  await context.close();
});

test('the demo page runs under the strict CSP with nothing leaving the origin', async () => {
  const { page, context, problems } = await open(env, '/demo.html', { width: 360 });
  await page.waitForSelector('.story > [data-ankang-graphic][data-ankang-state]');
  await page.frameLocator('#ankang-frame').locator('[data-ankang-state]').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without WebAssembly the static SVG and the table show', async () => {
  const context = await env.browser.newContext({ viewport: { width: 800, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(env.base + '/');
  const img = page.locator('.ak-fallback-img');
  await img.waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const i = document.querySelector('.ak-fallback-img');
    return i.complete && i.naturalWidth > 0;
  });
  assert.equal(await page.locator('.ak-fallback details').getAttribute('open'), '');
  assert.equal(await page.locator('.ak-fallback tbody tr').count(), FIGURES);
  assert.ok(await page.locator('.ak-fallback tbody').isVisible());
  assert.match(await page.locator('.ak-status').textContent(), /static version|静态版本/);
  await context.close();
});

test('hovering a number shows the article sentence it comes from', async () => {
  const { page, context } = await open(env, '/', { width: 1200 });
  await settled(page);
  const canvas = page.locator('[data-chart=headline] canvas');
  const box = await canvas.boundingBox();
  // The first counter's number: top-left of the chart, below its 3 px rule.
  await page.mouse.move(box.x + 40, box.y + 40);
  const tip = page.locator('.ak-tip');
  await tip.waitFor({ state: 'visible' });
  const text = await tip.textContent();
  assert.match(text, /18万/);
  assert.match(text, /推动18万产业工人/, 'the verbatim sentence');
  await page.mouse.move(box.x + 5, box.y + box.height - 3);
  await tip.waitFor({ state: 'hidden' });
  await context.close();
});

test('the PNG is the 1080 px long image, and the CSV has a BOM and a line per figure', async () => {
  const { page, context } = await open(env, '/', { width: 800 });
  await settled(page);
  const [png] = await Promise.all([page.waitForEvent('download'), page.locator('.ak-switch[data-action=png]').click()]);
  assert.equal(png.suggestedFilename(), 'ankang-graphic.png');
  const image = await readFile(await png.path());
  assert.deepEqual([...image.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
  // Whatever the page's width: the phone column at 3× (publish.test.mjs reads its pixels).
  assert.equal(image.readUInt32BE(16), 1080, '1080 px wide');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('.ak-switch[data-action=csv]').click()]);
  assert.equal(csv.suggestedFilename(), 'ankang-figures.csv');
  const bytes = await readFile(await csv.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const lines = bytes.toString('utf8').trim().split('\r\n');
  assert.equal(lines.length, FIGURES + 1);
  assert.match(bytes.toString('utf8'), /"city\.workers","city","安康市","Ankang"/);
  await context.close();
});
