// The served page on the built-in data: the seed's figures, the tier filter
// by mouse and by keyboard, and nothing requested outside the ctx.server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, segmentPaint, settled, slotText, useServerAndBrowser, CHART } from './harness.mjs';

const ctx = useServerAndBrowser();

/** Count and share text of every segment, group by group, from the tooltips. */
async function segments(page) {
  return page.$$eval('[data-group]', (groups) =>
    groups.map((g) => [g.dataset.group, [...g.querySelectorAll('.tb-seg')].map((s) => `${s.dataset.tier}=${s.getAttribute('aria-label').split(': ').pop()}`)]));
}

test('the page shows the seed figures in Vietnamese', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/`);
  await settled(page);
  assert.equal(await page.textContent('.tb-title'), 'Kết quả đánh giá, xếp loại tổ chức đảng và đảng viên năm 2022');
  assert.deepEqual(await segments(page), [
    ['organisations', ['excellent=131 (18,8%)', 'good=539 (77,6%)', 'completed=25 (3,6%)']],
    ['cells', ['excellent=894 (17,7%)', 'good=3.791 (74,9%)', 'completed=376 (7,4%)', 'not_completed=1 (<0,1%)']],
    ['members', ['excellent=15.397 (16,2%)', 'good=74.551 (78,6%)', 'completed=4.492 (4,7%)', 'not_completed=437 (0,5%)']],
  ]);
  assert.deepEqual(await page.$$eval('.tb-coverage', (els) => els.map((e) => e.textContent)), [
    '695 trên tổng số 698 được đánh giá (99,6%)',
    '5.062 trên tổng số 5.084 được đánh giá (99,6%)',
    '94.877 được đánh giá',
  ]);
  // The two best tiers highlighted at first: each header says their share in words.
  assert.deepEqual(await page.$$eval('.tb-headline', (els) => els.map((e) => e.textContent)),
    ['Xuất sắc + Tốt96,4%', 'Xuất sắc + Tốt92,6%', 'Xuất sắc + Tốt94,8%']);
  const tiers = await page.$$eval('.tb-legend [data-tier]', (els) => els.map((e) => [e.dataset.tier, e.querySelector('bdi').textContent]));
  assert.deepEqual(tiers, [
    ['excellent', 'Hoàn thành xuất sắc nhiệm vụ'],
    ['good', 'Hoàn thành tốt nhiệm vụ'],
    ['completed', 'Hoàn thành nhiệm vụ'],
    ['not_completed', 'Không hoàn thành nhiệm vụ'],
  ]);
  const source = page.locator('.tb-source a');
  assert.equal(await source.getAttribute('href'), 'https://baophutho.vn/');
  // Only the outlet is the link; the date as the press writes it.
  assert.equal(await source.textContent(), 'Báo Phú Thọ');
  assert.equal(await page.textContent('.tb-source'), 'Nguồn: Ban Tổ chức Tỉnh ủy Phú Thọ, qua Báo Phú Thọ (Chi Hương), 16/3/2023');
  // The notes numbered as their markers; the table and CSV links inside the footer.
  assert.match(await page.textContent('.tb-notes'), /^Ghi chú: ¹ Bài báo không nêu/);
  assert.equal(await page.locator('.tb-footer .tb-table-toggle, .tb-footer .tb-csv').count(), 2);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(ctx.server.origin)), []);
});

test('English labels and number formats with ?lang=en', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?lang=en`);
  await settled(page);
  assert.equal(await page.getAttribute('.tb', 'lang'), 'en');
  assert.equal(await slotText(page, '[data-group=members]'), 'Excellent + Good: 94.8%');
  assert.equal(await page.getAttribute('[data-group=cells] .tb-seg[data-tier=good]', 'aria-label'), 'Completed duties well: 3,791 (74.9%)');
  assert.deepEqual(page.errors, []);
});

