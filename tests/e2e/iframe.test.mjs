// The iframe embed sizes itself: under the real pym.js parent (npm), under a
// Datawrapper-style listener, and under our own frame-parent.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServerAndBrowser, CHART } from './harness.mjs';

const ctx = useServerAndBrowser();

const frameHeight = (page) => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);

/** Waits until the iframe's height settles at a value that satisfies `ok`. */
async function heightWhere(page, ok, what) {
  let h = 0;
  for (let i = 0; i < 100; i++) {
    h = await frameHeight(page);
    if (ok(h)) {
      await page.waitForTimeout(100);
      const again = await frameHeight(page);
      if (again === h) return h;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`iframe height ${h}px never became ${what}`);
}

/** The iframe's content height, measured inside it. */
const contentHeight = (page) => page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));

for (const [host, name] of [['pym.html', 'pym.js parent'], ['datawrapper.html', 'Datawrapper-style listener'], ['frame-parent.html', 'frame-parent.js']]) {
  test(`the iframe grows and shrinks with its content under a ${name}`, async () => {
    const page = await openPage(ctx.browser, { width: 1100, height: 800 });
    await page.goto(`${ctx.server.origin}/hosts/${host}`);
    await page.frameLocator('iframe').locator(CHART).waitFor();
    const wide = await heightWhere(page, (h) => h > 400, 'the chart height');
    assert.equal(wide, await contentHeight(page));
    // A narrow column: labels wrap, the content is taller, the iframe follows.
    await page.evaluate(() => { document.getElementById('box').style.width = '340px'; });
    const narrow = await heightWhere(page, (h) => h > wide + 50, 'taller');
    assert.equal(narrow, await contentHeight(page));
    // Wide again: back to the first height.
    await page.evaluate(() => { document.getElementById('box').style.width = '1000px'; });
    const back = await heightWhere(page, (h) => h < narrow - 50, 'shorter again');
    assert.ok(Math.abs(back - wide) <= 2, `${back} vs ${wide}`);
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.requests.filter((u) => !u.startsWith(ctx.server.origin)), []);
  });
}

test('filtering inside the iframe keeps its height (no jump)', async () => {
  const page = await openPage(ctx.browser, { width: 1100, height: 800 });
  await page.goto(`${ctx.server.origin}/hosts/frame-parent.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator(CHART).waitFor();
  const before = await heightWhere(page, (h) => h > 400, 'the chart height');
  // Filter with the keyboard inside the frame: the combined-share line keeps its room, no jump.
  await frame.locator('.tb-key[data-tier=excellent]').click();
  await page.waitForTimeout(200);
  assert.equal(await frameHeight(page), before);
  assert.deepEqual(page.errors, []);
});
