// Hashes of every settled canvas, to prove a refactor kept the pixels:
//   node tests/e2e/pixels.mjs > before.json   (after `bash .ci/build`)
//   node tests/e2e/pixels.mjs > after.json && diff before.json after.json
// DPR 2, light and dark, 360 and 1200 px, the first view and a deep-linked
// metric view with a county selected; motion reduced, so each canvas shows
// its final frame. MOTION=1: motion on, each chart's entry run by scrolling
// through and each canvas hovered and left, so the hashes are of canvases
// drawn over many frames, not once.
import { launch, open, readThrough, settled } from './browser.mjs';

const MOTION = process.env.MOTION === '1';

const env = await launch();
const hashes = {};
try {
  for (const path of ['/', '/#county=610924&metric=new_unions']) {
    for (const width of [360, 1200]) {
      for (const scheme of ['light', 'dark']) {
        const { page, context, problems } = await open(env, path, { width, dpr: 2, reducedMotion: MOTION ? 'no-preference' : 'reduce', colorScheme: scheme });
        await settled(page);
        if (MOTION) {
          await readThrough(page);
          const count = await page.evaluate(() => document.querySelectorAll('[data-ankang-graphic] canvas').length);
          for (let i = 0; i < count; i++) {
            const [x, y] = await page.evaluate((i) => {
              const c = document.querySelectorAll('[data-ankang-graphic] canvas')[i];
              c.scrollIntoView({ block: 'center' });
              const r = c.getBoundingClientRect();
              return [r.left + r.width / 2, r.top + r.height / 2];
            }, i);
            await page.mouse.move(x, y);
            await page.waitForTimeout(150);
            await page.mouse.move(1, 1);
            await page.waitForTimeout(150);
          }
          await settled(page);
        }
        await page.waitForTimeout(300);
        const canvases = await page.evaluate(() => Promise.all([...document.querySelectorAll('[data-ankang-graphic] canvas')].map(async (c) => {
          const name = c.closest('[data-chart]')?.dataset.chart ?? (c.closest('.ak-side') ? 'bars' : 'map');
          const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', px));
          const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
          return [name, `${c.width}x${c.height} ${hex}`];
        })));
        const key = `${path} ${width}px ${scheme}`;
        hashes[key] = Object.fromEntries(canvases);
        if (problems.length) hashes[key].problems = problems;
        await context.close();
      }
    }
  }
} finally {
  await env.close();
}
console.log(JSON.stringify(hashes, null, 1));
