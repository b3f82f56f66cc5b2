// Loads the module (and the graphic's stylesheet, if the host page has not
// linked it) and mounts every [data-ankang-graphic] on the page. All state and
// drawing live in Rust; this file only starts it.
import init, { mountAll } from './pkg/ankang.js';

const css = new URL('./ankang.css', import.meta.url).href;
if (![...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === css)) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = css;
  document.head.append(link);
}

init()
  .then(() => mountAll())
  .catch((error) => {
    for (const frame of document.querySelectorAll('[data-ankang-graphic]')) {
      const message = document.createElement('p');
      message.className = 'ak-status';
      message.setAttribute('role', 'alert');
      message.textContent = '图表无法加载。The graphic could not be loaded: ' + error;
      frame.replaceChildren(message);
    }
  });
