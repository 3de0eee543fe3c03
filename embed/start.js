// Starts the full page (index.html, also the iframe embed). An external
// module rather than an inline script, so the strict CSP
// `script-src 'self' 'wasm-unsafe-eval'` needs no hash.
import init from './tier-breakdown.js';

// The results file named by ?data= starts downloading now, while the wasm
// compiles; the widget's own fetch then takes it from the preload. Only
// http(s) addresses, as the widget itself allows.
const data = new URLSearchParams(location.search).get('data');
try {
  // Blank (the widget then uses inline or built-in data) or with a BOM
  // (which the widget's trimming keeps): no preload.
  const href = data?.trim() && !data.includes('\uFEFF') && new URL(data.trim(), location.href);
  if (href && /^https?:$/.test(href.protocol)) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', href: href.href, crossOrigin: 'anonymous' }));
  }
} catch { /* not an address: the widget says so */ }

const wasm = await init({ module_or_path: new URL('tier-breakdown_bg.wasm', import.meta.url) });
// For the benchmark (bench/run.mjs): the wasm memory in use, in bytes.
// By type, not by name: the build shortens the module's export names.
const memory = Object.values(wasm).find((v) => v instanceof WebAssembly.Memory);
globalThis.__tierBreakdownWasmBytes = () => memory.buffer.byteLength;
