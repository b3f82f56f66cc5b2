// WebKit for page tests: WebKitGTK's MiniBrowser (Debian's webkit2gtk-driver)
// driven through WebKitWebDriver's W3C WebDriver HTTP API with node's fetch,
// so WebKit needs no client library. MiniBrowser has no headless mode: it
// gets a private Xvfb display, whose number Xvfb picks itself (-displayfd),
// so that nothing opens on a real screen and parallel runs cannot collide.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { CSP, ROOT, inside, sendFile } from '../../.ci/server.mjs';

export const DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';

// Classic WebDriver has no "run before the page's scripts" hook, and the
// module's own errors happen before navigation returns. So this server sends
// www/ exactly as .ci/server.mjs does (same files, same CSP) except that
// index.html gets one extra same-origin classic script first in <head>: it
// only records errors, rejections, console errors, failed loads and CSP
// violations into window.__problems for the test to read.
const PROBE_PATH = '/__webkit-probe.js';
const PROBE = `window.__problems = [];
addEventListener('error', (e) => __problems.push(e.message ? 'error: ' + e.message
  : 'failed to load: ' + (e.target && (e.target.src || e.target.href))), true);
addEventListener('unhandledrejection', (e) => __problems.push('unhandled rejection: ' + e.reason));
document.addEventListener('securitypolicyviolation', (e) => __problems.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
const consoleError = console.error;
console.error = (...a) => { __problems.push('console: ' + a.join(' ')); consoleError.apply(console, a); };
`;

function probedServer() {
  const server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const headers = { 'content-security-policy': CSP, 'cache-control': 'no-store' };
    if (path === PROBE_PATH) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(PROBE);
    }
    if (path === '/' || path === '/index.html') {
      const html = await readFile(inside(ROOT, 'index.html'), 'utf8');
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      return res.end(html.replace('<head>', `<head>\n<script src="${PROBE_PATH}"></script>`));
    }
    let file = '';
    try { file = inside(ROOT, path); } catch { /* outside www/: a 404 */ }
    await sendFile(res, file, { 'content-security-policy': CSP });
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/// Starts Xvfb on a display number it chooses; resolves to { display, stop }.
export async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let log = '';
  xvfb.stderr.on('data', (d) => { log += d; });
  const number = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) resolve(out.trim()); });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${log}`)));
  });
  return { display: `:${number}`, stop() { xvfb.kill(); } };
}

async function freePort() {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const { port } = s.address();
  s.close();
  return port;
}

/// A WebDriver session in MiniBrowser, with the probed server for www/.
export async function launchWebKit() {
  const xvfb = await startXvfb();
  const server = await probedServer();
  const port = await freePort();
  const driver = spawn(DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  const close = async () => { driver.kill(); server.close(); xvfb.stop(); };
  try {
    for (let i = 0; ; i++) {
      try { await fetch(`${url}/status`); break; } catch (e) {
        if (i > 100) throw new Error(`${DRIVER} did not start: ${e.message}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    // Empty capabilities: WebKitWebDriver starts its default MiniBrowser in
    // automation mode. A session needs the display: without one it hangs.
    const { sessionId, capabilities } = await call(url, 'POST', '/session', { capabilities: {} });
    const s = (method, path, body) => call(url, method, `/session/${sessionId}${path}`, body);
    return {
      base: `http://127.0.0.1:${server.address().port}`,
      version: `${capabilities.browserName} ${capabilities.browserVersion}`,
      setWindow: (width, height) => s('POST', '/window/rect', { width, height }),
      go: (path) => s('POST', '/url', { url: `http://127.0.0.1:${server.address().port}${path}` }),
      /// Runs `body` as a function (with `args`) in the page; returns its value.
      script: (body, ...args) => s('POST', '/execute/sync', { script: body, args }),
      /// Like `script`, but `body` gets a `done` callback as its last argument.
      asyncScript: (body, ...args) => s('POST', '/execute/async', { script: body, args }),
      find: async (css) => Object.values(await s('POST', '/element', { using: 'css selector', value: css }))[0],
      /// PNG bytes of the viewport, or of one element when given its id.
      screenshot: async (element) =>
        Buffer.from(await s('GET', element ? `/element/${element}/screenshot` : '/screenshot'), 'base64'),
      async close() { await s('DELETE', '').catch(() => {}); await close(); },
    };
  } catch (e) {
    await close();
    throw e;
  }
}

async function call(url, method, path, body) {
  const res = await fetch(url + path, {
    method, headers: { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A session without a display hangs instead of failing: fail instead.
    signal: AbortSignal.timeout(90_000),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}
