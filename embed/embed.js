// tier-breakdown script embed. Paste into an article:
//   <div data-tier-breakdown data-src="https://cdn.example/results.json"></div>
//   <script type="module" src="https://cdn.example/tier-breakdown/embed.js"></script>
// Every element with `data-tier-breakdown` (also ones added later; inside a
// `data-tier-breakdown-scope` element when the page has one) gets a widget
// in its own shadow root. Options: data-src, data-lang, data-tiers,
// data-groups, data-theme, data-timeout (seconds), data-start="now"; or a
// <script type="application/json"> child with the results file inline; or
// nothing, for the built-in data.
//
// A widget starts (the wasm is fetched, the results file read) only when
// its element comes within a screen of the viewport, or at once when the
// reader focuses, points at or touches it, or when the page says
// `data-start="now"`; meanwhile its static chart (core::prerender), if the
// page has one, is the chart. A reader who never scrolls to it downloads
// nothing. Browsers without IntersectionObserver start it at once.
//
// The wasm is fetched and compiled once per page, wherever this file is
// hosted (its URL is derived from this script's URL), however many times the
// snippet is pasted. Each widget gets its own instance of it, so a fault in
// one widget cannot stop the others or the page.
const BASE = new URL('./', import.meta.url);
const GLUE = new URL('tier-breakdown.js', BASE).href;
const WASM = new URL('tier-breakdown_bg.wasm', BASE).href;
// The glue's and the wasm's sha384, written here by scripts/post-build.mjs
// for the files built with this loader: a changed file on the server is
// refused (Subresource Integrity), so a host that pins this loader with
// `integrity` pins everything it runs.
const INTEGRITY = { glue: '', wasm: '' };
// State shared by every copy of this loader on the page, under a symbol
// (markup cannot clobber it the way `id="__tierBreakdown"` clobbers a
// global name) and checked for its shape: which elements have a widget,
// and per base URL (two versions on one live blog) its own compiled wasm.
const KEY = Symbol.for('tier-breakdown');
const shared = window[KEY]?.mounted instanceof WeakSet && window[KEY].bases instanceof Map
  ? window[KEY] : (window[KEY] = { mounted: new WeakSet(), bases: new Map() });
const state = shared.bases.get(BASE.href) ?? { module: null, instances: 0 };
shared.bases.set(BASE.href, state);

function compiled() {
  state.module ??= fetch(WASM, { integrity: INTEGRITY.wasm }).catch((err) => refused(WASM, err, INTEGRITY.wasm)).then((resp) => {
    if (!resp.ok) throw new Error(`${WASM}: HTTP ${resp.status}`);
    return /^application\/wasm/.test(resp.headers.get('content-type'))
      ? WebAssembly.compileStreaming(resp)
      : resp.arrayBuffer().then((b) => WebAssembly.compile(b));
  });
  return state.module;
}

// A fetch that failed with a hash to check: the file is read again, and
// only when it is there and its hash is not the pinned one is the reader
// told it was changed (else: its HTTP status, or the network error).
async function refused(url, err, integrity) {
  const resp = integrity && await fetch(url, { cache: 'no-store' }).catch(() => null);
  if (!resp) throw err;
  if (!resp.ok) throw new Error(`${url}: HTTP ${resp.status}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', await resp.arrayBuffer()));
  if (`sha384-${btoa(String.fromCharCode(...digest))}` === integrity) throw err;
  const name = url.slice(url.lastIndexOf('/') + 1).split('?')[0];
  throw new Error(/^vi/.test(document.documentElement.lang || navigator.language)
    ? `${name} trên máy chủ đã bị thay đổi, không còn khớp với bản được xuất bản; biểu đồ không chạy.`
    : `${name} on the server has been changed and no longer matches the published version; the chart was not run.`);
}

function fail(el, err) {
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'font:14px sans-serif;color:#7a1212;background:#fdecea;padding:12px;border-left:4px solid #7a1212';
  box.textContent = `tier-breakdown: ${err?.message || err}`;
  const root = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
  // A static chart (core::prerender) stays: its figures are the page's own.
  if (root.querySelector('[data-tb-static]')) root.prepend(box);
  else root.replaceChildren(box);
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

// Where embeds may appear: the host's `data-tier-breakdown-scope`
// elements, read once, as the loader starts. With any, an element outside
// all of them is never mounted, also when it appears later (a reader's
// comment); markup added later cannot open a scope of its own.
const SCOPES = [...document.querySelectorAll('[data-tier-breakdown-scope]')];

// What starts a waiting widget at once: the reader's focus (Tab into its
// static chart), pointer or touch (pointerdown) on it. Events from its
// shadow root reach the element.
const NEAR = window.IntersectionObserver && ['focusin', 'pointerover', 'pointerdown'];

function mount(el) {
  if (shared.mounted.has(el) || SCOPES[0] && !SCOPES.some((s) => s.contains(el))) return;
  shared.mounted.add(el);
  if (!NEAR || el.dataset.start == 'now') return start(el);
  // Shown as the widget's `:host` rule will show it: a page rule hiding
  // it (`div{display:none!important}`, `div:empty{display:none}`) would
  // keep it from ever coming near.
  el.style.setProperty('display', 'block', 'important');
  // A screen above and below the viewport (rootMargin 100%): started
  // while the reader scrolls toward it, drawn by the time it is in view.
  // Once: the listeners that stay only find `near` gone.
  let near = new IntersectionObserver(([e]) => e.isIntersecting && go(), { rootMargin: '100%' });
  const go = () => near && (near.disconnect(), near = 0, start(el));
  near.observe(el);
  NEAR.forEach((t) => el.addEventListener(t, go));
}

async function start(el) {
  if (el.dataset.src) preload(el.dataset.src);
  try {
    const module = await compiled();
    // A fresh copy of the glue per widget: one wasm instance each. An
    // import cannot carry `integrity`: a modulepreload with the hash puts
    // the checked module in the page's module map, and the import (after
    // the preload has loaded) takes it from there. Browsers without
    // modulepreload (Firefox < 115, Safari < 17) fetch the glue with the
    // hash and import those very bytes from a blob: URL: an import of the
    // file's own address would fetch it again, unchecked.
    const url = `${GLUE}?instance=${++state.instances}`;
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href: url, integrity: INTEGRITY.glue });
    const glue = await (link.relList.supports(link.rel)
      // A failed preload never goes on to the import: Chromium's import
      // would fetch the file again, without the hash.
      ? new Promise((ok, bad) => { link.onload = ok; link.onerror = () => bad(Error(url)); document.head.append(link); }).then(() => import(url))
      // Under a CSP without blob: this import is refused: closed, with the browser's words.
      : fetch(url, { integrity: INTEGRITY.glue }).then(async (resp) => import(URL.createObjectURL(await resp.blob()))))
      .catch((err) => refused(url, err, INTEGRITY.glue));
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
  // Text and comment nodes have neither method: scan() passes over them.
  for (const r of records) r.addedNodes.forEach(scan);
}).observe(document.documentElement, { childList: true, subtree: true });
