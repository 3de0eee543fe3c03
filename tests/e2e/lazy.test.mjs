// Start when near (issue #28): a script embed fetches nothing (no wasm, no
// glue) until the reader scrolls within a screen of it, focuses, points at
// or touches it, or the page says `data-start="now"`; its static chart is
// the chart meanwhile, and the start moves nothing. Several embeds: each
// starts when it comes near, the wasm is fetched and compiled once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, CHART, startServer, launch, openPage, slotText, withStaticCharts } from './harness.mjs';

const SEED = readFileSync(join(ROOT, 'data/phu-tho-2022.json'), 'utf8').replace(/</g, '\\u003c');
const PARA = '<p>Đoạn văn của bài báo, trước và sau biểu đồ. Người đọc lướt qua nhiều đoạn như thế này trước khi gặp biểu đồ.</p>';

/** An inline-data embed with its static chart to come; `attrs` added to its element. */
const embed = (id, attrs = '') => `<div data-tier-breakdown data-lang="vi" id="${id}"${attrs}><script type="application/json">${SEED}</script></div>`;

/** A phone article: `body` between a title and the loader, through `--static-into`. */
const article = (body) => withStaticCharts(`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>lazy</title>
<style>body{margin:0 auto;max-width:720px;padding:16px;font:18px/1.6 Georgia,serif}</style></head><body>
<h1>Bài báo</h1>${body}
<script type="module" src="/embed.js"></script></body></html>`);

// The embed after more than three screens of text at 360 × 740 (the test checks it).
const FAR = PARA.repeat(24);
const [far, now, two] = [
  article(`${FAR}${embed('a')}${PARA.repeat(6)}`),
  article(`${FAR}${embed('a', ' data-start="now"')}${PARA.repeat(6)}`),
  // The second embed four screens and more below the first.
  article(`${FAR}${embed('a')}${PARA.repeat(36)}${embed('b')}${PARA.repeat(6)}`),
];

