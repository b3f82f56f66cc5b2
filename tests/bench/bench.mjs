// The browser benchmark: the graphic (www/, under its strict CSP) against a
// reference page drawing the same map and bars with Apache ECharts
// (tests/bench/reference/, no CSP), measured the same way in one run, in
// Debian's headless Chromium at 1200×900, deviceScaleFactor 2.
//
//   node tests/bench/bench.mjs        (after `bash .ci/build` and `npm ci --prefix tests/bench`)
//   BENCH_RUNS=3 node tests/bench/bench.mjs
//
// Prints a table and writes tests/bench/results.json; `.ci/bench` turns that
// into BENCHMARKS.md. Nothing here asserts: budgets are reported, not tested.
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zlibConstants } from 'node:zlib';
import { chromium } from '../../.ci/node_modules/playwright-core/index.mjs';
import { startServer } from './server.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const VIEWPORT = { width: 1200, height: 900 };
const DPR = 2;
const ENTRY_WINDOW_MS = 2000;
const IDLE_MS = 3000;
const HOVERS = 20;
const REDRAWS = 50;
const HIT_POINTS = 1000;
const OUT = join(HERE, 'results.json');

// ----------------------------------------------------------- in the page --
// Installed before any page script: times every requestAnimationFrame
// callback (the graphic's loop and zrender's alike), and notes when the
// graphic's data-ankang-state first appears and first reads "settled".
function instrument() {
  const raf = window.requestAnimationFrame.bind(window);
  const B = (window.__rafBench = { raf, calls: [], count: 0, t0: null, windowMs: 0, stateAt: null, settledAt: null });
  window.requestAnimationFrame = function requestAnimationFrame(callback) {
    return raf((ts) => {
      const start = performance.now();
      try {
        return callback(ts);
      } finally {
        const end = performance.now();
        B.count += 1;
        if (B.t0 === null) B.t0 = start;
        if (start - B.t0 <= B.windowMs) B.calls.push([ts, start, end - start]);
      }
    });
  };
  new MutationObserver(() => {
    const el = document.querySelector('[data-ankang-state]');
    if (!el) return;
    B.stateAt ??= performance.now();
    if (el.getAttribute('data-ankang-state') === 'settled') B.settledAt ??= performance.now();
  }).observe(document, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-ankang-state'] });
}

// The two pages, described the same way: where the map canvas is, where
// the hover feedback shows, and how to tell the page has settled.
const PAGES = {
  ours: {
    label: 'ours (Rust/wasm)',
    path: () => '/',
    mapCanvas: '.ak-map canvas',
    tooltip: '.ak-tooltip',
    async settled(page) {
      await page.waitForSelector('[data-ankang-state="settled"]', { timeout: 20_000 });
    },
  },
  echarts: {
    label: 'Apache ECharts',
    path: (sizes) => `/ref/?bars=${sizes.bars}&map=${sizes.map}`,
    mapCanvas: '#map canvas',
    tooltip: '#map .ec-tooltip',
    async settled(page) {
      await page.waitForFunction(() => window.__bench?.finished?.map && window.__bench?.finished?.bars, null, { timeout: 20_000 });
    },
  },
};

// ------------------------------------------------------------ statistics --
const sorted = (xs) => [...xs].filter(Number.isFinite).sort((a, b) => a - b);
function quantile(xs, q) {
  const s = sorted(xs);
  if (!s.length) return null;
  return s[Math.round((s.length - 1) * q)];
}
const median = (xs) => quantile(xs, 0.5);
const p95 = (xs) => quantile(xs, 0.95);

function typeOf(url, contentType) {
  const ext = extname(new URL(url).pathname);
  if (/html/.test(contentType)) return 'html';
  if (/wasm/.test(contentType)) return 'wasm';
  if (/javascript/.test(contentType)) return 'js';
  if (/css/.test(contentType)) return 'css';
  if (/json/.test(contentType) || ext === '.geojson') return 'json';
  if (/svg/.test(contentType)) return 'svg';
  return 'other';
}

// ----------------------------------------------------------------- a run --
async function run(browser, base, key, sizes, hoverPoints) {
  const def = PAGES[key];
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR, reducedMotion: 'no-preference', colorScheme: 'light' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  // The responses are only noted here; their bodies are read and gzipped
  // after the run. Read during the load, they took the browser's and this
  // process's time (gzip -9 of the wasm, of echarts.min.js) from the very
  // page being timed, on 2 cores.
  const responses = [];
  page.on('response', (response) => {
    if (response.status() === 200) responses.push(response);
  });
  await page.addInitScript(instrument);
  await page.addInitScript((ms) => { window.__rafBench.windowMs = ms; }, ENTRY_WINDOW_MS);
  const cdp = await context.newCDPSession(page);

  await page.goto(base + def.path(sizes), { waitUntil: 'load' });
  await def.settled(page);
  // Let the entry window close, then let everything come to rest.
  await page.waitForFunction((ms) => window.__rafBench.t0 !== null && performance.now() - window.__rafBench.t0 > ms, ENTRY_WINDOW_MS, { timeout: 20_000 });
  await def.settled(page);
  await page.waitForTimeout(500);

  const r = { problems };
  // Time to the first frame, and to the end of the entry animation.
  Object.assign(r, await page.evaluate((key) => {
    const B = window.__rafBench;
    if (key === 'ours') {
      const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
      const first = mark('ankang:first-frame');
      const settled = mark('ankang:settled');
      return {
        firstFrameMs: first ?? B.stateAt, firstFrameSource: first !== null ? 'mark ankang:first-frame' : 'data-ankang-state appeared (no mark)',
        entryDoneMs: settled ?? B.settledAt, entryDoneSource: settled !== null ? 'mark ankang:settled' : 'data-ankang-state="settled" (no mark)',
      };
    }
    const b = window.__bench;
    return {
      firstFrameMs: Math.max(b.firstRendered.map, b.firstRendered.bars), firstFrameSource: "first 'rendered' event of map and bars (later of the two)",
      entryDoneMs: Math.max(b.finished.map, b.finished.bars), entryDoneSource: "first 'finished' event of map and bars (later of the two)",
      perChart: { mapRendered: b.firstRendered.map, mapFinished: b.finished.map, barsRendered: b.firstRendered.bars, barsFinished: b.finished.bars },
    };
  }, key));

  // Main-thread cost per frame during the entry: rAF callback time summed per
  // frame (callbacks sharing a frame timestamp), from the first callback
  // until the entry finished, at most ENTRY_WINDOW_MS.
  const calls = await page.evaluate(() => window.__rafBench.calls);
  const perFrame = new Map();
  for (const [ts, start, dur] of calls) if (start <= r.entryDoneMs) perFrame.set(ts, (perFrame.get(ts) ?? 0) + dur);
  r.entryWindowMs = Math.min(ENTRY_WINDOW_MS, r.entryDoneMs - calls[0][1]);
  r.entryFrames = perFrame.size;
  r.entryFrameMedianMs = median([...perFrame.values()]);
  r.entryFrameP95Ms = p95([...perFrame.values()]);
  r.entryFrameMaxMs = Math.max(...perFrame.values());

  // Idle: rAF callbacks per second, mouse still, nothing moving.
  const before = await page.evaluate(() => window.__rafBench.count);
  await page.waitForTimeout(IDLE_MS);
  const after = await page.evaluate(() => window.__rafBench.count);
  r.idleRafPerSec = (after - before) / (IDLE_MS / 1000);

  // Heap after settle (after a GC), plus the wasm linear memory for ours.
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  r.jsHeapBytes = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await cdp.send('HeapProfiler.disable');
  r.wasmMemoryBytes = key === 'ours'
    // The wasm's exports are renamed short at build time (.ci/slim.mjs), so its memory is found by type.
    ? await page.evaluate(async () => {
      const exports = await (await (await import('/main.js')).ready).default();
      return Object.values(exports).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength;
    })
    : null;

  // Hover → feedback. Bring the map into view and let it settle first.
  await page.evaluate((sel) => document.querySelector(sel).scrollIntoView({ block: 'center' }), def.mapCanvas);
  await page.waitForTimeout(300);
  await def.settled(page);
  await page.waitForTimeout(1200);
  const box = await page.evaluate((sel) => {
    const b = document.querySelector(sel).getBoundingClientRect();
    return { x: b.x, y: b.y, w: b.width, h: b.height };
  }, def.mapCanvas);
  if (!hoverPoints.has(key)) hoverPoints.set(key, await discover(page, def, box));
  const points = hoverPoints.get(key); // [{ name, fx, fy }] as fractions of the canvas box
  r.hoverCounties = points.length;
  r.hoverNames = points.map((p) => p.name);
  await page.evaluate(hoverProbe, def.tooltip);
  const latencies = [];
  let misses = 0;
  for (let i = 0; i < HOVERS && points.length > 1; i++) {
    const p = points[i % points.length];
    await page.evaluate((name) => window.__hover.arm(name), p.name);
    await page.mouse.move(box.x + p.fx * box.w, box.y + p.fy * box.h);
    const ms = await page.evaluate(() => window.__hover.done);
    if (ms === null) {
      misses += 1;
      if (process.env.BENCH_DEBUG) console.error(`[bench] ${key}: no feedback for ${p.name}; tooltip reads`, await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((t) => [t.textContent, t.hidden, getComputedStyle(t).display, getComputedStyle(t).visibility]), def.tooltip));
    } else latencies.push(ms);
    await page.waitForTimeout(60);
  }
  r.hoverMedianMs = median(latencies);
  r.hoverP95Ms = p95(latencies);
  r.hoverSamples = latencies.length;
  r.hoverMisses = misses;
  await page.mouse.move(1, 1);

  // Full redraw and hit test on a second, non-animated instance in a fresh
  // 1200 px container (the page's own instances are not reachable).
  Object.assign(r, key === 'ours' ? await page.evaluate(oursRedrawAndHit, { n: REDRAWS, hits: HIT_POINTS })
    : await page.evaluate(echartsRedrawAndHit, { n: REDRAWS, hits: HIT_POINTS }));

  const files = (await Promise.all(responses.map((response) => response.body().then((body) => ({
    url: response.url(), type: typeOf(response.url(), response.headers()['content-type'] ?? ''),
    raw: body.length, gzip: gzipSync(body, { level: zlibConstants.Z_BEST_COMPRESSION }).length,
  }), () => null)))).filter(Boolean);
  r.files = files;
  r.bytes = {};
  for (const f of files) {
    const t = (r.bytes[f.type] ??= { raw: 0, gzip: 0, files: 0 });
    t.raw += f.raw; t.gzip += f.gzip; t.files += 1;
  }
  await context.close();
  return r;
}