test('the tier filter works by mouse', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?lang=en`);
  await settled(page);
  const excellent = page.getByRole('button', { name: 'Completed duties excellently' });
  const good = page.getByRole('button', { name: 'Completed duties well' });
  const completed = page.getByRole('button', { name: 'Completed duties', exact: true });
  // The two best tiers are highlighted at first: every group has receded the others.
  assert.equal(await excellent.getAttribute('aria-pressed'), 'true');
  assert.equal(await good.getAttribute('aria-pressed'), 'true');
  const groups = ['[data-group=organisations]', '[data-group=cells]', '[data-group=members]'];
  const slots = () => Promise.all(groups.map((g) => slotText(page, g)));
  assert.deepEqual(await slots(), ['Excellent + Good: 96.4%', 'Excellent + Good: 92.6%', 'Excellent + Good: 94.8%']);
  // The list under the bars (what did not fit inside, which depends on the width) recedes with them.
  const listed = (...on) => page.$$eval('.tb-under-item[data-tier]', (els, on) => els.filter((e) => !on.includes(e.dataset.tier)).length, on);
  assert.deepEqual(await segmentPaint(page), { grey: 5, ruled: 6, greyItems: await listed('excellent', 'good') });
  await good.click();
  await completed.click();
  assert.equal(await good.getAttribute('aria-pressed'), 'false');
  assert.equal(await completed.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await slots(), ['Excellent + Completed: 22.4%', 'Excellent + Completed: 25.1%', 'Excellent + Completed: 20.9%']);
  // Every group recedes the unselected tiers at once.
  assert.deepEqual(await segmentPaint(page), { grey: 5, ruled: 6, greyItems: await listed('excellent', 'completed') });
  // Screen readers hear the result once the clicks pause.
  await page.waitForFunction(() => /Party members: Excellent \+ Completed: 20\.9%/.test(document.querySelector('.tb-announce').textContent));
  await completed.click();
  assert.equal(await slotText(page, '[data-group=members]'), 'Excellent: 16.2%');
  // "× Clear" is there only while something is selected.
  const reset = page.getByRole('button', { name: '× Clear' });
  await reset.click();
  assert.equal(await excellent.getAttribute('aria-pressed'), 'false');
  assert.equal(await reset.isVisible(), false);
  assert.deepEqual(await slots(), ['695 evaluated', '5,062 evaluated', '94,877 evaluated']);
  assert.deepEqual(await segmentPaint(page), { grey: 0, ruled: 0, greyItems: 0 });
  assert.deepEqual(page.errors, []);
});

test('the tier filter works by keyboard alone', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?lang=en`);
  await settled(page);
  // Tab from the top of the page reaches the first tier button.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.tier), 'excellent');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.tier), 'completed');
  await page.keyboard.press('Enter');
  const pressed = await page.$$eval('.tb-legend [data-tier]', (els) => els.map((e) => e.getAttribute('aria-pressed')));
  assert.deepEqual(pressed, ['true', 'false', 'true', 'false']);
  assert.equal(await slotText(page, '[data-group=members]'), 'Excellent + Completed: 20.9%');
  assert.deepEqual(page.errors, []);
});

/** How each of `paths` was fetched: [initiator, …] per path, from Resource Timing. */
const fetchedBy = (page, paths) => page.evaluate((paths) => paths.map((p) =>
  performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === p).map((e) => e.initiatorType)), paths);

test('the results file named by ?data= downloads alongside the wasm, once', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?data=/fixtures/good/minimal-en.json`);
  await settled(page);
  // Started by a preload link from start.js, then taken from it by the
  // widget's fetch: one download (a second would be a 'fetch' entry).
  assert.deepEqual(await fetchedBy(page, ['/fixtures/good/minimal-en.json']), [['link']]);
  assert.equal(await page.textContent('.tb-title'), 'Staff appraisal 2024');
  // Not an http(s) address: nothing is preloaded, the widget explains.
  const bad = await openPage(ctx.browser);
  await bad.goto(`${ctx.server.origin}/?data=${encodeURIComponent('javascript:alert(1)')}`);
  await bad.waitForSelector('.tb-error');
  assert.equal(await bad.locator('link[rel=preload][as=fetch]:not([href$=".wasm"])').count(), 0);
  assert.deepEqual([...page.errors, ...bad.errors], []);
});

test('the script embed preloads each widget\'s data-src, fetched once per file', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/hosts/multi.html`);
  await page.locator('#w3 .tb-error').waitFor();
  await page.locator(`#w4 ${CHART}`).waitFor();
  assert.deepEqual(await fetchedBy(page, ['/fixtures/bad/negative.json', '/fixtures/good/minimal-en.json']), [['link'], ['link']]);
  assert.deepEqual(page.errors, []);
});

test('the page and the demo article ask for nothing that is not there (no favicon 404)', async () => {
  for (const path of ['/', '/demo/article.html']) {
    const page = await openPage(ctx.browser);
    const missing = [];
    page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
    page.on('console', (m) => { if (m.type() === 'error') missing.push(m.text()); });
    const icon = page.waitForResponse((r) => r.url().endsWith('/favicon.svg'), { timeout: 10_000 }).catch(() => null);
    await page.goto(`${ctx.server.origin}${path}`);
    await page.locator(CHART).first().waitFor();
    assert.equal((await icon)?.status(), 200, `${path}: its icon is declared and served`);
    assert.deepEqual(missing, [], path);
    await page.close();
  }
});
