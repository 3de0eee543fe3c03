// Trust boundaries of the full page and the iframe: a link cannot make the
// outlet's own page show another site's file, nor put its words on the page
// through an error message; a site the deployment allowed is read without
// the reader's cookies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSites, openPage, settled, CHART } from './harness.mjs';
import { allowDataOrigins } from '../../scripts/data-origins.mjs';

// This site, another one, and this page as a build allowing the other writes it.
let sites, server, other, allowing, browser;
before(async () => {
  sites = await startSites();
  ({ server, other, allowing, browser } = sites);
});
after(() => sites?.close());

const refusal = () => `không kết nối được tới ${other.origin} (mất mạng, máy chủ không trả lời, hoặc trang này không được phép đọc từ đó)`;

test('the full page does not read ?data= from another site', async () => {
  const page = await openPage(browser);
  const before = other.hits.length;
  await page.goto(`${server.origin}/?lang=vi&data=${encodeURIComponent(`${other.origin}/cors/data/example-shares.json`)}`);
  await settled(page);
  assert.deepEqual(await page.locator('.tb-error-list li').allTextContents(), [refusal()]);
  assert.equal(other.hits.length, before, 'no request reached the other site (not even the preload)');
  assert.equal(await page.locator('.tb-chart').count(), 0);
  await page.close();
});

test('nor does the iframe page', async () => {
  const page = await openPage(browser);
  const before = other.hits.length;
  const src = `${server.origin}/index.html?lang=vi&data=${encodeURIComponent(`${other.origin}/cors/data/example-shares.json`)}`;
  await page.goto(`${server.origin}/hosts/plain.html`);
  await page.evaluate((s) => document.body.insertAdjacentHTML('beforeend', `<iframe id="f" data-tier-breakdown-frame src="${s}" title="chart"></iframe>`), src);
  const frame = page.frameLocator('#f');
  await frame.locator('.tb-error-list li').waitFor();
  assert.deepEqual(await frame.locator('.tb-error-list li').allTextContents(), [refusal()]);
  assert.equal(other.hits.length, before);
  await page.close();
});

test('an error message quotes no words from the address', async () => {
  for (const data of ['Kết quả bị hủy bỏ', 'javascript:Kết quả bị hủy bỏ', '/Kết-quả-bị-hủy-bỏ.json']) {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/?data=${encodeURIComponent(data)}`);
    await settled(page);
    const text = await page.locator('.tb-error').textContent();
    assert.doesNotMatch(text, /Kết|hủy|K%E1/, `${data}: ${text}`);
    await page.close();
  }
});

test('a site the deployment allowed is read, without the reader\'s cookies', async () => {
  const { origin } = other;
  const page = await openPage(browser);
  await page.context().addCookies([{ name: 'session', value: 'secret', url: origin }, { name: 'session', value: 'own', url: allowing.origin }]);
  await page.goto(`${allowing.origin}/?data=${encodeURIComponent(`${origin}/cors/data/example-shares.json`)}`);
  await page.locator(CHART).waitFor();
  const reads = other.hits.filter((h) => h.path === '/cors/data/example-shares.json');
  assert.ok(reads.length >= 1);
  assert.ok(reads.every((h) => h.cookie === null), JSON.stringify(reads));
  // The page's own files did get its own cookie (so the check above can fail).
  assert.ok(allowing.hits.some((h) => h.cookie?.includes('session=own')));
  await page.close();
});

test('only bare origins can be allowed', () => {
  const html = "<meta content=\"connect-src 'self'; object-src 'none'\">";
  assert.equal(allowDataOrigins(html, ''), html);
  assert.equal(allowDataOrigins(html, ' https://data.example  http://127.0.0.1:8080 '), "<meta content=\"connect-src 'self' https://data.example http://127.0.0.1:8080; object-src 'none'\">");
  for (const bad of ["https://data.example; script-src *", 'https://data.example/path', '*', "'unsafe-inline'"]) {
    assert.throws(() => allowDataOrigins(html, bad), /is not an origin/, bad);
  }
});

test('the address follows the view on a page whose path starts with //', async () => {
  // Bug: the address was rebuilt from location.pathname, and `//index.html?…`
  // names another site: replaceState threw and the address stopped following.
  const page = await openPage(browser);
  await page.goto(`${server.origin}//index.html?lang=en`);
  await settled(page);
  // Excellent and good are highlighted at first: a click adds completed.
  await page.locator('.tb-key[data-tier=completed]').click();
  await page.waitForFunction(() => /tiers=[^&]*completed/.test(location.search), null, { timeout: 3000 });
  assert.equal(new URL(page.url()).pathname, '//index.html');
  assert.deepEqual(page.errors, []);
  await page.close();
});