const COUNTIES = ['汉滨区', '汉阴县', '石泉县', '宁陕县', '紫阳县', '岚皋县', '平利县', '镇坪县', '白河县', '旬阳市'];

/// The tooltip's text if it is showing, else ''.
const tooltipText = (page, selector) => page.evaluate((sel) => {
  const t = document.querySelector(sel);
  if (!t) return '';
  const style = getComputedStyle(t);
  return t.hidden || style.display === 'none' || style.visibility === 'hidden' ? '' : t.textContent;
}, selector);

/// Finds, once per page, a point over each county, with the real mouse and
/// the page's own tooltip: a coarse grid over the map canvas, the tooltip
/// read after each move. A tooltip can lag the pointer (ECharts keeps its
/// own up while the pointer moves on over empty canvas), so the grid is
/// scanned twice, in opposite orders, and a point counts only when both
/// scans name the same county. Candidates are points whose four neighbours
/// name it too, nearest the middle first, each checked by arriving from
/// outside the map once the tooltip has gone.
async function discover(page, def, box) {
  const step = 32;
  const grid = [];
  for (let y = step / 2; y < box.h; y += step) for (let x = step / 2; x < box.w; x += step) grid.push([x, y]);
  const read = async (order) => {
    const names = new Map();
    for (const [x, y] of order) {
      await page.mouse.move(box.x + x, box.y + y);
      const text = await tooltipText(page, def.tooltip);
      names.set(`${x},${y}`, COUNTIES.find((n) => text.includes(n)));
    }
    return names;
  };
  const forward = await read(grid);
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
  const backward = await read([...grid].reverse());
  const found = new Map();
  for (const [x, y] of grid) {
    const name = forward.get(`${x},${y}`);
    if (name && backward.get(`${x},${y}`) === name) (found.get(name) ?? found.set(name, []).get(name)).push([x, y]);
  }
  const points = [];
  for (const name of COUNTIES) {
    const pts = found.get(name) ?? grid.filter(([x, y]) => forward.get(`${x},${y}`) === name);
    const has = (x, y) => pts.some((p) => p[0] === x && p[1] === y);
    const interior = pts.filter(([x, y]) => has(x - step, y) && has(x + step, y) && has(x, y - step) && has(x, y + step));
    const pool = interior.length ? interior : pts;
    const mid = (i) => pool.map((p) => p[i]).sort((a, b) => a - b)[Math.floor(pool.length / 2)];
    const [mx, my] = [mid(0), mid(1)];
    pool.sort((a, b) => Math.hypot(a[0] - mx, a[1] - my) - Math.hypot(b[0] - mx, b[1] - my));
    for (const [x, y] of pool.slice(0, 6)) {
      await page.mouse.move(1, 1);
      await page.waitForTimeout(400);
      await page.mouse.move(box.x + x, box.y + y);
      await page.waitForTimeout(200);
      const text = await tooltipText(page, def.tooltip);
      if (process.env.BENCH_DEBUG) console.error(`[bench] discover ${name} (${pts.length} grid points, ${interior.length} interior): ${x},${y} → ${JSON.stringify(text)}`);
      if (text.includes(name)) {
        points.push({ name, fx: x / box.w, fy: y / box.h });
        break;
      }
    }
  }
  await page.mouse.move(1, 1);
  await page.waitForTimeout(400);
  return points;
}

