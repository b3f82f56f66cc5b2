// Screenshots for looking at the graphic as a reader would.
//   node tests/e2e/shots.mjs [path]   → tests/e2e/out/*.png  (after `bash .ci/build`)
import { mkdir } from 'node:fs/promises';
import { launch, open, settled } from './browser.mjs';

const path = process.argv[2] ?? '/';
const out = new URL('./out/', import.meta.url);
await mkdir(out, { recursive: true });
const env = await launch();
try {
  for (const [width, dpr] of [[360, 2], [1200, 1]]) {
    const { page, context, problems } = await open(env, path, { width, height: 800, dpr });
    await settled(page);
    const file = new URL(`shot-${width}.png`, out);
    await page.screenshot({ path: file.pathname, fullPage: true });
    console.log(file.pathname, problems.length ? problems : 'no problems');
    await context.close();
  }
} finally {
  await env.close();
}
