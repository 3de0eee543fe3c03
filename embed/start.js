// Starts the full page (index.html, also the iframe embed). An external
// module rather than an inline script, so the strict CSP
// `script-src 'self' 'wasm-unsafe-eval'` needs no hash.
import init from './tier-breakdown.js';

const wasm = await init({ module_or_path: new URL('tier-breakdown_bg.wasm', import.meta.url) });
// For the benchmark (bench/run.mjs): the wasm memory in use, in bytes.
globalThis.__tierBreakdownWasmBytes = () => wasm.memory.buffer.byteLength;