/// In the page: arms a watcher that takes the time from the pointermove
/// (event.timeStamp, when the input was dispatched) to the frame after the
/// tooltip shows the expected county: tooltip visible with that name, then
/// the next requestAnimationFrame, then a message-channel turn (after paint).
function hoverProbe(selector) {
  const raf = window.__rafBench.raf;
  const H = (window.__hover = { expected: null, start: null, resolve: null, done: null });
  const visibleWith = (name) => {
    const t = document.querySelector(selector);
    if (!t) return false;
    const style = getComputedStyle(t);
    return !t.hidden && style.display !== 'none' && style.visibility !== 'hidden' && t.textContent.includes(name);
  };
  let pending = false;
  // One channel for the page's life: an unreferenced one may be collected
  // before its message arrives.
  const channel = (H.channel = new MessageChannel());
  let afterPaint = null;
  channel.port1.onmessage = () => afterPaint?.();
  // Called on DOM mutations and on every frame while armed (a tooltip can
  // turn visible through a CSS transition, which mutates nothing). Once the
  // tooltip shows the county: the next frame's rAF (or this one, when called
  // from a rAF callback), then a message-channel turn: after that paint.
  const check = (inFrame) => {
    if (!H.expected || H.start === null || pending || !visibleWith(H.expected)) return;
    pending = true;
    const start = H.start;
    const resolve = H.resolve;
    H.expected = null;
    const finish = () => {
      afterPaint = () => {
        afterPaint = null;
        pending = false;
        resolve(performance.now() - start);
      };
      channel.port2.postMessage(0);
    };
    if (inFrame) finish(); else raf(finish);
  };
  const poll = () => {
    if (!H.expected) return;
    check(true);
    raf(poll);
  };
  addEventListener('pointermove', (e) => {
    if (H.expected && H.start === null) {
      H.start = e.timeStamp;
      queueMicrotask(() => check(false));
      raf(poll);
    }
  }, true);
  new MutationObserver(() => check(false)).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  H.arm = (name) => {
    H.expected = name;
    H.start = null;
    const done = new Promise((resolve) => { H.resolve = resolve; });
    // The result once the frame is out, or null after 1 s.
    H.done = Promise.race([done, new Promise((r) => setTimeout(() => r(null), 1000))]);
  };
}

