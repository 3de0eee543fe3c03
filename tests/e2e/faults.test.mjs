// Load faults end to end against the local server: every failed load gets a
// clear message in the widget (never a blank box or a console-only error),
// with "try again" where trying again can help. Also the file picker and
// drag-and-drop, in the full page and in the standalone file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, startSites, openPage, settled, CHART } from './harness.mjs';

// This site, another one, and this page as a build allowing the other writes it.
let sites, server, other, allowing, browser;
before(async () => {
  sites = await startSites();
  ({ server, other, allowing, browser } = sites);
});
after(() => sites?.close());

/** Opens the page with ?data=<data>&lang=en and returns the error lines (or null for a chart). */
async function load(data, extra = '') {
  const page = await openPage(browser);
  await page.goto(`${server.origin}/?lang=en&data=${encodeURIComponent(data)}${extra}`);
  await settled(page);
  const lines = (await page.locator('.tb-error').count()) ? await page.locator('.tb-error-list li').allTextContents() : null;
  return { page, lines };
}

const o = () => server.origin;
for (const [name, data, expected, retry] of [
  // Messages name the file's site only, never the rest of the address.
  ['404', '/fixtures/nope.json', () => `the server answered 404 for ${o()}`, false],
  ['500', '/status/500', () => `the server answered 500 for ${o()}`, true],
  ['connection reset mid-body', '/reset/fixtures/good/minimal-en.json',
    () => `could not reach ${o()} (offline, no answer from the server, or this page may not read from there)`, true],
  ['over the size cap (declared length)', '/big', () => `${o()} is too large (the limit is 5242880 bytes)`, false],
  // On wasm32 an 8 GiB length once failed to parse as usize and the check was skipped.
  ['over the size cap (a declared length past 4 GiB)', '/claims-8gib', () => `${o()} is too large (the limit is 5242880 bytes)`, false],
  ['over the size cap (chunked)', '/big-chunked', () => `${o()} is too large (the limit is 5242880 bytes)`, false],
  ['a javascript: address', 'javascript:alert(1)', () => 'the results file address is not allowed: use http(s) only', false],
  // Regression (issue #27): the page quoted a file: address whole, as if it
  // were opened from disk, and named userinfo (a phone number) with the site.
  ['a file: address on a served page', 'file:///home/GOI-0912-345-678/danh-sach.json',
    () => 'the results file address is not allowed: use http(s) only', false],
  ['an address with userinfo', () => o().replace('//', '//GOI-0912-345-678@') + '/fixtures/good/minimal-en.json',
    () => `could not reach ${o()} (offline, no answer from the server, or this page may not read from there)`, true],
]) {
  test(`load fault: ${name}`, async () => {
    const { page, lines } = await load(typeof data === 'function' ? data() : data);
    assert.deepEqual(lines, [expected()]);
    assert.equal(await page.textContent('.tb-error-title'), 'The results file could not be loaded');
    assert.equal(await page.locator('.tb-retry').count(), retry ? 1 : 0);
    assert.deepEqual(page.errors, []);
  });
}

test('a CORS refusal is explained (on a page allowed to read the other site)', async () => {
  const open = async (data) => {
    const page = await openPage(browser);
    await page.goto(`${allowing.origin}/?lang=en&data=${encodeURIComponent(data)}`);
    await settled(page);
    return page;
  };
  const page = await open(`${other.origin}/fixtures/good/minimal-en.json`);
  assert.deepEqual(await page.locator('.tb-error-list li').allTextContents(), [`could not reach ${other.origin} (offline, no answer from the server, or this page may not read from there)`]);
  assert.deepEqual(page.errors, []);
  // The same file with CORS allowed loads.
  const ok = await open(`${other.origin}/cors/fixtures/good/minimal-en.json`);
  assert.equal(await ok.textContent('.tb-title'), 'Staff appraisal 2024');
});

test('a server that never answers times out, with a retry button that works', async () => {
  const { page, lines } = await load('/hang', '&timeout=1');
  assert.deepEqual(lines, [`no answer from ${o()} after 1 seconds`]);
  assert.equal(await page.locator('.tb-retry').count(), 1);
  // A flaky server: 503 first, the file on the second try.
  const flaky = await load('/flaky/k1/fixtures/good/minimal-en.json');
  assert.deepEqual(flaky.lines, [`the server answered 503 for ${o()}`]);
  await flaky.page.getByRole('button', { name: 'Try again' }).click();
  await flaky.page.locator(CHART).waitFor();
  assert.equal(await flaky.page.textContent('.tb-title'), 'Staff appraisal 2024');
  assert.deepEqual(flaky.page.errors, []);
});

test('a wrong Content-Type and a redirect still load the file', async () => {
  for (const data of ['/as-html/fixtures/good/minimal-en.json', '/redirect/fixtures/good/minimal-en.json']) {
    const { page, lines } = await load(data);
    assert.equal(lines, null, data);
    assert.equal(await page.textContent('.tb-title'), 'Staff appraisal 2024');
    assert.deepEqual(page.errors, []);
  }
});

test('the file picker and drag-and-drop load a local file, with the same validation', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.origin}/?lang=en`);
  await settled(page);
  await page.setInputFiles('.tb-pick-input', join(ROOT, 'tests/fixtures/good/minimal-en.json'));
  await page.locator('.tb-title', { hasText: 'Staff appraisal 2024' }).waitFor();
  await page.setInputFiles('.tb-pick-input', join(ROOT, 'tests/fixtures/bad/negative.json'));
  await page.locator('.tb-error').waitFor();
  assert.deepEqual(await page.locator('.tb-error-list li').allTextContents(), [
    'groups[1].counts.good: expected a whole number ≥ 0, found -3',
    'groups[1].counts.bad: expected a whole number ≥ 0, found "12"',
  ]);
  // Drop a file on the widget.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    const json = JSON.stringify({ version: 1, lang: 'en', title: 'Dropped file',
      tiers: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], groups: [{ id: 'g', label: 'G', counts: { a: 1, b: 1 } }] });
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    const target = document.querySelector('.tb');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.locator('.tb-title', { hasText: 'Dropped file' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('the standalone file explains file:// data addresses and offers the picker', async () => {
  const page = await openPage(browser);
  await page.context().route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
  const file = join(ROOT, 'dist', 'tier-breakdown.html');
  await page.goto(`${pathToFileURL(file).href}?data=results.json&lang=en`);
  await settled(page);
  assert.deepEqual(await page.locator('.tb-error-list li').allTextContents(), [
    'this page was opened from disk (file://), so the browser will not read "results.json": open it through a web server, or use "Open a results file"',
  ]);
  await page.setInputFiles('.tb-pick-input', join(ROOT, 'tests/fixtures/good/minimal-en.json'));
  await page.locator('.tb-title', { hasText: 'Staff appraisal 2024' }).waitFor();
  assert.deepEqual(page.errors, []);
});
