// Loads the module (and the graphic's stylesheet, if the host page has not
// linked it) and mounts every [data-ankang-graphic] on the page. All state and
// drawing live in Rust; this file only starts it, or, if WebAssembly cannot
// run, reveals the static fallback the page carries.
import init, { mountAll } from './pkg/ankang.js';

const css = new URL('./ankang.css', import.meta.url).href;
if (![...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === css)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css;
  document.head.append(link);
}

function fallBack(error) {
  for (const frame of document.querySelectorAll('[data-ankang-graphic]')) {
    const message = document.createElement('p');
    message.className = 'ak-status';
    message.setAttribute('role', 'status');
    message.textContent = '交互图表无法加载，以下为静态版本。The interactive graphic could not load; a static version follows. (' + error + ')';
    frame.prepend(message);
    for (const img of frame.querySelectorAll('img[data-src]')) {
      img.src = img.dataset.src;
      img.hidden = false;
    }
    for (const table of frame.querySelectorAll('.ak-fallback details')) table.open = true;
  }
}

if (typeof WebAssembly !== 'object') fallBack('WebAssembly is not available');
else init().then(() => mountAll()).catch(fallBack);
