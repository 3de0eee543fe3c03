// The chart's design as DESIGN.md states it, checked in Chromium on the
// live widget (CHART, never the static chart a page carries first): the
// type scale (nothing larger than the title, nothing under 12 px), tooltips
// that never cover text (none under 480 px), and nothing moving under a bar
// when a tier is clicked (layout shift 0, the bars' boxes unchanged); the
// file's `highlight` and the link's `tiers` that wins over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART, openPage, settled, slotText, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();

async function open(width, query = 'lang=vi') {
  const page = await openPage(ctx.browser, { width });
  await page.goto(`${ctx.server.origin}/?${query}`);
  await settled(page);
  return page;
}

/** The font size of every visible text in the live chart, with its element's class. */
const fontSizes = (page) => page.$$eval(`${CHART} *`, (els) => els
  .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
  .filter((e) => e.getClientRects().length && !e.closest('.tb-sr') && getComputedStyle(e).visibility === 'visible')
  .map((e) => ({ what: `${e.tagName}.${e.className}`, px: parseFloat(getComputedStyle(e).fontSize) })));

for (const width of [360, 1024]) {
  test(`at ${width} px nothing is set larger than the title, nothing under 12 px, in every state`, async () => {
    for (const lang of ['vi', 'en']) {
      const page = await open(width, `lang=${lang}`);
      const title = await page.$eval(`${CHART} .tb-title`, (e) => parseFloat(getComputedStyle(e).fontSize));
      assert.equal(title, width < 480 ? 18 : 20);
      for (const state of ['highlighted', 'nothing selected', 'filtered']) {
        if (state === 'nothing selected') await page.locator(`${CHART} .tb-reset`).click();
        if (state === 'filtered') await page.locator(`${CHART} .tb-key[data-tier=completed]`).click();
        for (const { what, px } of await fontSizes(page)) {
          assert.ok(px <= title, `${lang} ${state}: ${what} is ${px} px, the title ${title} px`);
          assert.ok(px >= 12, `${lang} ${state}: ${what} is ${px} px`);
        }
      }
      await page.close();
    }
  });
}

/** Every box of visible text in the live chart but the tooltip's (one per line, from ranges). */
const textBoxes = (page) => page.$$eval(CHART, ([fig]) => {
  const out = [];
  const walk = document.createTreeWalker(fig, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest('.tb-tip, .tb-sr') || getComputedStyle(el).visibility !== 'visible') continue;
    const r = document.createRange();
    r.selectNodeContents(n);
    for (const b of r.getClientRects()) if (b.width && b.height) out.push({ text: n.textContent, x: b.x, y: b.y, w: b.width, h: b.height });
  }
  return out;
});

test('a tooltip never covers text: none under 480 px, none with a coarse pointer, beside the texts at 1024 px', async () => {
  for (const width of [360, 1024]) {
    const page = await open(width);
    const segs = await page.locator(`${CHART} .tb-seg`).all();
    assert.ok(segs.length >= 10);
    const texts = await textBoxes(page);
    for (const seg of segs) {
      const name = await seg.getAttribute('aria-label');
      await seg.hover();
      const tip = page.locator(`${CHART} .tb-tip`);
      if (width < 480) {
        assert.equal(await tip.isVisible(), false, `${name}: a tooltip at ${width} px`);
        continue;
      }
      // Where the header row has no room beside its texts there is none.
      if (!(await tip.isVisible())) continue;
      const t = await tip.boundingBox();
      assert.ok(t.width <= 240.5, `${name}: ${t.width} px wide`);
      for (const b of texts) {
        const overlap = t.x < b.x + b.w - 0.5 && b.x < t.x + t.width - 0.5 && t.y < b.y + b.h - 0.5 && b.y < t.y + t.height - 0.5;
        assert.ok(!overlap, `${name}: the tooltip covers "${b.text}"`);
      }
    }
    // Every segment of the seed has room for its tooltip at 1024 px.
    if (width >= 1024) {
      await page.locator(`${CHART} [data-group=cells] .tb-seg[data-tier=excellent]`).hover();
      assert.equal(await page.locator(`${CHART} .tb-tip`).isVisible(), true);
    }
    await page.close();
  }
  // A touch screen (no hover, a coarse pointer): no tooltip at any width.
  const context = await ctx.browser.newContext({ viewport: { width: 1024, height: 900 }, hasTouch: true, isMobile: true });
  const touch = await context.newPage();
  await touch.goto(`${ctx.server.origin}/?lang=vi`);
  await settled(touch);
  await touch.locator(`${CHART} [data-group=members] .tb-seg[data-tier=good]`).tap();
  assert.equal(await touch.locator(`${CHART} .tb-tip`).isVisible(), false);
  await context.close();
});

for (const width of [360, 1024]) {
  test(`nothing moves under a bar when a tier is clicked, ${width} px`, async () => {
    const page = await openPage(ctx.browser, { width });
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__shift += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${ctx.server.origin}/?lang=vi`);
    await settled(page);
    await page.waitForTimeout(300);
    const bars = () => page.$$eval(`${CHART} .tb-bar, ${CHART} .tb-seg`, (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10).join(' ');
    }));
    const before = await bars();
    const start = await page.evaluate(() => window.__shift);
    // Out, in, another, everything out, and back: every kind of change.
    for (const click of ['[data-tier=excellent]', '[data-tier=excellent]', '[data-tier=not_completed]', '.tb-reset', '[data-tier=good]']) {
      const target = click.startsWith('[') ? `${CHART} .tb-key${click}` : `${CHART} ${click}`;
      await page.locator(target).click();
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.deepEqual(await bars(), before, `after ${click}: a bar moved`);
    }
    assert.equal(await page.evaluate(() => window.__shift) - start, 0, 'layout shift on a tier click');
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('the file names the tiers highlighted at first; a link\'s tiers win; tiers=none selects nothing', async () => {
  const page = await open(1024, 'data=/fixtures/good/highlight.json');
  const pressed = () => page.$$eval(`${CHART} .tb-key`, (els) => els.map((e) => e.getAttribute('aria-pressed')));
  assert.deepEqual(await pressed(), ['false', 'true', 'false']);
  assert.equal(await slotText(page, `${CHART} [data-group=staff]`), 'Mid: 50.0%');
  await page.goto(`${ctx.server.origin}/?data=/fixtures/good/highlight.json&tiers=low`);
  await settled(page);
  assert.deepEqual(await pressed(), ['false', 'false', 'true']);
  await page.goto(`${ctx.server.origin}/?data=/fixtures/good/highlight.json&tiers=none`);
  await settled(page);
  assert.deepEqual(await pressed(), ['false', 'false', 'false']);
  assert.equal(await slotText(page, `${CHART} [data-group=staff]`), '10 evaluated');
  // "× Clear" is there only while something is selected (and keeps its place).
  assert.equal(await page.locator(`${CHART} .tb-reset`).isVisible(), false);
  // The page's address says nothing is selected once the reader clears it.
  await page.goto(`${ctx.server.origin}/?data=/fixtures/good/highlight.json`);
  await settled(page);
  await page.locator(`${CHART} .tb-reset`).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('tiers') === 'none');
  assert.deepEqual(page.errors, []);
  await page.close();
});
