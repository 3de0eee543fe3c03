// Loading a results file with ?data=: a good file, a broken file, a missing
// file, and the placeholder shown while it loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, settled, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();

test('a ?data= file replaces the built-in data', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?data=/fixtures/good/minimal-en.json`);
  await settled(page);
  assert.equal(await page.textContent('.tb-title'), 'Staff appraisal 2024');
  assert.equal(await page.getAttribute('.tb', 'lang'), 'en');
  assert.deepEqual(await page.$$eval('.tb-legend [data-tier]', (els) => els.map((e) => e.dataset.tier)), ['high', 'low']);
  assert.equal(await page.getAttribute('[data-group=staff] .tb-seg[data-tier=high]', 'aria-label'), 'High: 7 (70.0%)');
  assert.deepEqual(page.errors, []);
  assert.ok(page.requests.includes(`${ctx.server.origin}/fixtures/good/minimal-en.json`));
});

test('a broken file shows every error with its path, in the reader language', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?data=/fixtures/bad/negative.json&lang=vi`);
  await settled(page);
  assert.equal(await page.locator('.tb-chart').count(), 0);
  assert.equal(await page.textContent('[role=alert] .tb-error-title'), 'Tệp dữ liệu có lỗi, chưa thể vẽ biểu đồ');
  assert.deepEqual(await page.$$eval('.tb-error-list li', (els) => els.map((e) => e.textContent)), [
    'groups[1].counts.good: cần một số nguyên ≥ 0, nhưng có -3',
    'groups[1].counts.bad: cần một số nguyên ≥ 0, nhưng có "12"',
  ]);
  assert.deepEqual(page.errors, []);
});

test('a missing file and an HTML answer are explained', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?data=/fixtures/nope.json&lang=en`);
  await settled(page);
  assert.equal(await page.textContent('.tb-error-title'), 'The results file could not be loaded');
  assert.equal(await page.textContent('.tb-error-list li'), `the server answered 404 for ${ctx.server.origin}`);
  await page.goto(`${ctx.server.origin}/?data=/fixtures/bad/html.json&lang=en`);
  await settled(page);
  assert.equal(await page.textContent('.tb-error-list li'), 'this is an HTML page, not a JSON file (is the address right?)');
  assert.deepEqual(page.errors, []);
});

test('a javascript: data address is refused', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?data=${encodeURIComponent('javascript:window.__pwned=1')}&lang=en`);
  await settled(page);
  assert.match(await page.textContent('.tb-error-list li'), /is not allowed: use http\(s\) only/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('while loading, a placeholder holds the chart height', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?data=/slow/1500/fixtures/good/bom.json`);
  await page.waitForSelector('.tb-skeleton');
  assert.equal(await page.getAttribute('.tb-skeleton', 'aria-busy'), 'true');
  const before = (await page.locator('.tb').boundingBox()).height;
  await settled(page);
  const afterHeight = (await page.locator('.tb-groups').boundingBox()).y;
  const chart = (await page.locator('.tb').boundingBox()).height;
  // The placeholder is within a fifth of the final height and never zero.
  assert.ok(before > 300, `placeholder height ${before}`);
  assert.ok(Math.abs(chart - before) / chart < 0.2, `placeholder ${before}px vs chart ${chart}px`);
  assert.ok(afterHeight > 0);
  assert.deepEqual(page.errors, []);
});