/// In the page (ours): a second graphic, not animated, in a fresh 1200 px
/// container; `redraw()` timed n times, `placeAt` over `hits` points of its
/// map canvas.
async function oursRedrawAndHit({ n, hits }) {
  // The page's own module instance (pkg/ names are content-hashed; main.js knows them).
  const m = await (await import('/main.js')).ready;
  const el = document.createElement('div');
  el.style.width = '1200px';
  document.body.append(el);
  const g = m.mount(el, { animate: false });
  const t0 = performance.now();
  while (!g.settled() && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 200));
  for (let i = 0; i < 5; i++) g.redraw();
  const times = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    g.redraw();
    times.push(performance.now() - s);
  }
  const canvas = el.querySelector('.ak-map canvas');
  const b = canvas.getBoundingClientRect();
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const pts = Array.from({ length: hits }, () => [b.x + rand() * b.width, b.y + rand() * b.height]);
  let found = 0;
  for (const [x, y] of pts) if (g.placeAt(x, y)) found += 1; // warm-up
  const rounds = [];
  for (let k = 0; k < 5; k++) {
    const s = performance.now();
    for (const [x, y] of pts) g.placeAt(x, y);
    rounds.push(((performance.now() - s) * 1000) / hits);
  }
  rounds.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  const canvases = [...el.querySelectorAll('canvas')].map((c) => [c.width, c.height]);
  g.destroy();
  el.remove();
  return {
    redrawMedianMs: times[Math.round((times.length - 1) * 0.5)], redrawP95Ms: times[Math.round((times.length - 1) * 0.95)],
    redrawWhat: `redraw(): ${canvases.length} canvases, ${(canvases.reduce((s, [w, h]) => s + w * h, 0) / 1e6).toFixed(2)} M device px`,
    hitUs: rounds[2], hitWhat: `placeAt over ${hits} points of a ${Math.round(b.width)}×${Math.round(b.height)} map canvas, ${found} on a place`,
  };
}

