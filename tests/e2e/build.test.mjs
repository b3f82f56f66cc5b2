// The build's rewriting of what it serves, without a browser: the glue
// following wasm-opt's renamed imports and exports (.ci/slim.mjs), and the
// stylesheets without comments (.ci/site.mjs).   node --test tests/e2e/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { rename } from '../../.ci/slim.mjs';
import { bareCss } from '../../.ci/site.mjs';

// A glue shaped as wasm-bindgen 0.2.130 writes it, cut down to two imports and two exports.
const GLUE = `function mountAll() {
    const ret = wasm.mountAll();
    return ret >>> 0;
}
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_focus_d5e2fdbdb56416f0: function(arg0) {
            arg0.focus();
        },
        __wbg_set_font_aa0c0c514c73a5fa: function(arg0, arg1, arg2) {
            arg0.font = getStringFromWasm0(arg1, arg2);
            return wasm.memory;
        },
    };
    return {
        __proto__: null,
        "./ankang_bg.js": import0,
    };
}`;
const MAPPING = {
  imports: [['./ankang_bg.js', '__wbg_focus_d5e2fdbdb56416f0', 'a'], ['./ankang_bg.js', '__wbg_set_font_aa0c0c514c73a5fa', '$b']],
  exports: [['mountAll', 'Ab'], ['memory', 'c']],
};

test('the glue follows the renamed imports, exports and module', () => {
  const out = rename(GLUE, MAPPING, 'q');
  assert.equal(out.imports, 2);
  assert.match(out.glue, /^ {8}a: function\(arg0\)/m);
  assert.match(out.glue, /^ {8}\$b: function\(arg0, arg1, arg2\)/m);
  assert.match(out.glue, /"q": import0/);
  assert.match(out.glue, /wasm\.Ab\(\)/);
  assert.match(out.glue, /return wasm\.c;/);
  assert.doesNotMatch(out.glue, /__wbg_focus|__wbg_set_font|wasm\.mountAll|wasm\.memory|ankang_bg\.js/);
});

test('a name the mapping lacks, or one the glue lacks, stops the build', () => {
  const noExport = { ...MAPPING, exports: [['mountAll', 'Ab']] };
  assert.throws(() => rename(GLUE, noExport, 'q'), /exports the mapping lacks: memory/);
  const extraImport = { ...MAPPING, imports: [...MAPPING.imports, ['./ankang_bg.js', '__wbg_gone_0', 'z']] };
  assert.throws(() => rename(GLUE, extraImport, 'q'), /lacks __wbg_gone_0/);
  const otherModule = { ...MAPPING, imports: [['env', 'x', 'y']] };
  assert.throws(() => rename(GLUE, otherModule, 'q'), /only \.\/ankang_bg\.js/);
});

test('stylesheets lose comments and indentation, never a quoted string', () => {
  assert.equal(bareCss('a {\n  content: "/* kept */";\n}\n/* the graphic\'s note */\nb { c: \'*/\' }\n'),
    'a {\ncontent: "/* kept */";\n}\nb { c: \'*/\' }\n');
  assert.throws(() => bareCss('a { } /* open'), /unclosed comment/);
});

test('the served ankang.css keeps every rule of www/ankang.css', async () => {
  const css = await readFile(new URL('../../www/ankang.css', import.meta.url), 'utf8');
  const bare = bareCss(css);
  const count = (text, re) => (text.match(re) ?? []).length;
  assert.ok(bare.length < css.length);
  assert.doesNotMatch(bare, /\/\*/);
  assert.equal(count(bare, /[{}]/g), count(css.replace(/\/\*[\s\S]*?\*\//g, ''), /[{}]/g));
});

test('the page, the stylesheet and the module name one font stack', async () => {
  const theme = await readFile(new URL('../../src/theme.rs', import.meta.url), 'utf8');
  const module = theme.match(/FONT_STACK: &str = "([^;]+)";/s)[1].replace(/\\\n/g, '');
  const stack = (css) => css.replace(/\s+/g, ' ').match(/(?:font-family:|font: 16px\/1\.6) ('PingFang SC'[^;]*);/)[1];
  for (const file of ['page.css', 'ankang.css']) {
    const css = await readFile(new URL(`../../www/${file}`, import.meta.url), 'utf8');
    assert.equal(stack(css), module, file);
  }
});
