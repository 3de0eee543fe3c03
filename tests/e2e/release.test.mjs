// The release a newsroom hosts (scripts/release.mjs, the second half of
// `make release`; the test command has just made the release build): the
// folder, the npm package and SHA256SUMS; the package installed with npm
// and served as a site would; and integrity end to end: a changed wasm or
// glue on the server is refused with a message in the widget, and a loader
// that does not match its `integrity` attribute is refused by the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, launch, openPage, CHART } from './harness.mjs';
import { listFiles, release } from '../../scripts/release.mjs';
import { version } from '../../scripts/version.mjs';

const OUT = join(ROOT, 'target', 'release-test');
const SCRATCH = join(ROOT, 'target', 'npm-install-test');

// Everything a site hosts, and nothing else (a new file in dist/ must be added here on purpose).
const EXPECTED = [
  'CHANGELOG.md', 'LICENSE', 'README.md', 'demo/article.html', 'editor-start.js', 'editor.css', 'editor.html',
  'editor.js', 'editor_bg.wasm', 'embed.js', 'example-approximate.json', 'example-coverage.json',
  'example-districts.json', 'example-naive-of-which.json', 'example-of-which.json', 'example-partial.json', 'example-shares.json',
  'favicon.svg', 'format.html', 'frame-parent.js', 'index.html', 'integrity.json', 'package.json', 'page.css',
  'results.schema.json', 'start.js', 'tier-breakdown.html', 'tier-breakdown.js', 'tier-breakdown_bg.wasm',
];

let made, installed, server, browser;
before(async () => {
  rmSync(OUT, { recursive: true, force: true });
  made = release({ out: OUT });
  // A scratch project installs the packed .tgz, as a newsroom's build would (no network needed).
  rmSync(SCRATCH, { recursive: true, force: true });
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(join(SCRATCH, 'package.json'), '{"name": "scratch", "private": true}\n');
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', made.tgz], { cwd: SCRATCH, stdio: 'inherit' });
  installed = join(SCRATCH, 'node_modules', 'tier-breakdown');
  server = await startServer({ root: installed });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('make release writes the versioned folder, an npm package of exactly its files, and SHA256SUMS', () => {
  const v = version();
  assert.match(v, /^\d+\.\d+\.\d+$/);
  assert.equal(made.folder, join(OUT, `tier-breakdown-${v}`));
  assert.deepEqual(listFiles(made.folder), EXPECTED);
  const pkg = JSON.parse(readFileSync(join(made.folder, 'package.json'), 'utf8'));
  assert.equal(pkg.name, 'tier-breakdown');
  assert.equal(pkg.version, v);
  assert.equal(pkg.license, 'MIT');
  assert.equal(pkg.exports['./embed.js'], './embed.js');
  assert.equal(pkg.exports['./results.schema.json'], './results.schema.json');
  // npm itself lists exactly the intended files.
  const [dry] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: made.folder, encoding: 'utf8' }));
  assert.deepEqual(dry.files.map((f) => f.path).sort(), EXPECTED);
  assert.equal(dry.id, `tier-breakdown@${v}`);
  // SHA256SUMS covers the tarball and every file, and each line is right.
  const sums = readFileSync(made.sums, 'utf8').trim().split('\n').map((l) => l.split('  '));
  assert.deepEqual(sums.map(([, p]) => p).sort(), [`tier-breakdown-${v}.tgz`, ...EXPECTED.map((f) => `tier-breakdown-${v}/${f}`)].sort());
  for (const [hash, p] of sums) assert.equal(createHash('sha256').update(readFileSync(join(OUT, p))).digest('hex'), hash, p);
  // The changelog starts with this version; the integrity manifest says it too.
  assert.match(readFileSync(join(made.folder, 'CHANGELOG.md'), 'utf8'), new RegExp(`^# Changelog\\n\\n## ${v.replaceAll('.', '\\.')} `));
  assert.equal(JSON.parse(readFileSync(join(made.folder, 'integrity.json'), 'utf8')).version, v);
  // The package's README gives versioned, pinned codes.
  const { files } = JSON.parse(readFileSync(join(made.folder, 'integrity.json'), 'utf8'));
  const readme = readFileSync(join(made.folder, 'README.md'), 'utf8');
  assert.ok(readme.includes(`/tier-breakdown/${v}/embed.js"\n        integrity="${files['embed.js']}" crossorigin="anonymous"`), 'README: pinned loader');
  assert.ok(!readme.includes('{{'), 'README: every placeholder filled');
});

test('the npm-installed package serves the demo article: both embeds render', async () => {
  assert.deepEqual(listFiles(installed).filter((f) => f !== '.package-lock.json'), EXPECTED);
  const page = await openPage(browser);
  await page.goto(`${server.origin}/demo/article.html`);
  // The widgets, not the script embed's static chart: each script embed
  // starts as the reader comes near it (the districts one is below the first screen).
  for (const id of ['script-embed', 'districts-embed']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.locator(`#${id} ${CHART}`).waitFor();
  }
  await page.frameLocator('#iframe-embed iframe').locator(CHART).waitFor();
  // The built-in data: the article's figures, in Vietnamese in the page and in English in the iframe.
  assert.match(await page.locator(`#script-embed ${CHART}`).textContent(), /Đảng viên/);
  assert.match(await page.frameLocator('#iframe-embed iframe').locator(CHART).textContent(), /Party members/);
  // The demo pins its loader; everything came from the installed folder.
  assert.match(await page.locator('script[src="../embed.js"]').getAttribute('integrity'), /^sha384-/);
  assert.ok(page.requests.every((u) => u.startsWith(server.origin) || u.startsWith('data:')), page.requests.join('\n'));
  assert.deepEqual(page.errors, []);
  await page.close();
});

