// Shrinks the glue that wasm-bindgen writes beside the module, after
// wasm-opt has renamed the module's imports and exports (.ci/build runs it
// with --minify-imports-and-exports-and-modules and keeps the mapping it
// prints). The names were ~10 KB of the wasm: 176 imports such as
// `__wbg_set_textAlign_0a32c51401892c11` from the module "./ankang_bg.js",
// and 32 exports such as `graphic_setMetric`.
// 1. The glue's import object and its `wasm.<export>` calls get the new names;
//    a name the mapping lacks, or a mapped name the glue lacks, stops the
//    build, so a wasm-bindgen upgrade that changes the glue cannot slip by.
// 2. terser minifies the glue (comments, whitespace, local names; property
//    names and the module's own exports stay).
//   node .ci/slim.mjs <wasm-opt's mapping.json>   (rewrites www/pkg/ankang.js)
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const PKG = join(resolve(fileURLToPath(new URL('..', import.meta.url))), 'www/pkg');
const GLUE_MODULE = './ankang_bg.js';

/// The glue with wasm-opt's new import and export names, and the counts.
export function rename(glue, mapping, moduleName) {
  const imports = new Map();
  for (const [module, from, to] of mapping.imports) {
    if (module !== GLUE_MODULE) throw new Error(`import ${from} from ${module}: only ${GLUE_MODULE} is expected`);
    imports.set(from, to);
  }
  const exports = new Map(mapping.exports);

  // The import object: `const import0 = { __proto__: null, <name>: function(…) {…}, … };`
  const start = glue.indexOf('const import0 = {');
  const end = glue.indexOf(`"${GLUE_MODULE}": import0`);
  if (start < 0 || end < 0) throw new Error('the glue has no import0 object for ' + GLUE_MODULE);
  const seen = new Set();
  let unused = 0;
  const block = glue.slice(start, end).replace(/^( {8})([A-Za-z_$][\w$]*): function\(/gm, (_, indent, name) => {
    const to = imports.get(name);
    if (to === undefined) {
      // wasm-opt dropped an import the module never calls; its key stays, unused.
      unused += 1;
      return `${indent}${name}: function(`;
    }
    seen.add(name);
    return `${indent}${to}: function(`;
  });
  const missing = [...imports.keys()].filter((name) => !seen.has(name));
  if (missing.length) throw new Error(`the glue's import object lacks ${missing.join(', ')}`);
  let out = glue.slice(0, start) + block + `"${moduleName}": import0` + glue.slice(end + `"${GLUE_MODULE}": import0`.length);

  const unknown = new Set();
  out = out.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (_, name) => {
    const to = exports.get(name);
    if (to === undefined) unknown.add(name);
    return `wasm.${to}`;
  });
  if (unknown.size) throw new Error(`the glue calls exports the mapping lacks: ${[...unknown].join(', ')}`);
  return { glue: out, imports: seen.size, unused, exports: exports.size };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mappingFile = process.argv[2];
  if (!mappingFile) throw new Error('usage: node .ci/slim.mjs <mapping.json>');
  const mapping = JSON.parse(await readFile(mappingFile, 'utf8'));
  const wasm = new WebAssembly.Module(await readFile(join(PKG, 'ankang_bg.wasm')));
  const modules = [...new Set(WebAssembly.Module.imports(wasm).map((i) => i.module))];
  if (modules.length !== 1) throw new Error(`the module imports from ${modules.length} modules, expected 1`);
  const glueFile = join(PKG, 'ankang.js');
  const before = await readFile(glueFile, 'utf8');
  const renamed = rename(before, mapping, modules[0]);
  // quote_style 1 keeps 'ankang_bg.wasm' in single quotes, as .ci/site.mjs looks for it.
  const min = await minify(renamed.glue, { module: true, compress: { passes: 2 }, format: { quote_style: 1, comments: false } });
  await writeFile(glueFile, min.code);
  console.log(
    `[slim] www/pkg/ankang.js: ${renamed.imports} imports and ${renamed.exports} exports renamed` +
      ` (${renamed.unused} import keys the module no longer calls kept); ${before.length} -> ${min.code.length} bytes`,
  );
}
