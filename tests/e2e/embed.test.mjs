// The script embed: shadow-root isolation from hostile host CSS, several
// widgets with their own data on one page, the wasm fetched once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART, openPage, slotText, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();

const PARTS = ['.tb-chart', '.tb-title', '.tb-subtitle', '.tb-key[data-tier=excellent]', '.tb-reset',
  '[data-group=members] .tb-headline', '[data-group=members] .tb-seg[data-tier=good]', '[data-group=cells] .tb-coverage',
  '.tb-under-item', '.tb-source a'];
const PROPS = ['font-family', 'font-size', 'font-style', 'font-weight', 'color', 'background-color', 'letter-spacing',
  'line-height', 'text-transform', 'word-spacing', 'text-align', 'display', 'padding-top', 'margin-top', 'border-top-width'];

/** Boxes (relative to the host element) and computed styles of the widget's parts. */
async function measure(page, host) {
  await page.locator(`${host} ${CHART}`).waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(({ host, parts, props }) => {
    const h = document.querySelector(host);
    const origin = h.getBoundingClientRect();
    const root = h.shadowRoot;
    return Object.fromEntries(parts.map((sel) => {
      const el = root.querySelector(sel);
      if (!el) return [sel, null];
      const r = el.getBoundingClientRect();
      const cs = getComputedStyle(el);
      return [sel, {
        box: [r.x - origin.x, r.y - origin.y, r.width, r.height].map((n) => Math.round(n)),
        style: Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])),
      }];
    }));
  }, { host, parts: PARTS, props: PROPS });
}

test('hostile host CSS (Bootstrap, Tailwind preflight, !important theme) changes nothing in the widget', async () => {
  const plain = await openPage(ctx.browser, { width: 1024 });
  await plain.goto(`${ctx.server.origin}/hosts/plain.html`);
  const expected = await measure(plain, '#w1');
  assert.ok(expected['.tb-title'].box[2] > 300, 'the plain page shows the chart');

  const page = await openPage(ctx.browser, { width: 1024 });
  await page.goto(`${ctx.server.origin}/hosts/hostile.html`);
  const hostStyle = () => page.evaluate(() => ['#host-p', '#host-btn'].map((s) => {
    const cs = getComputedStyle(document.querySelector(s));
    return [cs.display, cs.color, cs.backgroundColor, cs.fontFamily, cs.fontSize, cs.padding, cs.borderRadius, cs.letterSpacing].join('|');
  }));
  const hostBefore = await hostStyle();
  // Load the embed only now, so the host's own styles are read with and without it.
  await page.addScriptTag({ type: 'module', url: `${ctx.server.origin}/embed.js` });
  const got = await measure(page, '#w1');
  assert.deepEqual(got, expected);
  assert.deepEqual(await hostStyle(), hostBefore, 'the widget changed the host page\'s styles');
  // The host element itself shows although the page hides every <section>.
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#w1')).display), 'block');
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(ctx.server.origin)), []);
});

test('several widgets on one page: own data, own filter, own errors; wasm fetched once', async () => {
  const page = await openPage(ctx.browser, { width: 1024 });
  await page.goto(`${ctx.server.origin}/hosts/multi.html`);
  await page.locator(`#w1 ${CHART}`).waitFor();
  await page.locator(`#w2 ${CHART}`).waitFor();
  await page.locator('#w3 .tb-error').waitFor();
  await page.locator(`#w4 ${CHART}`).waitFor();
  assert.equal(await page.locator('#w1 .tb-title').textContent(), 'Annual review of party organisations and members, 2022');
  assert.equal(await page.locator('#w2 .tb-title').textContent(), 'Inline data');
  assert.equal(await page.locator('#w4 .tb-title').textContent(), 'Staff appraisal 2024');
  // The broken file shows its errors in its own widget only.
  assert.deepEqual(await page.locator('#w3 .tb-error-list li').allTextContents(), [
    'groups[1].counts.good: expected a whole number ≥ 0, found -3',
    'groups[1].counts.bad: expected a whole number ≥ 0, found "12"',
  ]);
  // data-tiers selects at first; filters are independent.
  assert.equal(await page.locator('#w4 .tb-key[data-tier=low]').getAttribute('aria-pressed'), 'true');
  // Without data-tiers, the file's highlight (the seed names none: its two best).
  assert.equal(await page.locator('#w1 .tb-key[data-tier=good]').getAttribute('aria-pressed'), 'true');
  await page.locator('#w1 .tb-key[data-tier=good]').click();
  assert.equal(await page.locator('#w1 .tb-key[data-tier=good]').getAttribute('aria-pressed'), 'false');
  assert.equal(await slotText(page, '#w1 [data-group=members]'), 'Excellent: 16.2%');
  await page.locator('#w2 .tb-key[data-tier=low]').click();
  assert.equal(await slotText(page, '#w2 [data-group=staff]'), 'High + Low: 100.0%');
  assert.equal(await page.locator('#w1 .tb-key[data-tier=excellent]').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('#w4 .tb-key[data-tier=high]').getAttribute('aria-pressed'), 'false');
  // Theming through the documented custom properties reaches into the shadow root.
  const style = (sel, prop) => page.locator(sel).evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);
  assert.equal(await style('#w2 .tb-title', 'color'), 'rgb(0, 0, 128)');
  assert.equal(await style('#w2 .tb-title', 'font-family'), 'Georgia, serif');
  assert.equal(await style('#w1 .tb-title', 'color'), 'rgb(26, 26, 26)');
  assert.equal(await style('#w4 .tb', 'background-color'), 'rgb(22, 22, 22)');
  assert.equal(await style('#w4 .tb-title', 'color'), 'rgb(237, 237, 237)');
  // A widget added later is found and mounted.
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.id = 'w5';
    el.dataset.tierBreakdown = '';
    el.dataset.lang = 'vi';
    document.body.append(el);
  });
  await page.locator(`#w5 ${CHART}`).waitFor();
  assert.equal(await slotText(page, '#w5 [data-group=members]'), 'Xuất sắc + Tốt: 94,8%');
  // The host page keeps working.
  await page.click('#host-counter');
  assert.equal(await page.textContent('#host-counter'), '1');
  // Snippet pasted twice (plus a copy at another URL): the wasm is fetched once.
  assert.equal(page.requests.filter((u) => u.endsWith('.wasm')).length, 1, page.requests.join('\n'));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(ctx.server.origin)), []);
});

