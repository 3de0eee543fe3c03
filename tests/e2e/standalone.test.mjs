// The self-contained file: opened from file:// with every network request
// blocked, it renders and filters; one made from another results file shows
// that file; an invalid results file is refused with its errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launch, openPage, slotText, CHART } from './harness.mjs';

const OUT = join(ROOT, 'target', 'standalone');
const tool = (...args) => spawnSync('cargo', ['run', '--quiet', '--offline', '--bin', 'standalone', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
let browser;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launch();
});
after(async () => browser?.close());

/** Opens a local file with all non-file requests aborted. */
async function openOffline(file, lang) {
  const page = await openPage(browser, { width: 1024 });
  await page.context().route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(file).href + (lang ? `?lang=${lang}` : ''));
  await page.locator(CHART).waitFor();
  return page;
}

test('the release build writes a standalone file that works from file:// offline', async () => {
  const file = join(ROOT, 'dist', 'tier-breakdown.html');
  assert.ok(existsSync(file), 'dist/tier-breakdown.html is missing');
  const page = await openOffline(file);
  assert.equal(await slotText(page, '[data-group=members]'), 'Xuất sắc + Tốt: 94,8%');
  await page.locator('.tb-key[data-tier=excellent]').click();
  assert.equal(await slotText(page, '[data-group=members]'), 'Tốt: 78,6%');
  assert.deepEqual(page.requests, [pathToFileURL(file).href]);
  assert.deepEqual(page.errors, []);
  console.log(`# standalone file: ${statSync(file).size} bytes`);
});

test('a standalone file made from another results file shows that file', async () => {
  const out = join(OUT, 'minimal-en.html');
  const r = tool(join(ROOT, 'tests/fixtures/good/minimal-en.json'), '-o', out, '--dist', join(ROOT, 'dist'));
  assert.equal(r.status, 0, r.stderr);
  const page = await openOffline(out);
  assert.equal(await page.textContent('.tb-title'), 'Staff appraisal 2024');
  await page.locator('.tb-key[data-tier=high]').click();
  await page.locator('.tb-key[data-tier=low]').click();
  assert.equal(await slotText(page, '[data-group=staff]'), 'Low: 30.0%');
  assert.deepEqual(page.errors, []);
  assert.equal(page.requests.length, 1);
});

test('the tool refuses an invalid results file with its errors', () => {
  const r = tool(join(ROOT, 'tests/fixtures/bad/negative.json'), '-o', join(OUT, 'bad.html'), '--dist', join(ROOT, 'dist'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /groups\[1\]\.counts\.good: expected a whole number ≥ 0, found -3/);
  assert.match(r.stderr, /groups\[1\]\.counts\.bad: expected a whole number ≥ 0, found "12"/);
  assert.ok(!existsSync(join(OUT, 'bad.html')));
});

test('labels that try to close the script tag stay text', async () => {
  const src = join(OUT, 'hostile.json');
  const data = JSON.parse(execFileSync('cat', [join(ROOT, 'tests/fixtures/good/minimal-en.json')], { encoding: 'utf8' }));
  data.title = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
  (await import('node:fs')).writeFileSync(src, JSON.stringify(data));
  const out = join(OUT, 'hostile.html');
  assert.equal(tool(src, '-o', out, '--dist', join(ROOT, 'dist')).status, 0);
  const page = await openOffline(out);
  assert.equal(await page.textContent('.tb-title'), data.title);
  // The file's own CSP would stop an injected script from running either
  // way: what proves the escaping is that the markup is the tool's own,
  // four scripts (the query guard, the data, the wasm, the module) and no
  // image, also in the static chart, and the page title is the text itself.
  assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), 4);
  assert.equal(await page.evaluate(() => document.querySelectorAll('img').length), 0);
  assert.equal(await page.title(), data.title);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(page.errors, []);
});

test('without DecompressionStream the standalone file says so instead of a blank page', async () => {
  const page = await openPage(browser, { width: 1024 });
  await page.addInitScript(() => { delete window.DecompressionStream; });
  await page.goto(pathToFileURL(join(ROOT, 'dist', 'tier-breakdown.html')).href);
  await page.waitForFunction(() => document.querySelector('[data-tier-breakdown-page]').textContent.includes('DecompressionStream'));
  assert.match(await page.textContent('[data-tier-breakdown-page]'), /This browser is too old to open this file/);
  assert.deepEqual(page.errors, []);
});
