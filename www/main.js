// Loads the module and mounts every [data-ankang-graphic] on the page.
// All state and drawing live in Rust; this file only starts it.
import init, { mountAll } from './pkg/ankang.js';

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
