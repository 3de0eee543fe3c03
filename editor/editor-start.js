// Starts the editor (editor.html): the wasm-bindgen glue and the editor's
// wasm, both next to this file. A separate file, so the page's policy can
// forbid inline scripts.
import init from './editor.js';

init({ module_or_path: new URL('editor_bg.wasm', import.meta.url) }).catch((err) => {
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = `Không mở được trình soạn / The editor could not start: ${err && err.message ? err.message : err}`;
  document.body.append(p);
});
