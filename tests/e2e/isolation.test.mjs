// A panic is a bug: it must show an error box in that widget only, while
// the other widgets and the host page's own scripts keep working. The panic
// is triggered by a test-only DOM event that only a build with the
// `test-hooks` feature listens to (scripts/test.sh builds one into
// target/test-hooks/); the release build readers get has no such trigger.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, settled, slotText, useServerAndBrowser, CHART } from './harness.mjs';
import { sri } from '../../scripts/integrity.mjs';

const ctx = useServerAndBrowser();
const HOOKS = join(ROOT, 'target', 'test-hooks');

/**
 * A page whose widget glue and wasm are the test-hooks build's, and whose
 * loader is pinned to them (the release loader refuses any other files).
 */
async function openWithHooks() {
  assert.ok(existsSync(join(HOOKS, 'tier-breakdown_bg.wasm')), 'target/test-hooks is missing: scripts/test.sh builds it');
  const page = await openPage(ctx.browser);
  const { files } = JSON.parse(readFileSync(join(ROOT, 'dist', 'integrity.json'), 'utf8'));
  let loader = readFileSync(join(ROOT, 'dist', 'embed.js'), 'utf8');
  for (const name of ['tier-breakdown.js', 'tier-breakdown_bg.wasm']) {
    assert.ok(loader.includes(files[name]), `dist/embed.js is pinned to ${name}`);
    loader = loader.replace(files[name], sri(join(HOOKS, name)));
  }
  await page.route((url) => url.pathname === '/embed.js', (route) => route.fulfill({ body: loader, contentType: 'text/javascript' }));
  await page.route((url) => /\/tier-breakdown(\.js|_bg\.wasm)$/.test(url.pathname), (route) => {
    const name = new URL(route.request().url()).pathname.endsWith('.wasm') ? 'tier-breakdown_bg.wasm' : 'tier-breakdown.js';
    return route.fulfill({ path: join(HOOKS, name), contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
  });
  return page;
}

test('the release build has no panic trigger', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?lang=vi`);
  await settled(page);
  await page.evaluate(() => document.querySelector('[data-tier-breakdown-page]')
    .dispatchEvent(new CustomEvent('tier-breakdown-test-panic')));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.tb-panic').count(), 0);
  assert.equal(await page.locator('.tb-chart').count(), 1);
  assert.deepEqual(page.errors, []);
});

test('a panic in one script-embedded widget stays in that widget', async () => {
  const page = await openWithHooks();
  await page.goto(`${ctx.server.origin}/hosts/multi.html`);
  await page.locator(`#w1 ${CHART}`).waitFor();
  await page.locator(`#w2 ${CHART}`).waitFor();
  await page.evaluate(() => {
    document.querySelector('#w1').shadowRoot.querySelector('.tb-root')
      .dispatchEvent(new CustomEvent('tier-breakdown-test-panic'));
  });
  await page.locator('#w1 .tb-panic').waitFor();
  assert.equal(await page.locator('#w1 .tb-panic').textContent(), 'The chart hit an internal error and stopped');
  assert.equal(await page.locator('#w1 .tb-chart').count(), 0);
  // The neighbour still filters; the host's own script still runs.
  await page.locator('#w2 .tb-key[data-tier=low]').click();
  assert.equal(await page.locator('#w2 .tb-key[data-tier=low]').getAttribute('aria-pressed'), 'true');
  assert.equal(await slotText(page, '#w2 [data-group=staff]'), 'High + Low: 100.0%');
  await page.click('#host-counter');
  assert.equal(await page.textContent('#host-counter'), '1');
  // The only uncaught error is the aborted instance's trap.
  assert.ok(page.errors.length >= 1 && page.errors.every((e) => /unreachable/i.test(e)), page.errors.join('\n'));
});

test('a panic in the full page shows an error box, not a blank page', async () => {
  const page = await openWithHooks();
  await page.goto(`${ctx.server.origin}/?lang=vi`);
  await settled(page);
  await page.evaluate(() => document.querySelector('[data-tier-breakdown-page]')
    .dispatchEvent(new CustomEvent('tier-breakdown-test-panic')));
  await page.locator('.tb-panic').waitFor();
  assert.equal(await page.textContent('.tb-panic'), 'Biểu đồ gặp lỗi nội bộ và đã dừng');
  assert.equal(await page.getAttribute('.tb-panic', 'role'), 'alert');
});
