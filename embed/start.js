// Starts the full page (index.html, also the iframe embed). An external
// module rather than an inline script, so the strict CSP
// `script-src 'self' 'wasm-unsafe-eval'` needs no hash.
import init from './tier-breakdown.js';

await init({ module_or_path: new URL('tier-breakdown_bg.wasm', import.meta.url) });
