// Shared end-to-end harness: a static server on 127.0.0.1 for the release
// build (dist/) and the test fixtures, and Debian's Chromium via
// playwright-core. Every request a page makes is logged, so a spec can
// assert that nothing left the test server.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { generate } from '../../scripts/gen-results.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIST = join(ROOT, 'dist');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const HOSTS = join(ROOT, 'tests', 'e2e', 'hosts');
const NODE_MODULES = join(ROOT, 'node_modules');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Maps a URL path to a file: /fixtures/… from tests/fixtures, /hosts/… (test
 * host pages) from tests/e2e/hosts, /node_modules/… (Bootstrap, Tailwind's
 * preflight, pym.js, the benchmark's peers) from node_modules, /data/… and
 * /bench/… (benchmark pages) from the repo, the rest from dist/.
 */
function fileFor(pathname, root = DIST) {
  const mounts = [['/fixtures/', FIXTURES], ['/hosts/', HOSTS], ['/node_modules/', NODE_MODULES],
    ['/data/', join(ROOT, 'data')], ['/bench/', join(ROOT, 'bench', 'pages')]];
  const hit = mounts.find(([prefix]) => pathname.startsWith(prefix));
  const [base, rel] = hit
    ? [hit[1], pathname.slice(hit[0].length)]
    : [root, pathname === '/' ? 'index.html' : pathname.slice(1)];
  const full = normalize(join(base, decodeURIComponent(rel)));
  return full.startsWith(base) ? full : null;
}

/**
 * Starts the server; `index` (optional) rewrites dist/index.html as it is
 * served; `root` (optional) serves another folder in place of dist/ (an
 * installed release). Routes besides files, for the load-fault tests:
 *   /slow/<ms>/<path>      serves <path> after a delay (loading placeholder);
 *   /status/<code>         answers with that status and an HTML body;
 *   /hang                  never answers;
 *   /flaky/<key>/<path>    answers 503 the first time per key, then <path>;
 *   /reset/<path>          sends half of <path>, then resets the connection;
 *   /as-html/<path>        serves <path> as text/html;
 *   /cors/<path>           serves <path> with Access-Control-Allow-Origin: *;
 *   /changed/<key>/<path>  serves <path>; a .js file asked for again (per
 *                          key and path) with a line added that sets
 *                          globalThis.tbChanged: a file changed on the
 *                          server between two reads of it;
 *   /redirect/<path>       302 to <path>;
 *   /big, /big-chunked     6 MB of JSON, with and without Content-Length;
 *   /claims-8gib           says Content-Length: 8 GiB (past what a 32-bit
 *                          length holds), sends a few bytes and hangs;
 *   /bomb.json             100 MB of JSON sent gzip-encoded (~100 KB on the
 *                          wire, so Content-Length is the small number);
 *   /endless.json          50 MB of JSON, chunked (no Content-Length), sent
 *                          as fast as the reader takes it;
 *   /many/notes.json, /many/zeros.json, /many/keys.json, /many/tiers.json
 *                          5 MB files (just under the cap) of valid notes,
 *                          of notes that are all errors (0), of unknown
 *                          top-level keys, and of unknown counts keys;
 *   /gen/units-<N>-<P>.json a synthetic file with N units and P periods
 *                          (scripts/gen-results.mjs, made once per server);
 *   and every path of `extra` ({ '/page.html': '<!DOCTYPE html>…' }), as HTML.
 */
export async function startServer({ index, root = DIST, extra = {} } = {}) {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `trunk build --release` first (make test does)');
  }
  const flaky = new Set();
  const reads = new Set();
  const generated = new Map();
  const big = Buffer.from(`{"pad": "${'x'.repeat(6 * 1024 * 1024)}"}`);
  const hits = [];
  let bomb;
  const server = createServer(async (req, res) => {
    // Not new URL(req.url, base): a request path `//x` would read as a host.
    const url = new URL(`http://127.0.0.1${req.url}`);
    hits.push({ path: url.pathname, cookie: req.headers.cookie ?? null });
    let pathname = url.pathname;
    const slow = pathname.match(/^\/slow\/(\d+)(\/.*)$/);
    if (slow) {
      await new Promise((r) => setTimeout(r, Number(slow[1])));
      pathname = slow[2];
    }
    const status = pathname.match(/^\/status\/(\d{3})$/);
    if (status) {
      res.writeHead(Number(status[1]), { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><title>error</title>');
      return;
    }
    if (pathname === '/hang') return; // never answers
    if (Object.hasOwn(extra, pathname)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(extra[pathname]);
      return;
    }
    const flakyHit = pathname.match(/^\/flaky\/([^/]+)(\/.*)$/);
    if (flakyHit) {
      if (!flaky.has(flakyHit[1])) {
        flaky.add(flakyHit[1]);
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<!DOCTYPE html><title>busy</title>');
        return;
      }
      pathname = flakyHit[2];
    }
    if (pathname === '/claims-8gib') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(8 * 2 ** 30) });
      res.write('{"pad": "');
      return; // never ends
    }
    if (pathname === '/bomb.json') {
      bomb ??= gzipSync(Buffer.concat([Buffer.from('{"pad": "'), Buffer.alloc(100 * 1024 * 1024, 'x'), Buffer.from('"}')]));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
      return;
    }
    if (pathname === '/endless.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(256 * 1024, 'x');
      res.write('{"pad": "');
      let left = 200; // 200 × 256 KiB = 50 MiB
      const more = () => {
        while (left > 0 && !res.destroyed) {
          left--;
          if (!res.write(chunk)) return res.once('drain', more);
        }
        if (!res.destroyed) res.end('"}');
      };
      more();
      return;
    }
    const many = pathname.match(/^\/many\/(notes|zeros|keys|tiers)\.json$/);
    if (many) {
      if (!generated.has(pathname)) generated.set(pathname, Buffer.from(manyFile(many[1])));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(generated.get(pathname));
      return;
    }
    if (pathname === '/big' || pathname === '/big-chunked') {
      const headers = { 'content-type': 'application/json' };
      if (pathname === '/big') headers['content-length'] = String(big.length);
      res.writeHead(200, headers);
      res.end(big);
      return;
    }
    const gen = pathname.match(/^\/gen\/units-(\d+)-(\d+)\.json$/);
    if (gen) {
      if (!generated.has(pathname)) {
        generated.set(pathname, Buffer.from(JSON.stringify(generate({ units: Number(gen[1]), periods: Number(gen[2]) }))));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(generated.get(pathname));
      return;
    }
    const changed = pathname.match(/^\/changed\/([^/]+)(\/.*)$/);
    const tamper = changed?.[2].endsWith('.js') && reads.has(changed[0]);
    if (changed) {
      reads.add(changed[0]);
      pathname = changed[2];
    }
    const redirect = pathname.match(/^\/redirect(\/.*)$/);
    if (redirect) {
      res.writeHead(302, { location: redirect[1] });
      res.end();
      return;
    }
    const mode = pathname.match(/^\/(reset|as-html|cors)(\/.*)$/);
    if (mode) pathname = mode[2];
    const file = fileFor(pathname, root);
    try {
      if (!file || !(await stat(file)).isFile()) throw new Error('not found');
      let body = await readFile(file);
      // A server can serve the page as another build would write it
      // (e.g. one with TIER_BREAKDOWN_DATA_ORIGINS).
      if (index && file === join(root, 'index.html')) body = Buffer.from(index(body.toString('utf8')));
      if (tamper) body = Buffer.concat([body, Buffer.from('\n;globalThis.tbChanged = true;\n')]);
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (mode?.[1] === 'as-html') headers['content-type'] = 'text/html; charset=utf-8';
      if (mode?.[1] === 'cors') headers['access-control-allow-origin'] = '*';
      if (mode?.[1] === 'reset') {
        res.writeHead(200, { ...headers, 'content-length': String(body.length) });
        res.write(body.subarray(0, body.length >> 1));
        setTimeout(() => res.socket.destroy(), 50);
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><title>404</title>');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** Every request this server answered: its path and Cookie header. */
    hits,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

/**
 * A valid file (English, two tiers, one group) grown to just under 5 MB
 * with one kind of repeated entry: `notes` (valid notes), `zeros` (notes
 * that are all the wrong type), `keys` (unknown top-level fields) or
 * `tiers` (unknown tier ids in the group's counts).
 */
export function manyFile(kind) {
  const size = 5 * 1000 * 1000 - 200;
  const entry = { notes: (i) => `"n${i % 10}"`, zeros: () => '0', keys: (i) => `"k${i}": 0`, tiers: (i) => `"t${i}": 1` }[kind];
  const parts = [];
  for (let i = 0, n = 0; n < size; i++) {
    const e = entry(i);
    parts.push(e);
    n += e.length + 1;
  }
  const list = parts.join(',');
  const counts = kind === 'tiers' ? `{"a": 1, "b": 2, ${list}}` : '{"a": 1, "b": 2}';
  const head = `"version": 1, "lang": "en", "title": "Many ${kind}", "tiers": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}], "groups": [{"id": "g", "label": "G", "counts": ${counts}}]`;
  if (kind === 'notes' || kind === 'zeros') return `{${head}, "notes": [${list}]}`;
  if (kind === 'keys') return `{${head}, ${list}}`;
  return `{${head}}`;
}

/** Launches Debian's Chromium headless; fails loudly when it is missing. */
export async function launch() {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath}: run scripts/setup.sh`);
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page at `width` px with its errors and requests recorded.
 * `page.errors` holds uncaught exceptions; `page.requests` every URL asked for.
 */
export async function openPage(browser, { width = 1024, height = 900, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('request', (r) => page.requests.push(r.url()));
  return page;
}

/**
 * The widget's chart, not the static one a page carries before the wasm
 * (core::prerender): a test that waited for `.tb-chart` could act on a
 * chart no script drives yet.
 */
export const CHART = '.tb:not([data-tb-static]) .tb-chart';

/**
 * `html` (a page with script embeds) as `standalone --static-into` rewrites
 * it: each embed with its static chart (core::prerender), as a newsroom's
 * build would publish it.
 */
export function withStaticCharts(html) {
  const file = join(mkdtempSync(join(tmpdir(), 'tb-static-')), 'page.html');
  writeFileSync(file, html);
  execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'standalone', '--', '--static-into', file],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return readFileSync(file, 'utf8');
}

/** Waits until the widget has drawn its chart (or an error box) and two frames have passed. */
export async function settled(page) {
  await page.waitForSelector(`${CHART}, .tb-error`);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * Starts the server and the browser before a spec file's tests and closes
 * them after: `const ctx = useServerAndBrowser()`, then `ctx.server.origin`
 * and `openPage(ctx.browser)`.
 */
export function useServerAndBrowser() {
  const ctx = {};
  before(async () => {
    ctx.server = await startServer();
    ctx.browser = await launch();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}

/**
 * Two sites and a browser, for tests of reading across origins: `server`
 * (the page as built), `other` (another site), `allowing` (the page as a
 * build with TIER_BREAKDOWN_DATA_ORIGINS=<other's origin> writes it);
 * `close()` stops them all.
 */
export async function startSites() {
  const { allowDataOrigins } = await import('../../scripts/data-origins.mjs');
  const server = await startServer();
  const other = await startServer();
  const allowing = await startServer({ index: (html) => allowDataOrigins(html, other.origin) });
  const browser = await launch();
  return {
    server, other, allowing, browser,
    close: async () => {
      await browser.close();
      await server.close();
      await other.close();
      await allowing.close();
    },
  };
}

/**
 * How the filter paints the segments under `scope`: how many have receded
 * to the neutral (`model::UNSELECTED`, light or dark), how many have the
 * selection's rule under them, and how many list items under the bars
 * recede (swatch and text together). By computed style: what a reader sees,
 * not class names.
 */
export function segmentPaint(page, scope = '') {
  return page.$$eval(`${scope} .tb-seg, ${scope} .tb-under-item[data-tier] .tb-swatch`, async (els) => {
    // The filter's colours change in a 150 ms transition: read them once it ends.
    await Promise.all(document.getAnimations().map((a) => a.finished));
    const neutral = ['rgb(217, 217, 217)', 'rgb(58, 58, 58)'];
    const out = { grey: 0, ruled: 0, greyItems: 0 };
    for (const s of els) {
      const grey = neutral.includes(getComputedStyle(s).backgroundColor);
      if (s.classList.contains('tb-swatch')) {
        // A list item under the bars: grey swatch and muted text together.
        const muted = getComputedStyle(s.parentElement).color !== getComputedStyle(s.closest('.tb-group')).color;
        if (grey !== muted) throw new Error(`swatch grey ${grey} but text muted ${muted}`);
        if (grey) out.greyItems += 1;
      } else {
        if (grey) out.grey += 1;
        if (getComputedStyle(s, '::after').backgroundColor !== 'rgba(0, 0, 0, 0)') out.ruled += 1;
      }
    }
    return out;
  });
}

/**
 * Holds back every way the glue can compile a wasm module (also the
 * standalone file's inline one) until `window.__release()` is called in
 * the page: for reading a static chart before the widget starts. Call
 * before `page.goto`.
 */
export async function holdWasm(page) {
  await page.addInitScript(() => {
    let release;
    window.__hold = new Promise((r) => { release = r; });
    window.__release = release;
    for (const k of ['instantiate', 'instantiateStreaming', 'compile', 'compileStreaming']) {
      const f = WebAssembly[k];
      WebAssembly[k] = async (...args) => {
        await window.__hold;
        return f.apply(WebAssembly, args);
      };
    }
  });
}

/**
 * A group's header slot as one line: the selection's words and share
 * (`Xuất sắc + Tốt: 96,4%`), or with nothing selected its words alone
 * (`695 được đánh giá`). `where` is a page, frame or locator; `group` a
 * selector of the group (`[data-group=members]`, `#w1 [data-group=staff]`).
 */
export async function slotText(where, group) {
  const words = await where.locator(`${group} .tb-head-words`).textContent();
  const value = await where.locator(`${group} .tb-head-value`).textContent();
  return value ? `${words}: ${value}` : words;
}