test('markup cannot clobber the loaders, and two copies from different folders each use their own files', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { ROOT } = await import('./harness.mjs');
  const page = await openPage(ctx.browser, { width: 1024 });
  // /v2/ is another folder of the same release (a second version on a live blog).
  await page.route((url) => url.pathname.startsWith('/v2/'), (route) => {
    const name = new URL(route.request().url()).pathname.slice('/v2/'.length);
    const type = name.endsWith('.wasm') ? 'application/wasm' : name.endsWith('.html') ? 'text/html' : 'text/javascript';
    return route.fulfill({ body: readFileSync(join(ROOT, 'dist', name)), contentType: type });
  });
  const mainWasm = [];
  page.on('request', (r) => { if (r.url().endsWith('_bg.wasm') && r.frame() === page.mainFrame()) mainWasm.push(r.url()); });
  const host = `${ctx.server.origin}/hosts/clobbered.html`;
  await page.route(host, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>clobbered</title></head><body>
<div id="__tierBreakdown"></div><div id="__tierBreakdownFrames"></div><img name="__tierBreakdown">
<div data-tier-breakdown id="a" data-lang="en"></div>
<div data-tier-breakdown id="b" data-lang="vi"></div>
<iframe id="frame" data-tier-breakdown-frame src="/index.html?lang=en" style="width:100%;border:0;height:50px" scrolling="no" title="chart"></iframe>
<script type="module" src="/v2/embed.js"></script>
<script type="module" src="/embed.js"></script>
<script src="/frame-parent.js" async></script>
</body></html>` }));
  await page.goto(host);
  await page.locator(`#a ${CHART}`).waitFor();
  await page.locator(`#b ${CHART}`).waitFor();
  // A widget added later (below the others: it starts as the reader comes near) is mounted once.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<div data-tier-breakdown id="c" data-lang="en"></div>'));
  await page.locator('#c').scrollIntoViewIfNeeded();
  await page.locator(`#c ${CHART}`).waitFor();
  assert.equal(await page.locator('#c .tb-root').count(), 1);
  // The first copy (from /v2/) mounted them with its own glue and wasm (the
  // iframe's page loads its own).
  assert.equal(mainWasm.length, 1);
  assert.match(mainWasm[0], /\/v2\/tier-breakdown_bg\.wasm$/);
  // The iframe still gets its height from frame-parent.js.
  await page.waitForFunction(() => parseInt(document.getElementById('frame').style.height, 10) > 200);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Regression (issue #27): every [data-tier-breakdown] that appeared was
// mounted, also one in a reader's comment; a host can now say where
// embeds may appear.
test('a mounting scope: only embeds inside the host\'s scope are mounted, then and later', async () => {
  const mounted = async (scope, expected) => {
    const page = await openPage(ctx.browser, { width: 1024 });
    const host = `${ctx.server.origin}/hosts/scoped.html`;
    await page.route(host, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>scoped</title></head><body>
<article id="article" ${scope}><div data-tier-breakdown id="inside" data-lang="en"></div></article>
<section id="comments"><div data-tier-breakdown id="outside" data-lang="en"></div></section>
<script type="module" src="/embed.js"></script>
</body></html>` }));
    await page.goto(host);
    await page.locator(`#inside ${CHART}`).waitFor();
    // Later: a comment with an embed, one with a scope of its own, and a
    // new embed in the article (waited for: the loader has seen them all).
    await page.evaluate(() => {
      document.querySelector('#comments').insertAdjacentHTML('beforeend', '<div data-tier-breakdown id="later"></div>'
        + '<div data-tier-breakdown-scope><div data-tier-breakdown id="own-scope"></div></div>');
      document.querySelector('#article').insertAdjacentHTML('beforeend', '<div data-tier-breakdown id="later-inside"></div>');
    });
    for (const id of expected) await page.locator(`#${id} ${CHART}`).waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(await page.$$eval('[data-tier-breakdown]', (els) => els.filter((e) => e.shadowRoot).map((e) => e.id)), expected);
    assert.deepEqual(page.errors, []);
    await page.close();
  };
  await mounted('data-tier-breakdown-scope', ['inside', 'later-inside']);
  // Without a scope, every embed is mounted, as before.
  await mounted('', ['inside', 'later-inside', 'outside', 'later', 'own-scope']);
});
