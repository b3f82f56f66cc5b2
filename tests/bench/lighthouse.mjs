// Lighthouse's mobile profile (its defaults: a mid-range phone, simulated
// slow 4G, 4× CPU slowdown) on the site as served (target/site/ through
// .ci/server.mjs: hashed names, brotli, CSP), in Debian's Chromium, RUNS
// times; writes tests/bench/lighthouse.json for report.mjs. Reported, not
// asserted, like the rest of the bench.
//   node tests/bench/lighthouse.mjs      (after `bash .ci/build` and `npm ci --prefix tests/bench`)
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../.ci/server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const server = await startServer(0);
const url = `http://127.0.0.1:${server.address().port}/`;
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
});
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const a = lhr.audits;
    const run = {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcpMs: a['first-contentful-paint'].numericValue,
      lcpMs: a['largest-contentful-paint'].numericValue,
      tbtMs: a['total-blocking-time'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      speedIndexMs: a['speed-index'].numericValue,
    };
    runs.push(run);
    console.error(`[lighthouse] run ${i + 1}/${RUNS}: performance ${run.performance}, accessibility ${run.accessibility}, LCP ${Math.round(run.lcpMs)} ms, TBT ${Math.round(run.tbtMs)} ms, CLS ${run.cls}`);
  }
} finally {
  await chrome.kill();
  server.close();
}
const median = (key) => [...runs.map((r) => r[key])].sort((x, y) => x - y)[Math.floor(runs.length / 2)];
const keys = Object.keys(runs[0]);
const out = { date: new Date().toISOString(), lighthouse: '12.2.3', url: '/ (target/site/ as served)', runs, median: Object.fromEntries(keys.map((k) => [k, median(k)])) };
await writeFile(join(HERE, 'lighthouse.json'), JSON.stringify(out, null, 2) + '\n');
console.error('[lighthouse] wrote tests/bench/lighthouse.json');
