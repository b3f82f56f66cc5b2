// Loads the module (and the graphic's stylesheet, if the host page has not
// linked it) and mounts every [data-ankang-graphic] on the page. All state and
// drawing live in Rust; this file only starts it, or, if WebAssembly cannot
// run, says so inside each container, with the static version the
// stand-alone page carries, or a link to that page.
// The module is imported dynamically, so that a module that cannot load
// (blocked, offline, a host's CSP) still leaves this file running to say so.
// `ready` resolves to the initialised module: `(await import('…/main.js'))
// .ready` reaches the very instance the page runs, e.g. for `mount`.
// (The site build rewrites './pkg/ankang.js' and './pkg/ankang_bg.wasm' to
// their content-hashed names.)

const css = new URL('./ankang.css', import.meta.url).href;
if (![...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === css)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css;
  document.head.append(link);
}

function fallBack(error) {
  for (const frame of document.querySelectorAll('[data-ankang-graphic]:not([data-ankang-mounted])')) {
    const fallback = frame.querySelector('.ak-fallback');
    const message = document.createElement('p');
    message.className = 'ak-status';
    message.setAttribute('role', 'status');
    message.textContent = fallback
      ? '交互图表无法加载，以下为静态版本。The interactive graphic could not load; a static version follows. '
      : '交互图表无法在此加载。The interactive graphic could not load here. ';
    if (!fallback && !frame.querySelector('a[href]')) {
      // A script embed on another page: the stand-alone page still has the static version.
      const link = document.createElement('a');
      link.href = new URL('./index.html', import.meta.url).href;
      link.textContent = '打开图解页面 · Open the graphic on its own page';
      message.append(link, ' ');
    }
    const detail = document.createElement('small');
    detail.textContent = `(${error})`;
    message.append(detail);
    frame.prepend(message);
    for (const source of frame.querySelectorAll('.ak-fallback source[data-srcset]')) source.srcset = source.dataset.srcset;
    for (const img of frame.querySelectorAll('.ak-fallback img[data-src]')) img.src = img.dataset.src;
    for (const picture of frame.querySelectorAll('.ak-fallback picture[hidden]')) picture.hidden = false;
    for (const table of frame.querySelectorAll('.ak-fallback details')) table.open = true;
  }
}

// The wasm is fetched and compiled from here, while the module that needs
// it is still being imported, not after: that saves a round of waiting
// before the first chart. If this compile fails (a host serving the wasm
// without its MIME type), the module's own loader tries again and reports.
const wasmUrl = new URL('./pkg/ankang_bg.wasm', import.meta.url);
const compiled = typeof WebAssembly === 'object' && WebAssembly.compileStreaming
  ? WebAssembly.compileStreaming(fetch(wasmUrl)).catch(() => wasmUrl)
  : wasmUrl;

export const ready = typeof WebAssembly === 'object'
  ? import('./pkg/ankang.js').then(async (module) => { await module.default({ module_or_path: await compiled }); return module; })
  : Promise.reject(new Error('WebAssembly is not available'));
ready.then((module) => module.mountAll()).catch(fallBack);
