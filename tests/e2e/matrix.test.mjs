// The error matrix in Chromium: every case of tests/fixtures/matrix.json is
// served as the results file; the reader sees exactly its lines (errors in
// place of the chart, warnings under a drawn chart), nothing throws, no
// payload runs, and nothing overflows the page at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, settled, useServerAndBrowser } from './harness.mjs';

const matrix = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/matrix.json'), 'utf8'));
const SEED = readFileSync(join(ROOT, 'data/phu-tho-2022.json'), 'utf8');

/** Same as `input()` in tests/matrix.rs. */
function input(c) {
  if (typeof c.raw === 'string') return c.raw;
  const v = JSON.parse(SEED);
  if (c.tiers !== undefined) v.tiers = Array.from({ length: c.tiers }, (_, i) => ({ id: `t${i}`, label: v.tiers[0].label }));
  if (c.groups !== undefined) v.groups = Array.from({ length: c.groups }, (_, i) => ({ ...v.groups[0], id: `g${i}` }));
  const walk = (path) => {
    const parts = path.split('.');
    const last = parts.pop();
    return [parts.reduce((o, p) => o[p], v), last];
  };
  for (const [path, value] of Object.entries(c.set ?? {})) {
    const [o, k] = walk(path);
    o[k] = value;
  }
  for (const path of c.remove ?? []) {
    const [o, k] = walk(path);
    delete o[k];
  }
  const text = JSON.stringify(v, null, 2);
  return c.bom ? `\uFEFF${text}` : text;
}

const ctx = useServerAndBrowser();

test(`error matrix: ${matrix.cases.length} cases in Chromium`, async () => {
  assert.ok(matrix.cases.length >= 40);
  const page = await openPage(ctx.browser, { width: 360, height: 700 });
  let body = '';
  await page.route((url) => url.pathname === '/matrix-case.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  for (const c of matrix.cases) {
    body = input(c);
    await page.goto(`${ctx.server.origin}/?lang=en&data=/matrix-case.json`);
    await settled(page);
    if (c.errors.length) {
      assert.deepEqual(await page.locator('.tb-error-list li').allTextContents(), c.errors, c.name);
      assert.equal(await page.locator('.tb-chart').count(), 0, c.name);
    } else {
      assert.equal(await page.locator('.tb-error').count(), 0, c.name);
      assert.ok((await page.locator('.tb-seg, .tb-nodata').count()) > 0, `${c.name}: no bars`);
      // As readers see them: on the groups, in their words (`shown`); the
      // editor's warnings (an unknown field…) nowhere in the chart.
      assert.deepEqual(await page.locator('.tb-mark').allTextContents(), c.shown, c.name);
      assert.equal(await page.locator('.tb-warnings').count(), 0, c.name);
      // A label is shown as the text it is (a <script> in it would not run
      // as innerHTML anyway: the text itself is what proves it stayed text).
      if (typeof c.set?.title === 'string') assert.equal(await page.textContent('.tb-title'), c.set.title.trim(), c.name);
      assert.equal(await page.locator('.tb script, .tb img').count(), 0, c.name);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${c.name}: the page scrolls sideways by ${overflow}px`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `${c.name}: a payload ran`);
    assert.deepEqual(page.errors, [], c.name);
  }
});

test('hostile labels are shown as text', async () => {
  const page = await openPage(ctx.browser);
  const c = matrix.cases.find((x) => x.name === 'closing svg and style in labels');
  await page.route((url) => url.pathname === '/matrix-case.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: input(c) }));
  await page.goto(`${ctx.server.origin}/?lang=en&data=/matrix-case.json`);
  await settled(page);
  assert.equal(await page.textContent('[data-group=organisations] .tb-group-title'), c.set['groups.0.label']);
  assert.equal(await page.textContent('.tb-subtitle'), c.set.subtitle);
  assert.equal(await page.locator('.tb b, .tb style').count(), 0);
  await page.hover('[data-group=organisations] .tb-group-title');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});
