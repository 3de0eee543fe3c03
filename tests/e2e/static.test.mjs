// The chart before the wasm (core::prerender): its text is in the HTML
// with JavaScript off; the wasm takes it over in place (same boxes, same
// text, the focus kept, the filter working); and nothing moves while a
// page loads (layout shift 0 where the data is known in advance, below
// 0.01 for a `data-src` embed that carries its height hint).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, launch, openPage, withStaticCharts, holdWasm } from './harness.mjs';

const SEED = readFileSync(join(ROOT, 'data/phu-tho-2022.json'), 'utf8');

/**
 * A news page with an inline-data script embed in its first screen, no
 * height hint: as written (`raw`), and through `standalone --static-into`.
 */
const para = '<p>Đoạn văn của bài báo, trước và sau biểu đồ, để thấy trang có bị xê dịch hay không khi biểu đồ hiện ra.</p>';
const RAW = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>inline</title>
<style>body{margin:0 auto;max-width:720px;padding:16px;font:18px/1.6 Georgia,serif}</style></head><body>
<h1>Bài báo</h1>${para}
<div data-tier-breakdown data-lang="vi"><script type="application/json">${SEED.replace(/</g, '\\u003c')}</script></div>
${para.repeat(6)}
<script type="module" src="/embed.js"></script></body></html>`;

/** A news page with a `data-src` embed, its code carrying `style` (the height hint) or not. */
function srcPage(style = '') {
  return `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>src</title>
<style>body{margin:0 auto;max-width:720px;padding:16px;font:18px/1.6 Georgia,serif}</style></head><body>
<h1>Bài báo</h1>${para}
<div data-tier-breakdown data-src="/example-of-which.json"${style}></div>
${para.repeat(6)}
<script type="module" src="/embed.js"></script></body></html>`;
}

let server, browser;
const extra = { '/inline.html': withStaticCharts(RAW), '/inline-raw.html': RAW, '/src.html': srcPage() };
before(async () => {
  server = await startServer({ extra });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Where the chart of each page is: the document, or a script embed's shadow root. */
const PAGES = [
  { name: 'full page', path: '/index.html', shadow: false },
  { name: 'standalone file', path: '/tier-breakdown.html', shadow: false },
  { name: 'inline-data script embed', path: '/inline.html', shadow: true },
  { name: 'demo article (built-in data embed)', path: '/demo/article.html', shadow: true },
];

/** The chart's visible text, and each visible element's box, in reading order. */
function snapshot(shadow) {
  const host = shadow ? document.querySelector('[data-tier-breakdown]') : document;
  const root = shadow ? host.shadowRoot : document;
  const tb = root?.querySelector('.tb');
  if (!tb || !tb.querySelector('.tb-chart')) return null;
  const boxes = [];
  for (const el of tb.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (getComputedStyle(el).display === 'none') continue;
    boxes.push({
      tag: el.tagName,
      cls: (el.getAttribute('class') ?? '').split(' ').filter((c) => c && c !== 'tb-light' && c !== 'tb-dark').join(' '),
      box: [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 2) / 2),
    });
  }
  return {
    text: tb.innerText,
    boxes,
    static: tb.hasAttribute('data-tb-static'),
  };
}

test('with JavaScript off, the chart and its figures are in the HTML', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 900 } });
  for (const p of PAGES) {
    const page = await context.newPage();
    await page.goto(server.origin + p.path);
    const s = await page.evaluate(snapshot, p.shadow);
    assert.ok(s, `${p.name}: no chart without JavaScript`);
    assert.ok(s.static, `${p.name}: the chart is the static one`);
    // The article's figures (FACTS.md), as the chart prints them.
    for (const figure of ['695', '5.062', '94.877', '131', '539', 'Hoàn thành xuất sắc nhiệm vụ', 'Nguồn']) {
      assert.ok(s.text.includes(figure), `${p.name}: ${figure} is not shown`);
    }
    // And they are drawn: three bars of segments with a width.
    assert.ok(s.boxes.filter((b) => b.cls.startsWith('tb-seg ')).length >= 9, `${p.name}: the bars are not drawn`);
    await page.close();
  }
  await context.close();
});

/**
 * Opens `path` with the wasm held back until the static chart has been
 * read (and `before(page)` has run), then lets it go; returns both states.
 */
async function takeOver(path, shadow, { width = 1024, colorScheme = 'light', before: prepare } = {}) {
  const page = await openPage(browser, { width, colorScheme });
  // The wasm starts only when told (also the standalone file's, which is
  // inline): every way the glue can compile it waits.
  await holdWasm(page);
  await page.goto(server.origin + path, { waitUntil: 'commit' });
  // The whole document parsed (a chart still streaming in is not the frame).
  await page.waitForFunction((sh) => {
    const root = sh ? document.querySelector('[data-tier-breakdown]')?.shadowRoot : document;
    return document.readyState !== 'loading' && root?.querySelector('[data-tb-static] .tb-footer');
  }, shadow);
  if (prepare) await prepare(page);
  const first = await page.evaluate(snapshot, shadow);
  await page.evaluate(() => window.__release());
  await page.waitForFunction((sh) => {
    const root = sh ? document.querySelector('[data-tier-breakdown]')?.shadowRoot : document;
    const tb = root?.querySelector('.tb');
    return tb && !tb.hasAttribute('data-tb-static') && tb.querySelector('.tb-groups .tb-seg');
  }, shadow, { timeout: 15000 }).catch(async (e) => {
    throw new Error(`${path}: not taken over (${JSON.stringify(page.errors)}): ${await page.evaluate(() => document.body.innerHTML.slice(0, 300))}`, { cause: e });
  });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const then = await page.evaluate(snapshot, shadow);
  return { page, first, then };
}

for (const width of [360, 1024]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the wasm takes the static chart over in place (${width} px, ${colorScheme})`, async () => {
      for (const p of PAGES) {
        const { page, first, then } = await takeOver(p.path, p.shadow, { width, colorScheme });
        // Before: the static chart (the widget held back); after: the widget's.
        assert.equal(first.static, true, `${p.name}: the chart before the wasm is not the static one`);
        assert.equal(then.static, false, `${p.name}: not taken over`);
        assert.equal(then.text, first.text, `${p.name}: the text changed`);
        assert.deepEqual(then.boxes, first.boxes, `${p.name}: a box moved or changed`);
        assert.deepEqual(page.errors, [], p.name);
        await page.context().close();
      }
    });
  }
}

