// Strict Content Security Policy: the served page, the iframe page, a script
// embed host and the standalone file work under the strictest policy wasm
// allows, with no 'unsafe-eval', no 'unsafe-inline' and no violation reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, openPage, settled, slotText, useServerAndBrowser, CHART } from './harness.mjs';

export const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * The full page's own policy (its `<meta>`): POLICY plus the hashes of the
 * two inline blocks the static chart needs in its head (its stylesheet and
 * the query guard, core::prerender), and nothing else.
 */
const PAGE_POLICY = readFileSync(join(ROOT, 'dist/index.html'), 'utf8')
  .match(/<meta[^>]*Content-Security-Policy[^>]*>/)[0].match(/content="([^"]*)"/)[1].replaceAll('&#39;', "'");

test('the page\'s own policy is the strict one with two hashes added', () => {
  assert.equal(PAGE_POLICY.match(/'sha256-[A-Za-z0-9+/=]+'/g).length, 2, PAGE_POLICY);
  assert.equal(PAGE_POLICY.replace(/ 'sha256-[A-Za-z0-9+/=]+'/g, ''), POLICY);
});

const ctx = useServerAndBrowser();

/** A page that records CSP violations in window.__csp and console refusals in page.refused. */
async function strictPage(width = 1024) {
  const page = await openPage(ctx.browser, { width });
  page.refused = [];
  page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && page.refused.push(m.text()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return page;
}

/** Serves HTML documents of this origin (or only those at `path`) with `policy` as a header. */
async function withPolicy(page, path, policy = POLICY) {
  await page.route((url) => url.origin === ctx.server.origin && (!path || url.pathname === path), async (route) => {
    const resp = await route.fetch();
    const type = resp.headers()['content-type'] ?? '';
    const headers = type.startsWith('text/html') ? { ...resp.headers(), 'content-security-policy': policy } : resp.headers();
    await route.fulfill({ response: resp, headers });
  });
}

async function assertClean(page) {
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.refused, []);
  assert.deepEqual(page.errors, []);
}

test('the served page and a ?data= file work under the strict policy', async () => {
  const page = await strictPage();
  await withPolicy(page, undefined, PAGE_POLICY);
  const resp = await page.goto(`${ctx.server.origin}/?lang=en&data=/fixtures/good/minimal-en.json`);
  assert.equal(resp.headers()['content-security-policy'], PAGE_POLICY);
  await settled(page);
  assert.equal(await page.textContent('.tb-title'), 'Staff appraisal 2024');
  // Styles applied: the adopted stylesheet (bold title) and CSSOM widths.
  assert.equal(await page.locator('.tb-title').evaluate((el) => getComputedStyle(el).fontWeight), '700');
  const w = await page.locator('.tb-seg[data-tier=high]').evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(w > 500, `segment width ${w}`);
  // Two tiers: the best highlighted at first; a click adds the other.
  assert.equal(await slotText(page, '[data-group=staff]'), 'High: 70.0%');
  await page.locator('.tb-key[data-tier=low]').click();
  assert.equal(await slotText(page, '[data-group=staff]'), 'High + Low: 100.0%');
  await assertClean(page);
});

test('the iframe page works under the strict policy', async () => {
  const page = await strictPage();
  await withPolicy(page, '/index.html', PAGE_POLICY);
  await page.goto(`${ctx.server.origin}/hosts/frame-parent.html`);
  const frame = page.frameLocator('iframe');
  await frame.locator(CHART).waitFor();
  await frame.locator('.tb-key[data-tier=good]').click();
  assert.equal(await slotText(frame, '[data-group=members]'), 'Excellent: 16.2%');
  assert.deepEqual(page.refused, []);
  assert.deepEqual(page.errors, []);
});

test('the script embed works on a host page under the strict policy', async () => {
  const page = await strictPage();
  await withPolicy(page);
  await page.goto(`${ctx.server.origin}/hosts/strict.html`);
  await page.locator(`#w1 ${CHART}`).waitFor();
  assert.equal(await page.locator('#w1 .tb-title').evaluate((el) => getComputedStyle(el).fontWeight), '700');
  await page.locator('#w1 .tb-key[data-tier=excellent]').click();
  assert.equal(await slotText(page, '#w1 [data-group=members]'), 'Tốt: 78,6%');
  await assertClean(page);
});

// Without modulepreload (Firefox < 115, Safari < 17) the loader imports the
// glue it checked from a blob: URL (issue #27): under a policy without
// blob: that import is refused, and the widget shows the browser's words
// (never the glue fetched again, unchecked); with blob: it runs.
test('the script embed without modulepreload: a policy without blob: gets a message, one with it the chart', async () => {
  const open = async (policy) => {
    const page = await strictPage();
    await page.addInitScript(() => {
      const supports = DOMTokenList.prototype.supports;
      DOMTokenList.prototype.supports = function (t) { return t !== 'modulepreload' && supports.call(this, t); };
    });
    await withPolicy(page, undefined, policy);
    await page.goto(`${ctx.server.origin}/hosts/strict.html`);
    return page;
  };
  const refused = await open(POLICY);
  const alert = refused.locator('#w1 [role=alert]');
  await alert.waitFor();
  assert.match(await alert.textContent(), /^tier-breakdown: .*\bblob:/);
  assert.equal(await refused.locator(`#w1 ${CHART}`).count(), 0);
  assert.equal(refused.requests.filter((u) => new URL(u).pathname === '/tier-breakdown.js').length, 2, 'read once, and once more to tell a change from a refusal');
  const allowed = await open(POLICY.replace("script-src 'self'", "script-src 'self' blob:"));
  await allowed.locator(`#w1 ${CHART}`).waitFor();
  await assertClean(allowed);
});

test('the standalone file carries its own strict policy and runs under it', async () => {
  const page = await strictPage();
  const file = join(ROOT, 'dist', 'tier-breakdown.html');
  await page.goto(pathToFileURL(file).href);
  await page.locator(CHART).waitFor();
  const policy = await page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
  // Two scripts by hash (the module, the query guard), one stylesheet.
  assert.match(policy, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+';/);
  assert.doesNotMatch(policy, /'unsafe-eval'|'unsafe-inline'/);
  await page.locator('.tb-key[data-tier=good]').click();
  assert.equal(await slotText(page, '[data-group=members]'), 'Xuất sắc: 16,2%');
  assert.equal(await page.locator('.tb-title').evaluate((el) => getComputedStyle(el).fontWeight), '700');
  await assertClean(page);
});