let server, browser;
before(async () => {
  server = await startServer({ extra: { '/far.html': far, '/now.html': now, '/two.html': two } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const SIZE = { width: 360, height: 740 };

/** Requests for the widget's wasm and its glue so far. */
const asked = (page) => ({
  wasm: page.requests.filter((u) => /\.wasm(\?|$)/.test(new URL(u).pathname)).length,
  glue: page.requests.filter((u) => new URL(u).pathname === '/tier-breakdown.js').length,
});

/** A phone page recording layout shifts (`__shifts`) and wasm compiles (`__compiles`). */
async function phone({ init } = {}) {
  const page = await openPage(browser, SIZE);
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__shifts.push({ value: e.value, sources: e.sources.map((s) => `${s.node?.nodeName}.${s.node?.className ?? ''}`) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
    window.__compiles = 0;
    for (const k of ['compile', 'compileStreaming']) {
      const f = WebAssembly[k];
      WebAssembly[k] = (...args) => {
        window.__compiles += 1;
        return f.apply(WebAssembly, args);
      };
    }
  });
  if (init) await page.addInitScript(init);
  return page;
}

/** Opens `path`, waits until it has loaded and idled a while; the static chart of `#a` is there. */
async function load(page, path) {
  await page.goto(server.origin + path);
  await page.waitForLoadState('load');
  await page.locator('#a [data-tb-static] .tb-chart').waitFor();
  await page.waitForTimeout(800);
}

/** Scrolls so that the top of `#id` is `screens` viewport heights below the viewport's top. */
function scrollTo(page, id, screens) {
  return page.evaluate(([i, s]) => {
    const top = document.getElementById(i).getBoundingClientRect().top + scrollY;
    scrollTo(0, top - s * innerHeight);
  }, [id, screens]);
}

/** Whether `#id` runs the widget (its chart is no longer the static one). */
const live = (page, id) => page.locator(`#${id} ${CHART}`).count().then((n) => n > 0);

test('an embed three screens down fetches no wasm until the reader scrolls near; then it starts in place', async () => {
  const page = await phone();
  await load(page, '/far.html');
  const top = await page.$eval('#a', (el) => el.getBoundingClientRect().top / innerHeight);
  assert.ok(top >= 3, `the embed is ${top.toFixed(2)} screens down, not three`);
  assert.deepEqual(asked(page), { wasm: 0, glue: 0 }, 'fetched before the reader came near');
  // Two and a half screens above it: still nothing.
  await scrollTo(page, 'a', 2.5);
  await page.waitForTimeout(800);
  assert.deepEqual(asked(page), { wasm: 0, glue: 0 }, 'fetched two and a half screens away');
  assert.equal(await live(page, 'a'), false);
  // The reader jumps to it: it starts while in view, and nothing moves.
  await scrollTo(page, 'a', 0.1);
  await page.locator(`#a ${CHART}`).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(500);
  assert.deepEqual(asked(page), { wasm: 1, glue: 1 });
  const shifts = await page.evaluate(() => window.__shifts);
  assert.equal(shifts.reduce((t, s) => t + s.value, 0), 0, JSON.stringify(shifts));
  // The live widget: a legend key filters (excellent and good are
  // highlighted at first; a click takes excellent out).
  const key = page.locator('#a .tb:not([data-tb-static]) .tb-key[data-tier=excellent]');
  await key.click();
  assert.equal(await key.getAttribute('aria-pressed'), 'false');
  assert.equal(await slotText(page, '#a [data-group=members]'), 'Tốt: 78,6%');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('two embeds: each starts when it comes near, the wasm is fetched and compiled once', async () => {
  const page = await phone();
  await load(page, '/two.html');
  assert.deepEqual(asked(page), { wasm: 0, glue: 0 });
  await scrollTo(page, 'a', 0.1);
  await page.locator(`#a ${CHART}`).waitFor();
  await page.waitForTimeout(800);
  const gap = await page.$eval('#b', (el) => el.getBoundingClientRect().top / innerHeight);
  assert.ok(gap > 2.5, `the second embed is only ${gap.toFixed(2)} screens below`);
  assert.equal(await live(page, 'b'), false, 'the second embed started before the reader came near');
  assert.deepEqual(asked(page), { wasm: 1, glue: 1 });
  // Half a screen below the viewport (within the margin): it starts before it is seen.
  await scrollTo(page, 'b', 1.5);
  await page.locator(`#b ${CHART}`).waitFor({ state: 'attached' });
  assert.deepEqual(asked(page), { wasm: 1, glue: 2 }, 'one wasm, one glue instance per widget');
  assert.equal(await page.evaluate(() => window.__compiles), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

/** The page's IntersectionObserver never reports: only the reader's own acts can start the widget. */
function blind() {
  window.IntersectionObserver = class {
    observe() {}
    disconnect() {}
  };
}

test('Tab into the static chart starts it at once, and the focus stays on its key', async () => {
  const page = await phone({ init: blind });
  await load(page, '/far.html');
  assert.deepEqual(asked(page), { wasm: 0, glue: 0 });
  // The page has nothing else to focus: the first Tab lands in the static chart.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'a');
  await page.locator(`#a ${CHART}`).waitFor();
  const focused = await page.evaluate(() => {
    const a = document.getElementById('a').shadowRoot.activeElement;
    return a && !a.closest('[data-tb-static]') ? a.getAttribute('data-tier') : null;
  });
  assert.ok(focused, 'the focus was lost in the takeover');
  const key = page.locator(`#a .tb-key[data-tier=${focused}]`);
  const was = await key.getAttribute('aria-pressed');
  await page.keyboard.press('Enter');
  assert.equal(await key.getAttribute('aria-pressed'), was === 'true' ? 'false' : 'true');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('pointing at the static chart starts it', async () => {
  const page = await phone({ init: blind });
  await load(page, '/far.html');
  assert.deepEqual(asked(page), { wasm: 0, glue: 0 });
  await page.locator('#a').hover();
  await page.locator(`#a ${CHART}`).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('data-start="now" starts an embed three screens down without scrolling', async () => {
  const page = await phone();
  await page.goto(`${server.origin}/now.html`);
  await page.locator(`#a ${CHART}`).waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a browser without IntersectionObserver starts every embed at once', async () => {
  const page = await phone({ init: () => { delete window.IntersectionObserver; } });
  await page.goto(`${server.origin}/two.html`);
  await page.locator(`#a ${CHART}`).waitFor({ state: 'attached' });
  await page.locator(`#b ${CHART}`).waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