test('after the takeover the filter works, and the focus stayed on its key', async () => {
  for (const p of PAGES.filter((x) => x.path !== '/tier-breakdown.html')) {
    const { page } = await takeOver(p.path, p.shadow, {
      before: async (pg) => {
        // Keyboard to the second legend key of the static chart.
        await pg.locator('.tb-key').nth(1).focus();
      },
    });
    const focused = await page.evaluate((sh) => {
      const r = sh ? document.querySelector('[data-tier-breakdown]').shadowRoot : document;
      const a = r.activeElement;
      return a && !a.closest('[data-tb-static]') ? a.getAttribute('data-tier') : null;
    }, p.shadow);
    assert.equal(focused, 'good', `${p.name}: the focus was not kept on the same key`);
    await page.keyboard.press('Enter');
    const after = await page.evaluate((sh) => {
      const r = sh ? document.querySelector('[data-tier-breakdown]').shadowRoot : document;
      return {
        pressed: r.querySelector('.tb-key[data-tier="good"]').getAttribute('aria-pressed'),
        groups: r.querySelector('.tb-groups').className,
        line: r.querySelector('.tb-head-value').textContent,
      };
    }, p.shadow);
    // Good was highlighted at first (the seed's two best): Enter takes it out, excellent stays.
    assert.equal(after.pressed, 'false', p.name);
    assert.match(after.groups, /tb-sel/, p.name);
    assert.ok(after.line.length > 0, `${p.name}: no combined line`);
    await page.context().close();
  }
});

/**
 * Whether every widget whose top is less than `screens` viewports below
 * the viewport's top has drawn (not static, not loading), in the page's
 * browser; at least one.
 */
function drawn(screens) {
  const hosts = [...document.querySelectorAll('[data-tier-breakdown]')]
    .filter((h) => h.getBoundingClientRect().top < screens * innerHeight);
  const charts = [...document.querySelectorAll('.tb'), ...hosts.map((h) => h.shadowRoot?.querySelector('.tb'))];
  return charts.length > 0 && charts.every((c) => c && !c.hasAttribute('data-tb-static') && !c.querySelector('.tb-skeleton'));
}

/** Every layout shift while `path` loads and its widgets start, and what moved. */
async function shifts(path, { width, colorScheme }) {
  const height = width < 500 ? 740 : 768;
  const page = await openPage(browser, { width, height, colorScheme });
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__shifts.push({ value: e.value, sources: e.sources.map((s) => s.node?.nodeName + '.' + (s.node?.className ?? '')) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.origin + path);
  await page.waitForLoadState('load');
  // A reader reads down the page a screen at a time (embeds below the
  // first screen start as they come near, and have drawn before the reader
  // reaches them: scrolling faster than a widget starts is not measured
  // here), then goes back to the top.
  const bottom = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < bottom; y += height) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await page.waitForFunction(drawn, 2);
  }
  await page.evaluate(() => scrollTo(0, 0));
  // Every widget drawn, then a second to settle.
  await page.waitForFunction(drawn, Infinity);
  await page.waitForTimeout(1000);
  const list = await page.evaluate(() => window.__shifts);
  await page.context().close();
  return { total: list.reduce((t, s) => t + s.value, 0), list };
}

