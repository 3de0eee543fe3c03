// The default palette in Chromium: the chart's bars take DESIGN.md's
// diverging scale (blue pass tiers, orange fail tiers), the editor's
// "failing starts at" moves the split in its preview and in the file, and
// it warns when too many tiers keep the default colours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServerAndBrowser, CHART } from './harness.mjs';

const ctx = useServerAndBrowser();

/**
 * The computed fill of each tier's segment in the members' bar, with
 * nothing selected (the tiers highlighted at first would show the others
 * in the neutral): the reset clicked, its 150 ms transition waited out.
 */
async function fills(scope) {
  await scope.locator(CHART).first().waitFor();
  const reset = scope.locator('.tb-reset').first();
  if (await reset.isVisible()) {
    await reset.click();
    await new Promise((r) => setTimeout(r, 400));
  }
  return scope.locator('[data-group=members] .tb-seg:not(.tb-rest)').evaluateAll((els) =>
    els.map((e) => getComputedStyle(e).backgroundColor));
}

const LIGHT = ['rgb(15, 58, 102)', 'rgb(74, 143, 214)', 'rgb(189, 215, 241)', 'rgb(185, 74, 18)'];
const DARK = ['rgb(188, 217, 246)', 'rgb(74, 143, 214)', 'rgb(43, 90, 142)', 'rgb(240, 145, 90)'];

test('the seed chart takes the blue and orange default palette, light and dark', async () => {
  for (const [colorScheme, want] of [['light', LIGHT], ['dark', DARK]]) {
    const page = await openPage(ctx.browser, { width: 1024, colorScheme });
    await page.goto(`${ctx.server.origin}/index.html`);
    assert.deepEqual(await fills(page), want, colorScheme);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('the editor moves the pass/fail split and warns when neighbours would be too alike', async () => {
  const page = await openPage(ctx.browser, { width: 1024 });
  await page.goto(`${ctx.server.origin}/editor.html`);
  await page.click('#ed-example');
  const frame = page.locator('.ed-frame');
  assert.deepEqual(await fills(frame), LIGHT);
  const crowded = page.locator('#ed-crowded');
  assert.equal(await crowded.isVisible(), false);
  // Failing from "completed": two blues (B1 B4), two oranges (O1 O3).
  await page.selectOption('#f-fail_from', 'completed');
  // The preview is drawn again (highlighted at first): until its third tier turns orange.
  for (let i = 0; i < 30 && (await fills(frame))[2] !== 'rgb(244, 176, 138)'; i += 1) await page.waitForTimeout(100);
  assert.deepEqual(await fills(frame),
    ['rgb(15, 58, 102)', 'rgb(137, 178, 228)', 'rgb(244, 176, 138)', 'rgb(185, 74, 18)']);
  assert.equal(await crowded.isVisible(), false);
  // Failing from "good": three failing tiers without colours of their own.
  await page.selectOption('#f-fail_from', 'good');
  await crowded.waitFor();
  // A colour of the file's own for each failing tier: no warning.
  for (const [i, c] of [[1, '#ffcc00'], [2, '#ff8800'], [3, '#aa2200']]) {
    await page.fill(`#f-tiers-${i}-color`, c);
  }
  await crowded.waitFor({ state: 'hidden' });
  assert.deepEqual(page.errors, []);
  await page.close();
});
