// Dark mode: the widget paints its own background, so it keeps 16 px inside
// it (12 under 480 px) and the title stays inside that padding; the dark
// neutrals of DESIGN.md; segments separated in the background colour, never
// by white hairlines or rings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHART, openPage, settled, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();

/** The widget's padding, its background, where the title sits in its box, and its neutrals. */
const measure = (page) => page.evaluate((chart) => {
  const tb = document.querySelector(chart).closest('.tb');
  const cs = getComputedStyle(tb);
  const box = tb.getBoundingClientRect();
  const title = tb.querySelector('.tb-title').getBoundingClientRect();
  const footer = getComputedStyle(tb.querySelector('.tb-footer'));
  return {
    pad: ['top', 'right', 'bottom', 'left'].map((s) => parseFloat(cs[`padding-${s}`])),
    bg: cs.backgroundColor,
    inside: title.left >= box.left + parseFloat(cs.paddingLeft) && title.top >= box.top + parseFloat(cs.paddingTop)
      && title.right <= box.right - parseFloat(cs.paddingRight),
    text: cs.color,
    muted: footer.color,
    rule: footer.borderTopColor,
    shadows: [...tb.querySelectorAll('.tb-seg')].map((s) => getComputedStyle(s).boxShadow).filter((s) => s !== 'none'),
  };
}, CHART);

for (const [width, pad] of [[360, 12], [1024, 16]]) {
  test(`dark mode keeps ${pad} px of padding at ${width} px, the title inside it, no white separators`, async () => {
    for (const how of ['reader setting', '?theme=dark']) {
      const page = await openPage(ctx.browser, { width, height: 800, colorScheme: how === 'reader setting' ? 'dark' : 'light' });
      await page.goto(`${ctx.server.origin}/?lang=vi${how === 'reader setting' ? '' : '&theme=dark'}`);
      await settled(page);
      const m = await measure(page);
      assert.notEqual(m.bg, 'rgba(0, 0, 0, 0)', `${how}: the dark widget paints its background`);
      assert.deepEqual(m.pad, [pad, pad, pad, pad], how);
      assert.ok(m.inside, `${how}: the title touches the edge`);
      assert.deepEqual([m.text, m.muted, m.rule], ['rgb(237, 237, 237)', 'rgb(166, 166, 166)', 'rgb(58, 58, 58)'], how);
      for (const s of m.shadows) assert.doesNotMatch(s, /255, 255, 255/, `${how}: a white separator or ring: ${s}`);
      // Filtered: the selected segments get no white ring either.
      await page.locator('.tb-legend [data-tier=good]').click();
      for (const s of (await measure(page)).shadows) assert.doesNotMatch(s, /255, 255, 255/, `${how}, filtered: ${s}`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
}

test('in the light theme on a transparent background the widget has no padding', async () => {
  const page = await openPage(ctx.browser, { width: 1024 });
  await page.goto(`${ctx.server.origin}/?lang=vi`);
  await settled(page);
  const m = await measure(page);
  assert.equal(m.bg, 'rgba(0, 0, 0, 0)');
  assert.deepEqual(m.pad, [0, 0, 0, 0]);
  assert.deepEqual(page.errors, []);
});
