// Assembles the site as a CDN would serve it, from www/ into target/site/
// (run by .ci/build, served by .ci/server.mjs):
// - the module and its wasm get content-hashed names under pkg/
//   (pkg/ankang.<hash>.js, pkg/ankang_bg.<hash>.wasm), so they can be cached
//   forever; the entry points editors link to (index.html, main.js, embed.js,
//   ankang.css) keep their names and are revalidated;
// - main.js, the module and the pages' preloads are rewritten to the new names,
//   main.js is minified (terser) and the stylesheets lose their comments;
// - every text file and the wasm get .br and .gz copies beside them;
// - with ANKANG_PUBLIC_URL=https://host/path/ the pages' og:image becomes
//   absolute, as link previews require.
// Earlier hashed files stay (the newest few), as on a CDN: a reader holding
// an old main.js still finds the module it names.
//   node .ci/site.mjs
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { COMPRESSIBLE, brotli } from './server.mjs';

const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const WWW = join(REPO, 'www');
export const SITE = join(REPO, 'target/site');
const KEEP = 6;

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

/// `text` with every `from` replaced by `to`; throws when there is none, so a
/// change in wasm-bindgen's output or in main.js cannot go unnoticed.
function swap(text, from, to, where) {
  if (!text.includes(from)) throw new Error(`${where}: no ${from} to rewrite`);
  return text.split(from).join(to);
}

/// CSS without its comments and indentation. A scanner, not a regex, so that
/// a quoted string holding `/*` (or a comment holding a quote) stays intact.
export function bareCss(css) {
  let out = '';
  for (let i = 0; i < css.length; ) {
    const c = css[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < css.length && css[j] !== c) j += css[j] === '\\' ? 2 : 1;
      out += css.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      if (end < 0) throw new Error('an unclosed comment in a stylesheet');
      i = end + 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return out.replace(/\s*\n\s*/g, '\n').trim() + '\n';
}

/// Writes <file>.br and <file>.gz beside every compressible file under `dir`
/// that lacks fresh ones (.ci/server.mjs sends them; see COMPRESSIBLE there).
async function precompress(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) {
      await precompress(file);
      continue;
    }
    if (!COMPRESSIBLE.has(extname(entry.name))) continue;
    const [body, info] = [await readFile(file), await stat(file)];
    for (const [ext, pack] of [['.br', brotli], ['.gz', (b) => gzipSync(b, { level: 9 })]]) {
      const fresh = await stat(file + ext).then((s) => s.mtimeMs >= info.mtimeMs, () => false);
      if (!fresh) await writeFile(file + ext, pack(body));
    }
  }
}

export async function assemble() {
  const wasm = await readFile(join(WWW, 'pkg/ankang_bg.wasm')).catch(() => {
    throw new Error('www/pkg/ankang_bg.wasm is missing: run bash .ci/build');
  });
  const wasmName = `ankang_bg.${hash(wasm)}.wasm`;
  const js = swap(await readFile(join(WWW, 'pkg/ankang.js'), 'utf8'), "'ankang_bg.wasm'", `'${wasmName}'`, 'pkg/ankang.js');
  const jsName = `ankang.${hash(js)}.js`;

  await mkdir(join(SITE, 'pkg'), { recursive: true });
  // Everything but pkg/ is copied afresh, so files removed from www/ go too.
  for (const name of await readdir(SITE)) if (name !== 'pkg') await rm(join(SITE, name), { recursive: true });
  await cp(WWW, SITE, { recursive: true, filter: (src) => !src.startsWith(join(WWW, 'pkg')) });
  // Same name, same bytes: an existing file (and its compressed copies) stays as it is.
  const exists = (name) => stat(join(SITE, 'pkg', name)).then(() => true, () => false);
  if (!(await exists(wasmName))) await writeFile(join(SITE, 'pkg', wasmName), wasm);
  if (!(await exists(jsName))) await writeFile(join(SITE, 'pkg', jsName), js);

  let main = swap(await readFile(join(WWW, 'main.js'), 'utf8'), "'./pkg/ankang.js'", `'./pkg/${jsName}'`, 'www/main.js');
  main = swap(main, "'./pkg/ankang_bg.wasm'", `'./pkg/${wasmName}'`, 'www/main.js');
  // Served without its comments (they are for whoever reads www/): 1.5 -> 0.8 KB gzip.
  await writeFile(join(SITE, 'main.js'), (await minify(main, { module: true, format: { comments: false } })).code);
  // The stylesheets likewise lose their comments and indentation (ankang.css 2.3 -> 1.9 KB gzip).
  for (const name of (await readdir(WWW)).filter((n) => n.endsWith('.css'))) {
    await writeFile(join(SITE, name), bareCss(await readFile(join(WWW, name), 'utf8')));
  }
  const base = process.env.ANKANG_PUBLIC_URL;
  for (const name of (await readdir(WWW)).filter((n) => n.endsWith('.html'))) {
    let html = await readFile(join(WWW, name), 'utf8');
    html = html.split('"pkg/ankang.js"').join(`"pkg/${jsName}"`).split('"pkg/ankang_bg.wasm"').join(`"pkg/${wasmName}"`);
    if (base) {
      const abs = (path) => new URL(path, base.endsWith('/') ? base : base + '/').href;
      html = html.replace(/(<meta property="og:image" content=")([^"]+)"/, (_, a, path) => `${a}${abs(path)}"`);
    }
    await writeFile(join(SITE, name), html);
  }

  // Pre-compressed copies next to each text file and the wasm, as static
  // hosts serve them: brotli at its best takes ~1.5 s for the wasm, which
  // must not land on a reader's (or the bench's) first request.
  await precompress(SITE);

  // Keep the newest KEEP builds' hashed files, drop older ones.
  const files = await readdir(join(SITE, 'pkg'));
  const dated = await Promise.all(files.map(async (f) => [f, (await stat(join(SITE, 'pkg', f))).mtimeMs]));
  for (const kind of [/^ankang\.[0-9a-f]{12}\.js$/, /^ankang_bg\.[0-9a-f]{12}\.wasm$/]) {
    const others = dated.filter(([f]) => kind.test(f) && f !== jsName && f !== wasmName);
    const old = others.sort((a, b) => b[1] - a[1]).slice(KEEP - 1);
    for (const [f] of old) for (const ext of ['', '.br', '.gz']) await rm(join(SITE, 'pkg', f + ext), { force: true });
  }
  return { js: `pkg/${jsName}`, wasm: `pkg/${wasmName}` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const names = await assemble();
  console.log(`[site] target/site/: ${names.js}, ${names.wasm}`);
}
