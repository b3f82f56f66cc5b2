// Screenshots for looking at the graphic as a reader would.
//   node tests/e2e/shots.mjs [path] [tag]  → tests/e2e/out/*.png  (after `bash .ci/build`)
//   SCHEME=dark     the dark theme
//   NOJS=1          the page with JavaScript off (the static fallback), at 360 and 1200 px
//   EXPORT=1        also saves what 下载图片 downloads, as export<tag>-<width>.png
import { copyFile, mkdir } from 'node:fs/promises';
import { launch, open, readThrough } from './browser.mjs';

const path = process.argv[2] ?? '/';
const tag = process.argv[3] ?? '';
const scheme = process.env.SCHEME ?? 'light';
const out = new URL('./out/', import.meta.url);
await mkdir(out, { recursive: true });
const env = await launch();
try {
  for (const [width, dpr] of [[360, 2], [1200, 1]]) {
    if (process.env.NOJS) {
      const context = await env.browser.newContext({ viewport: { width, height: 800 }, deviceScaleFactor: dpr, javaScriptEnabled: false, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(env.base + path, { waitUntil: 'load' });
      const file = new URL(`nojs${tag}-${width}.png`, out);
      await page.screenshot({ path: file.pathname, fullPage: true });
      console.log(file.pathname, await page.evaluate(() => document.documentElement.scrollHeight), 'px tall');
      await context.close();
      continue;
    }
    const { page, context, problems } = await open(env, path, { width, height: 800, dpr, colorScheme: scheme });
    await readThrough(page);
    const file = new URL(`shot${tag}-${width}.png`, out);
    await page.screenshot({ path: file.pathname, fullPage: true });
    console.log(file.pathname, problems.length ? problems : 'no problems');
    if (process.env.EXPORT) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.ak-switch[data-action=png]').first().click()]);
      const saved = new URL(`export${tag}-${width}.png`, out);
      await copyFile(await download.path(), saved);
      console.log(saved.pathname);
    }
    // The same page with a county chosen from the keyboard (its story card open).
    const map = page.locator('.ak-map-wrap canvas');
    if (await map.count()) {
      await map.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      const selected = new URL(`shot${tag}-${width}-selected.png`, out);
      await page.screenshot({ path: selected.pathname, fullPage: true });
      console.log(selected.pathname);
    }
    await context.close();
  }
} finally {
  await env.close();
}
