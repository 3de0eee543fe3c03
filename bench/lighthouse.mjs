// Lighthouse 12.2.3 (mobile preset) on the full page and the demo article,
// served from dist/ with brotli, as a site would: its four scores and CLS,
// LCP, TBT. Part of `make bench` (LIGHTHOUSE=0 skips it). Lighthouse is
// installed on first use into target/lighthouse/ (pinned: 13.x needs
// Node 22), so `npm ci` for the tests stays light.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { ROOT } from '../tests/e2e/harness.mjs';

const VERSION = '12.2.3';
const HOME = join(ROOT, 'target', 'lighthouse');
const BIN = join(HOME, 'node_modules', '.bin', 'lighthouse');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** dist/ over HTTP with Content-Encoding: br, as a CDN would send it. */
async function serveCompressed() {
  const dist = join(ROOT, 'dist');
  const cache = new Map();
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(`http://x${req.url}`).pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dist, path));
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404);
      res.end();
      return;
    }
    if (!cache.has(file)) cache.set(file, brotliCompressSync(readFileSync(file)));
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'br' });
    res.end(cache.get(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Runs Lighthouse on both pages; returns {page: {scores, cls, lcpMs, tbtMs}}. */
export async function lighthouse() {
  if (!existsSync(BIN)) {
    console.log(`installing lighthouse ${VERSION} into target/lighthouse/`);
    execFileSync('npm', ['install', '-E', '--prefix', HOME, `lighthouse@${VERSION}`, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  }
  const server = await serveCompressed();
  const out = {};
  try {
    for (const page of ['index.html', 'demo/article.html']) {
      // Not execFileSync: the server answering Lighthouse runs in this process.
      const { stdout: json } = await promisify(execFile)(BIN, [`${server.origin}/${page}`, '--quiet', '--output=json', '--output-path=stdout',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' } });
      const r = JSON.parse(json);
      const a = r.audits;
      out[page] = {
        scores: Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, Math.round(v.score * 100)])),
        cls: a['cumulative-layout-shift'].numericValue,
        lcpMs: Math.round(a['largest-contentful-paint'].numericValue),
        tbtMs: Math.round(a['total-blocking-time'].numericValue),
      };
      const s = out[page].scores;
      console.log(`lighthouse ${page}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}; CLS ${out[page].cls.toFixed(3)}, LCP ${out[page].lcpMs} ms, TBT ${out[page].tbtMs} ms`);
    }
  } finally {
    await server.close();
  }
  return out;
}