/// In the page (ECharts): the two charts again, animation off, in fresh
/// containers; "redraw" = resize() (full update) + zr.flush() on both, and
/// "repaint" = zr.painter.refresh(paintAll) on both, n times each; hit test
/// = zrender's hover search (zr.findHover) over `hits` points of the map.
async function echartsRedrawAndHit({ n, hits }) {
  const bench = window.__bench;
  const charts = ['bars', 'map'].map((kind) => {
    const el = document.createElement('div');
    document.body.append(el);
    const chart = bench.make(el, kind, false);
    return { kind, el, chart, done: chart.finished };
  });
  await Promise.all(charts.map((c) => c.done));
  await new Promise((r) => setTimeout(r, 200));
  const redraw = () => { for (const c of charts) { c.chart.resize(); c.chart.getZr().flush(); } };
  const repaint = () => { for (const c of charts) c.chart.getZr().painter.refresh(true); };
  const time = (f) => {
    for (let i = 0; i < 5; i++) f();
    const t = [];
    for (let i = 0; i < n; i++) {
      const s = performance.now();
      f();
      t.push(performance.now() - s);
    }
    return t.sort((a, b) => a - b);
  };
  const times = time(redraw);
  const repaints = time(repaint);
  const map = charts.find((c) => c.kind === 'map');
  const zr = map.chart.getZr();
  const w = map.el.clientWidth, h = map.el.clientHeight;
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const pts = Array.from({ length: hits }, () => [rand() * w, rand() * h]);
  let found = 0;
  for (const [x, y] of pts) if (zr.findHover(x, y).target) found += 1;
  const rounds = [];
  for (let k = 0; k < 5; k++) {
    const s = performance.now();
    for (const [x, y] of pts) zr.findHover(x, y);
    rounds.push(((performance.now() - s) * 1000) / hits);
  }
  rounds.sort((a, b) => a - b);
  const canvases = charts.flatMap((c) => [...c.el.querySelectorAll('canvas')].map((cv) => [cv.width, cv.height]));
  for (const c of charts) { c.chart.dispose(); c.el.remove(); }
  const q = (t, p) => t[Math.round((t.length - 1) * p)];
  return {
    redrawMedianMs: q(times, 0.5), redrawP95Ms: q(times, 0.95),
    repaintMedianMs: q(repaints, 0.5), repaintP95Ms: q(repaints, 0.95),
    redrawWhat: `resize() + zr.flush() on map and bars: ${canvases.length} canvases, ${(canvases.reduce((s, [cw, ch]) => s + cw * ch, 0) / 1e6).toFixed(2)} M device px`,
    hitUs: rounds[2], hitWhat: `zr.findHover over ${hits} points of a ${w}×${h} map canvas, ${found} on an element`,
  };
}