for (const width of [360, 1024]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`nothing moves while the pages load (${width} px, ${colorScheme})`, async () => {
      for (const path of ['/index.html', '/inline.html']) {
        const s = await shifts(path, { width, colorScheme });
        assert.equal(s.total, 0, `${path}: layout shift ${s.total} ${JSON.stringify(s.list)}`);
      }
      // The demo article: a built-in embed (static), then an iframe and a
      // data-src embed without height hints, below the first screen (the
      // hint is tested on a page of its own, below).
      const demo = await shifts('/demo/article.html', { width, colorScheme });
      assert.ok(demo.total < 0.01, `demo article: layout shift ${demo.total} ${JSON.stringify(demo.list)}`);
    });
  }
}

test('a data-src embed whose code carries its height hint moves nothing', async () => {
  // The hint as the editor writes it: the chart's height in a phone's column.
  const page = await openPage(browser, { width: 360, height: 740 });
  await page.goto(`${server.origin}/src.html`);
  await page.waitForFunction(() => document.querySelector('[data-tier-breakdown]').shadowRoot?.querySelector('.tb-groups .tb-seg'));
  const hint = await page.evaluate(() => Math.ceil(document.querySelector('[data-tier-breakdown]').getBoundingClientRect().height));
  await page.context().close();
  extra['/src-hint.html'] = srcPage(` style="min-height:${hint}px"`);
  for (const width of [360, 1024]) {
    for (const colorScheme of ['light', 'dark']) {
      const without = await shifts('/src.html', { width, colorScheme });
      // What the hint is for: without it the page moves (so this can fail).
      assert.ok(without.total >= 0.01, `without the hint the page should move (${without.total})`);
      const hinted = await shifts('/src-hint.html', { width, colorScheme });
      assert.ok(hinted.total < 0.01, `${width} ${colorScheme}: layout shift ${hinted.total} ${JSON.stringify(hinted.list)}`);
    }
  }
});

// What the static chart is for: the same page without it (the widget draws
// into an empty element in the first screen, no height hint) moves, so the
// zero above can fail; with it the first frame is already the chart.
test('an embed in the first screen moves the page without its static chart, and not with it', async () => {
  for (const width of [360, 1024]) {
    const without = await shifts('/inline-raw.html', { width, colorScheme: 'light' });
    assert.ok(without.total >= 0.01, `${width}: without the static chart the page should move (${without.total})`);
    const { page, first } = await takeOver('/inline.html', true, { width });
    assert.equal(first.static, true, `${width}: the first frame is not the static chart`);
    assert.ok(first.text.includes('94.877'), `${width}: the static chart lacks its figures`);
    await page.context().close();
    const withIt = await shifts('/inline.html', { width, colorScheme: 'light' });
    assert.equal(withIt.total, 0, `${width}: layout shift ${withIt.total} ${JSON.stringify(withIt.list)}`);
  }
});

// A wasm that does not arrive (a 404, a dropped connection, a blocked
// request) leaves the static chart as it was, with the reason above it.
test('a failed wasm load keeps the static chart readable', async () => {
  for (const [how, answer, said] of [
    ['404', (route) => route.fulfill({ status: 404, body: 'nope' }), /HTTP 404/],
    ['aborted', (route) => route.abort(), /^tier-breakdown: ./],
  ]) {
    const page = await openPage(browser, { width: 360 });
    await page.route((url) => url.pathname.endsWith('.wasm'), answer);
    await page.goto(`${server.origin}/inline.html`);
    const alert = page.locator('[data-tier-breakdown] [role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), said, how);
    const s = await page.evaluate(snapshot, true);
    assert.ok(s?.static, `${how}: the static chart is gone`);
    for (const figure of ['695', '5.062', '94.877', 'Hoàn thành xuất sắc nhiệm vụ']) {
      assert.ok(s.text.includes(figure), `${how}: ${figure} is not shown`);
    }
    assert.ok(s.boxes.filter((b) => b.cls.startsWith('tb-seg ')).length >= 9, `${how}: the bars are not drawn`);
    await page.context().close();
  }
});
