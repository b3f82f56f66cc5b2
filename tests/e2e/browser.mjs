// Shared set-up for page tests and screenshots: the static server with its
// CSP, and Debian's headless Chromium driven by playwright-core.
import { chromium } from '../../.ci/node_modules/playwright-core/index.mjs';
import { startServer } from '../../.ci/server.mjs';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  const server = await startServer(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    base, browser,
    async close() { await browser.close(); server.close(); },
  };
}

/// Opens `path` in a new page and collects console errors, CSP violations
/// and requests that left the origin.
export async function open(env, path, { width = 1200, height = 900, dpr = 1, reducedMotion = 'no-preference', colorScheme = 'light' } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, reducedMotion, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(env.base)) problems.push(`left the origin: ${r.url()}`); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective));
  });
  await page.goto(env.base + path);
  return { page, context, problems };
}

export async function settled(page, selector = '[data-ankang-graphic]') {
  await page.waitForSelector(`${selector}[data-ankang-state="settled"]`, { timeout: 10_000 });
}

/// Scrolls through the page as a reader would, so that every chart's entry
/// runs, then waits until the graphic is idle.
export async function readThrough(page) {
  await page.waitForSelector('[data-ankang-state]');
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 400) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await page.waitForTimeout(120);
  }
  await page.evaluate(() => scrollTo(0, 0));
  await settled(page);
  await page.waitForTimeout(1500);
  await settled(page);
}