// ------------------------------------------------------------------ main --
const server = await startServer(0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});

try {
  // The graphic's own canvas sizes decide the reference's: the headline
  // canvas for the bars, the map canvas for the map.
  const probe = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: DPR });
  const probePage = await probe.newPage();
  await probePage.goto(base + '/');
  await probePage.waitForSelector('.ak-map canvas');
  await probePage.waitForTimeout(500);
  const sizes = await probePage.evaluate(() => {
    const wh = (c) => `${Math.round(c.getBoundingClientRect().width)}x${Math.round(c.getBoundingClientRect().height)}`;
    return { bars: wh(document.querySelector('.ak-section canvas')), map: wh(document.querySelector('.ak-map canvas')) };
  });
  await probe.close();
  console.error(`[bench] sizes from the graphic: bars ${sizes.bars}, map ${sizes.map}; ${RUNS} runs per page`);

  const runs = { ours: [], echarts: [] };
  const hoverPoints = new Map();
  for (let i = 0; i < RUNS; i++) {
    for (const key of i % 2 ? ['echarts', 'ours'] : ['ours', 'echarts']) {
      const t = Date.now();
      const r = await run(browser, base, key, sizes, hoverPoints);
      runs[key].push(r);
      console.error(`[bench] run ${i + 1}/${RUNS} ${key}: first frame ${r.firstFrameMs?.toFixed(0)} ms, redraw ${r.redrawMedianMs?.toFixed(2)} ms, hover ${r.hoverMedianMs?.toFixed(1)} ms (${((Date.now() - t) / 1000).toFixed(1)} s)${r.problems.length ? ' problems: ' + r.problems.join('; ') : ''}`);
    }
  }

  // Medians over runs.
  const summary = {};
  for (const key of Object.keys(runs)) {
    const rs = runs[key];
    const med = (f) => median(rs.map(f).filter((v) => v !== null && v !== undefined));
    const types = [...new Set(rs.flatMap((r) => Object.keys(r.bytes)))].sort();
    const bytes = Object.fromEntries(types.map((t) => [t, { raw: med((r) => r.bytes[t]?.raw ?? 0), gzip: med((r) => r.bytes[t]?.gzip ?? 0) }]));
    const PAYLOAD = ['html', 'js', 'wasm', 'json', 'css'];
    summary[key] = {
      label: PAGES[key].label,
      bytes,
      payloadRaw: PAYLOAD.reduce((s, t) => s + (bytes[t]?.raw ?? 0), 0),
      payloadGzip: PAYLOAD.reduce((s, t) => s + (bytes[t]?.gzip ?? 0), 0),
      files: rs[0].files.map((f) => ({ path: new URL(f.url).pathname, type: f.type, raw: f.raw, gzip: f.gzip })),
      firstFrameMs: med((r) => r.firstFrameMs), firstFrameSource: rs[0].firstFrameSource,
      entryDoneMs: med((r) => r.entryDoneMs), entryDoneSource: rs[0].entryDoneSource,
      entryFrames: med((r) => r.entryFrames), entryWindowMs: med((r) => r.entryWindowMs),
      entryFrameMedianMs: med((r) => r.entryFrameMedianMs), entryFrameP95Ms: med((r) => r.entryFrameP95Ms),
      idleRafPerSec: med((r) => r.idleRafPerSec),
      hoverMedianMs: med((r) => r.hoverMedianMs), hoverP95Ms: med((r) => r.hoverP95Ms),
      hoverSamples: rs.reduce((s, r) => s + r.hoverSamples, 0), hoverMisses: rs.reduce((s, r) => s + r.hoverMisses, 0),
      hoverCounties: rs[0].hoverCounties, hoverNames: rs[0].hoverNames,
      redrawMedianMs: med((r) => r.redrawMedianMs), redrawP95Ms: med((r) => r.redrawP95Ms), redrawWhat: rs[0].redrawWhat,
      repaintMedianMs: med((r) => r.repaintMedianMs), repaintP95Ms: med((r) => r.repaintP95Ms),
      hitUs: med((r) => r.hitUs), hitWhat: rs[0].hitWhat,
      jsHeapBytes: med((r) => r.jsHeapBytes), wasmMemoryBytes: med((r) => r.wasmMemoryBytes),
      perChart: rs[0].perChart ? Object.fromEntries(Object.keys(rs[0].perChart).map((k) => [k, med((r) => r.perChart[k])])) : null,
      problems: [...new Set(rs.flatMap((r) => r.problems))],
    };
  }

  const chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const results = {
    date: new Date().toISOString(),
    machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? '?', chromium: chromiumVersion, browser: browser.version(), node: process.version },
    settings: { viewport: VIEWPORT, deviceScaleFactor: DPR, runs: RUNS, entryWindowMs: ENTRY_WINDOW_MS, idleMs: IDLE_MS, hovers: HOVERS, redraws: REDRAWS, hitPoints: HIT_POINTS, sizes },
    echarts: JSON.parse(await readFile(join(HERE, 'node_modules/echarts/package.json'), 'utf8')).version,
    summary,
    runs,
  };
  await writeFile(OUT, JSON.stringify(results, null, 2) + '\n');

  // The table.
  const o = summary.ours, e = summary.echarts;
  const kb = (b) => (b / 1000).toFixed(1) + ' KB';
  const ms = (v, d = 1) => (v === null || v === undefined ? '—' : v.toFixed(d) + ' ms');
  const rows = [
    ['payload gzip (html+js+wasm+json+css)', kb(o.payloadGzip), kb(e.payloadGzip), o.payloadGzip / e.payloadGzip],
    ['payload raw', kb(o.payloadRaw), kb(e.payloadRaw), o.payloadRaw / e.payloadRaw],
    ['first frame', ms(o.firstFrameMs), ms(e.firstFrameMs), o.firstFrameMs / e.firstFrameMs],
    ['entry finished', ms(o.entryDoneMs), ms(e.entryDoneMs), o.entryDoneMs / e.entryDoneMs],
    ['entry frame cost median', ms(o.entryFrameMedianMs, 2), ms(e.entryFrameMedianMs, 2), o.entryFrameMedianMs / e.entryFrameMedianMs],
    ['entry frame cost p95', ms(o.entryFrameP95Ms, 2), ms(e.entryFrameP95Ms, 2), o.entryFrameP95Ms / e.entryFrameP95Ms],
    ['idle rAF / s', String(o.idleRafPerSec), String(e.idleRafPerSec), null],
    ['hover → frame median', ms(o.hoverMedianMs), ms(e.hoverMedianMs), o.hoverMedianMs / e.hoverMedianMs],
    ['full redraw median', ms(o.redrawMedianMs, 2), ms(e.redrawMedianMs, 2), o.redrawMedianMs / e.redrawMedianMs],
    ['hit test per call', `${o.hitUs?.toFixed(1)} µs`, `${e.hitUs?.toFixed(1)} µs`, o.hitUs / e.hitUs],
    ['JS heap after settle', kb(o.jsHeapBytes), kb(e.jsHeapBytes), o.jsHeapBytes / e.jsHeapBytes],
  ];
  console.log(`\n${'metric'.padEnd(40)} ${'ours'.padStart(12)} ${'ECharts'.padStart(12)} ${'ours/EC'.padStart(8)}`);
  for (const [name, a, b, ratio] of rows) {
    console.log(`${name.padEnd(40)} ${a.padStart(12)} ${b.padStart(12)} ${(ratio === null || !Number.isFinite(ratio) ? '—' : ratio.toFixed(2)).padStart(8)}`);
  }
  console.log(`\nwrote ${OUT}`);
} finally {
  await browser.close();
  server.close();
}