/**
 * The plain host page with one file of the installed folder changed: the
 * wasm by one flipped bit, the glue by a harmless comment at its end (so
 * only the integrity check can stop it).
 */
async function withOneByteChanged(name, { modulepreload = true } = {}) {
  const page = await openPage(browser);
  // As Firefox < 115 and Safari < 17, which have no modulepreload.
  if (!modulepreload) {
    await page.addInitScript(() => {
      const supports = DOMTokenList.prototype.supports;
      DOMTokenList.prototype.supports = function (t) { return t !== 'modulepreload' && supports.call(this, t); };
    });
  }
  let bytes = readFileSync(join(installed, name));
  if (name.endsWith('.wasm')) bytes[bytes.length >> 1] ^= 1;
  else bytes = Buffer.concat([bytes, Buffer.from('\n// changed\n')]);
  await page.route((url) => url.pathname === `/${name}`, (route) => route.fulfill({
    body: bytes, contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
  }));
  await page.goto(`${server.origin}/hosts/plain.html`);
  return page;
}

for (const [name, modulepreload] of [['tier-breakdown_bg.wasm', true], ['tier-breakdown.js', true], ['tier-breakdown.js', false]]) {
  test(`a ${name} changed on the server is refused, with a message in the widget${modulepreload ? '' : ' (a browser without modulepreload)'}`, async () => {
    const page = await withOneByteChanged(name, { modulepreload });
    const alert = page.locator('#w1 [role=alert]');
    await alert.waitFor();
    // plain.html is a Vietnamese page.
    assert.equal(await alert.textContent(),
      `tier-breakdown: ${name} trên máy chủ đã bị thay đổi, không còn khớp với bản được xuất bản; biểu đồ không chạy.`);
    assert.equal(await page.locator('#w1 .tb-chart').count(), 0);
    await page.close();
  });
}

test('a browser without modulepreload still runs the unchanged glue', async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    const supports = DOMTokenList.prototype.supports;
    DOMTokenList.prototype.supports = function (t) { return t !== 'modulepreload' && supports.call(this, t); };
  });
  await page.goto(`${server.origin}/hosts/plain.html`);
  await page.locator(`#w1 ${CHART}`).waitFor();
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Regression (issue #27): without modulepreload the loader fetched the glue
// with its hash and then imported it by a second, unchecked request, which
// ran a glue changed on the server in between.
test('a browser without modulepreload runs the glue it checked, not a second read of it', async () => {
  const page = await openPage(browser);
  await page.goto(`${server.origin}/hosts/no-modulepreload.html?release`);
  await page.locator(`#w ${CHART}`).waitFor();
  assert.equal(await page.evaluate(() => globalThis.tbChanged), undefined, 'the glue read a second time ran');
  assert.equal(page.requests.filter((u) => new URL(u).pathname === '/changed/release/tier-breakdown.js').length, 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a file missing on the server is named with its HTTP status, not called changed', async () => {
  const page = await openPage(browser);
  await page.route((url) => url.pathname === '/tier-breakdown_bg.wasm', (route) => route.fulfill({ status: 404, body: 'nope' }));
  await page.goto(`${server.origin}/hosts/plain.html`);
  const alert = page.locator('#w1 [role=alert]');
  await alert.waitFor();
  assert.equal(await alert.textContent(), `tier-breakdown: ${server.origin}/tier-breakdown_bg.wasm: HTTP 404`);
  await page.close();
});

test('a loader that does not match the integrity in the embed code is refused by the browser', async () => {
  const { files } = JSON.parse(readFileSync(join(installed, 'integrity.json'), 'utf8'));
  const host = (integrity) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>pinned</title></head><body>
    <div data-tier-breakdown id="w"></div>
    <script type="module" src="/embed.js" integrity="${integrity}" crossorigin="anonymous"></script></body></html>`;
  const open = async (integrity) => {
    const page = await openPage(browser);
    const consoleLines = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.route((url) => url.pathname === '/pinned.html', (route) => route.fulfill({ body: host(integrity), contentType: 'text/html' }));
    await page.goto(`${server.origin}/pinned.html`);
    return { page, consoleLines };
  };
  // The right hash: the widget mounts.
  const good = await open(files['embed.js']);
  await good.page.locator(`#w ${CHART}`).waitFor();
  await good.page.close();
  // Another file's hash (as if embed.js had been changed on the CDN): refused, nothing runs.
  const bad = await open(files['frame-parent.js']);
  await bad.page.waitForLoadState('load');
  await bad.page.waitForTimeout(500);
  assert.ok(bad.consoleLines.some((l) => /integrity/i.test(l) && l.includes('embed.js')), bad.consoleLines.join('\n'));
  assert.equal(await bad.page.evaluate(() => document.querySelector('#w').shadowRoot), null);
  await bad.page.close();
});
