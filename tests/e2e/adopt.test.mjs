// The takeover adopts the static chart (core::prerender) rather than
// replacing it: the elements a reader's page holds before the wasm (the
// title, the legend keys, the bars' segments) are the very objects the live
// widget drives afterwards, still in the document, and the focused key
// keeps the focus. Against a takeover that draws a new tree, every
// identity below fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART, holdWasm, openPage, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();

/** Where the chart of each page is: the document, or a script embed's shadow root. */
const PAGES = [
  { name: 'full page', path: '/index.html', shadow: false },
  { name: 'standalone file', path: '/tier-breakdown.html', shadow: false },
  { name: 'script embed (declarative shadow root)', path: '/demo/article.html', shadow: true },
];

/** What the test follows through the takeover, by selector. */
const KEPT = {
  root: '.tb',
  figure: '.tb-chart',
  title: '.tb-title',
  legend: '.tb-legend',
  // Not among the tiers highlighted at first (the two best): Enter selects it.
  key: '.tb-key[data-tier="completed"]',
  groups: '.tb-groups',
  segment: '[data-group="members"] .tb-seg',
  line: '[data-group="members"] .tb-head-value',
  footer: '.tb-footer',
};

for (const width of [360, 1024]) {
  test(`the widget adopts the static chart's elements and the focus stays (${width} px)`, async () => {
    for (const p of PAGES) {
      const page = await openPage(ctx.browser, { width });
      await holdWasm(page);
      // The chart's root: the document, or the first embed's shadow root.
      await page.addInitScript(() => {
        window.__root = (sh) => (sh ? document.querySelector('[data-tier-breakdown]')?.shadowRoot : document);
      });
      await page.goto(ctx.server.origin + p.path, { waitUntil: 'commit' });
      await page.waitForFunction(
        (sh) => document.readyState !== 'loading' && window.__root(sh)?.querySelector('[data-tb-static] .tb-footer'),
        p.shadow,
      );
      // The static chart's elements, held by the page, and a key focused from the keyboard's side.
      await page.evaluate(({ shadow, kept }) => {
        const root = window.__root(shadow);
        window.__kept = Object.fromEntries(Object.entries(kept).map(([k, sel]) => [k, root.querySelector(`[data-tb-static] ${sel}, ${sel}[data-tb-static]`)]));
        window.__segments = [...root.querySelectorAll('[data-tb-static] .tb-seg')];
        window.__kept.key.focus();
      }, { shadow: p.shadow, kept: KEPT });
      const missing = await page.evaluate(() => Object.entries(window.__kept).filter(([, el]) => !el).map(([k]) => k));
      assert.deepEqual(missing, [], `${p.name}: not in the static chart`);
      await page.evaluate(() => window.__release());
      await page.waitForFunction(
        ({ sh, chart }) => window.__root(sh).querySelector(chart),
        { sh: p.shadow, chart: CHART },
        { timeout: 15000 },
      );
      // The widget's queued effects (the bars, the table) have run.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const after = await page.evaluate(({ shadow, kept }) => {
        const root = window.__root(shadow);
        const lost = Object.entries(kept)
          .filter(([k, sel]) => !window.__kept[k].isConnected || root.querySelector(sel) !== window.__kept[k])
          .map(([k]) => k);
        const now = [...root.querySelectorAll('.tb-seg')];
        return {
          lost,
          segments: [now.length, window.__segments.length, now.filter((s, i) => s === window.__segments[i]).length],
          focused: root.activeElement === window.__kept.key,
          static: root.querySelectorAll('[data-tb-static], [data-s]').length,
        };
      }, { shadow: p.shadow, kept: KEPT });
      assert.deepEqual(after.lost, [], `${p.name}: these elements were replaced, not adopted`);
      const [now, before, same] = after.segments;
      assert.ok(now === before && same === now, `${p.name}: ${same} of ${now} segments adopted (${before} static)`);
      assert.ok(after.focused, `${p.name}: the focused key lost the focus`);
      assert.equal(after.static, 0, `${p.name}: static marks left in the live chart`);
      // The adopted key is live: Enter on the focused key filters, and the
      // adopted header's share changes with it.
      const share = await page.evaluate(() => window.__kept.line.textContent);
      await page.keyboard.press('Enter');
      const pressed = await page.evaluate(() => [window.__kept.key.getAttribute('aria-pressed'), window.__kept.groups.className, window.__kept.line.textContent]);
      assert.equal(pressed[0], 'true', p.name);
      assert.match(pressed[1], /tb-sel/, p.name);
      assert.ok(pressed[2].length > 0 && pressed[2] !== share, `${p.name}: the adopted group's share did not follow (${share} → ${pressed[2]})`);
      assert.deepEqual(page.errors, [], p.name);
      await page.context().close();
    }
  });
}
