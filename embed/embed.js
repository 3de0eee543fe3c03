// tier-breakdown script embed. Paste into an article:
//   <div data-tier-breakdown data-src="https://cdn.example/results.json"></div>
//   <script type="module" src="https://cdn.example/tier-breakdown/embed.js"></script>
// Every element with `data-tier-breakdown` (also ones added later) gets a
// widget in its own shadow root. Options: data-src, data-lang, data-tiers,
// data-groups, data-theme, data-timeout (seconds); or a <script type="application/json"> child with
// the results file inline; or nothing, for the built-in data.
//
// The wasm is fetched and compiled once per page, wherever this file is
// hosted (its URL is derived from this script's URL), however many times the
// snippet is pasted. Each widget gets its own instance of it, so a fault in
// one widget cannot stop the others or the page.
const BASE = new URL('./', import.meta.url);
const GLUE = new URL('tier-breakdown.js', BASE).href;
const WASM = new URL('tier-breakdown_bg.wasm', BASE).href;
// State shared by every copy of this loader on the page, under a symbol
// (markup cannot clobber it the way `id="__tierBreakdown"` clobbers a
// global name) and checked for its shape: which elements have a widget,
// and per base URL (two versions on one live blog) its own compiled wasm.
const KEY = Symbol.for('tier-breakdown');
const shared = window[KEY]?.mounted instanceof WeakSet && window[KEY].bases instanceof Map
  ? window[KEY] : (window[KEY] = { mounted: new WeakSet(), bases: new Map() });
if (!shared.bases.has(BASE.href)) shared.bases.set(BASE.href, { module: null, instances: 0 });
const state = shared.bases.get(BASE.href);

function compiled() {
  state.module ??= fetch(WASM).then((resp) => {
    if (!resp.ok) throw new Error(`${WASM}: HTTP ${resp.status}`);
    const type = resp.headers.get('content-type') || '';
    return type.startsWith('application/wasm')
      ? WebAssembly.compileStreaming(resp)
      : resp.arrayBuffer().then((b) => WebAssembly.compile(b));
  });
  return state.module;
}

function fail(el, err) {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'font:14px system-ui,sans-serif;color:#7a1212;background:#fdecea;padding:12px;border-left:4px solid #7a1212';
  box.textContent = `tier-breakdown: ${err && err.message ? err.message : err}`;
  (el.shadowRoot ?? el.attachShadow({ mode: 'open' })).replaceChildren(box);
}

// The results file starts downloading while the wasm compiles; the
// widget's own fetch takes it from the preload (http(s) only, as it allows).
function preload(src) {
  // Blank (the widget then uses inline or built-in data) or with a BOM
  // (which the widget's trimming keeps): no preload.
  if (!src.trim() || src.includes('\uFEFF')) return;
  try {
    const href = new URL(src.trim(), location.href);
    if (/^https?:$/.test(href.protocol)) document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: href.href, crossOrigin: 'anonymous' }));
  } catch { /* not an address: the widget says so */ }
}

async function mount(el) {
  if (shared.mounted.has(el)) return;
  shared.mounted.add(el);
  if (el.dataset.src) preload(el.dataset.src);
  try {
    const module = await compiled();
    // A fresh copy of the glue per widget: one wasm instance each.
    const glue = await import(`${GLUE}?instance=${++state.instances}`);
    await glue.default({ module_or_path: module });
    glue.mountEmbed(el);
  } catch (err) {
    fail(el, err);
  }
}

function scan(root) {
  if (root.matches?.('[data-tier-breakdown]')) mount(root);
  root.querySelectorAll?.('[data-tier-breakdown]').forEach(mount);
}

scan(document);
new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) scan(n);
}).observe(document.documentElement, { childList: true, subtree: true });
