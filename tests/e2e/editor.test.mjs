// The editor (editor.html): from a table pasted out of a spreadsheet to a
// results file, a standalone file and embed codes, in Chromium. Nothing
// leaves the browser but requests for the editor's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT, openPage, useServerAndBrowser, CHART } from './harness.mjs';

const ctx = useServerAndBrowser();
const OUT = join(ROOT, 'target', 'e2e-editor');
mkdirSync(OUT, { recursive: true });

const SEED = JSON.parse(readFileSync(join(ROOT, 'data/phu-tho-2022.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const schema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs/results.schema.json'), 'utf8')));

/** The seed's table as a Vietnamese spreadsheet copies it (tabs, `.` for thousands, CRLF). */
const SEED_TSV = [
  ['', 'Tổng số', 'Số được đánh giá', 'Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ'],
  ['Tổ chức cơ sở đảng', '698', '695', '131', '539', '25', '0'],
  ['Chi bộ trực thuộc Đảng ủy cơ sở', '5.084', '5.062', '894', '3.791', '376', '1'],
  ['Đảng viên', '', '94.877', '15.397', '74.551', '4.492', '437'],
].map((r) => r.join('\t')).join('\r\n') + '\r\n';

/** A fresh editor (empty storage), in Vietnamese unless told. */
async function openEditor({ width = 1024, colorScheme = 'light', locale = 'vi-VN', init } = {}) {
  const page = await openPage(ctx.browser, { width, colorScheme });
  if (init) await page.addInitScript(init);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.origin });
  await page.context().setExtraHTTPHeaders({ 'accept-language': locale });
  await page.addInitScript((l) => Object.defineProperty(navigator, 'language', { get: () => l }), locale);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${ctx.server.origin}/editor.html`);
  await page.locator('#ed-table').waitFor();
  return page;
}

/** Pastes a table into the paste box (a real paste, through the clipboard): it is read and drawn at once. */
async function pasteTable(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#ed-table').focus();
  await page.keyboard.press('Control+V');
  assert.equal(await page.inputValue('#ed-table'), text.replace(/\r\n/g, '\n'));
  await page.locator('#ed-mapping-box').waitFor();
  // "or better" is offered for tiers only, not for the total or the evaluated.
  const roles = await page.$$eval('.ed-map-list select[id^=ed-map-]', (els) => els.map((e) => [e.id, e.value]));
  for (const [id, value] of roles) {
    const n = id.slice('ed-map-'.length);
    assert.equal(await page.locator(`#ed-map-orb-${n}`).count(), /^t\d+$|^new$/.test(value) ? 1 : 0, `${id} = ${value}`);
  }
}

/** Opens the folded "how the table was read". */
async function openMapping(page) {
  if (!(await page.locator('#ed-mapping-box').evaluate((d) => d.open))) await page.click('#ed-mapping-summary');
}

/** Downloads what `selector` offers; returns its text and suggested name. */
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

/** The preview's chart table (every figure): its rows of cell texts. */
async function previewTable(page) {
  const frame = page.locator('.ed-frame');
  await frame.locator(CHART).waitFor();
  await frame.locator('.tb-table-toggle').click();
  return frame.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
}

/** 15397 → "15.397", as the widget writes it in Vietnamese. */
const vi = (n) => n.toLocaleString('de-DE');

/** No request left the editor's origin, and none was blocked by its policy (blocked ones fire no `request`). */
async function onlyOwnRequests(page) {
  const foreign = page.requests.filter((u) => !u.startsWith(ctx.server.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
}

test('a pasted spreadsheet table (Vietnamese numbers) becomes the seed\'s chart and results file', async () => {
  const page = await openEditor();
  await pasteTable(page, SEED_TSV);
  await page.fill('#f-title-vi', SEED.title.vi);
  const rows = await previewTable(page);
  assert.equal(rows.length, SEED.groups.length);
  SEED.groups.forEach((g, i) => {
    const row = rows[i];
    SEED.tiers.forEach((t, j) => assert.ok(row[1 + j].startsWith(`${vi(g.counts[t.id])} (`), `${g.id} ${t.id}: ${row[1 + j]}`));
    const evaluated = g.total ? `${vi(g.evaluated)} / ${vi(g.total)}` : vi(g.evaluated);
    assert.equal(row.at(-1), evaluated, g.id);
  });
  assert.equal(await page.locator('#ed-errors li').count(), 0);
  const { name, text } = await download(page, '#ed-download-json');
  assert.match(name, /^ket-qua-danh-gia.*\.json$/);
  const file = JSON.parse(text);
  assert.ok(text.startsWith('{\n  "$schema": '), 'pretty-printed, $schema first');
  assert.equal(schema(file), true, JSON.stringify(schema.errors));
  assert.deepEqual(file.tiers.map((t) => t.id), SEED.tiers.map((t) => t.id));
  assert.equal(file.groups.length, SEED.groups.length);
  for (const [got, want] of file.groups.map((g, i) => [g, SEED.groups[i]])) {
    assert.deepEqual([got.id, got.total, got.evaluated, got.counts], [want.id, want.total, want.evaluated, want.counts]);
  }
  writeFileSync(join(OUT, 'pasted.json'), text);
  assert.deepEqual(page.errors, []);
  await onlyOwnRequests(page);
  await page.close();
});

test('the standalone file built in the browser is the native tool\'s, and opens offline from file://', async () => {
  const page = await openEditor();
  await page.click('#ed-example');
  const json = await download(page, '#ed-download-json');
  const html = await download(page, '#ed-download-html');
  assert.match(html.name, /\.html$/);
  const jsonPath = join(OUT, 'example.json');
  const nativePath = join(OUT, 'native.html');
  writeFileSync(jsonPath, json.text);
  const r = spawnSync('cargo', ['run', '--quiet', '--offline', '--bin', 'standalone', '--', jsonPath, '-o', nativePath, '--dist', join(ROOT, 'dist')], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(readFileSync(nativePath, 'utf8') === html.text, 'the same bytes as the native tool');
  await page.close();

  const file = join(OUT, 'from-editor.html');
  writeFileSync(file, html.text);
  const offline = await openPage(ctx.browser, { width: 1024 });
  await offline.context().route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
  await offline.goto(pathToFileURL(file).href);
  await offline.locator(CHART).waitFor();
  assert.equal(await offline.textContent('[data-group=members] .tb-coverage'), '94.877 được đánh giá');
  assert.deepEqual(offline.requests, [pathToFileURL(file).href]);
  assert.deepEqual(offline.errors, []);
  await offline.close();
});

test('the copied script embed (data inline) renders on a hostile host page', async () => {
  const page = await openEditor();
  await page.click('#ed-example');
  await page.click('#ed-embed-inline-copy');
  await page.locator('#ed-embed-inline-status', { hasText: 'Đã sao chép' }).waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(code, await page.inputValue('#ed-embed-inline'));
  // Pinned: the loader's hash from the folder's integrity.json, which the loaded page checks.
  const { files } = JSON.parse(readFileSync(join(ROOT, 'dist/integrity.json'), 'utf8'));
  assert.match(code, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" integrity="([^"]+)" crossorigin="anonymous"><\/script>/);
  assert.equal(code.match(/integrity="([^"]+)"/)[1], files['embed.js']);
  // It carries the static chart (a declarative shadow root, drawn before
  // any script) and the height hint: the chart's height in a phone's column.
  const hint = Number(code.match(/^<div data-tier-breakdown data-lang="vi" style="min-height:(\d+)px"><template shadowrootmode="open">/)?.[1]);
  assert.ok(hint > 300, `no height hint: ${code.slice(0, 120)}`);
  assert.match(code, /<div class="tb"[^>]* data-tb-static=/);
  await page.close();

  const hostile = readFileSync(join(ROOT, 'tests/e2e/hosts/hostile.html'), 'utf8')
    .replace(/<main[\s\S]*<\/main>/, `<main style="width: 800px"><p id="before">Đoạn văn trước.</p>\n${code}\n<p id="after">Đoạn văn sau.</p></main>`);
  const host = await openPage(ctx.browser, { width: 1024 });
  const url = `${ctx.server.origin}/hosts/pasted-from-editor.html`;
  await host.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostile }));
  await host.goto(url);
  // The widget's chart: the code carries a static one, which no click drives.
  const chart = host.locator(`[data-tier-breakdown] ${CHART}`);
  await chart.waitFor();
  assert.equal(await host.locator('[data-tier-breakdown] [data-group=members] .tb-coverage').textContent(), '94.877 được đánh giá');
  // Excellent and good highlighted at first; a click takes excellent out.
  await host.locator('[data-tier-breakdown] .tb-key[data-tier=excellent]').click();
  assert.equal(await host.locator('[data-tier-breakdown] [data-group=members] .tb-head-words').textContent(), 'Tốt');
  assert.equal(await host.locator('[data-tier-breakdown] [data-group=members] .tb-head-value').textContent(), '78,6%');
  // With JavaScript on, the <noscript> fallback is not shown (the page's
  // own text, the shadow root's chart apart; `noscript p` would count 0
  // with JavaScript on whatever the code holds, as a <noscript> is then raw text).
  assert.doesNotMatch(await host.evaluate(() => document.body.innerText), /94\.877 được đánh giá/);
  assert.deepEqual(host.errors, []);
  await host.close();

  // Without JavaScript (an RSS reader, an e-mail): the chart's title and figures as text.
  const context = await ctx.browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostile }));
  await plain.goto(url);
  const text = await plain.locator('[data-tier-breakdown] noscript + *, [data-tier-breakdown] p').first().textContent();
  assert.match(text, /^Kết quả đánh giá, xếp loại tổ chức đảng và đảng viên năm 2022: /);
  assert.match(text, /Đảng viên \(94\.877 được đánh giá\): Hoàn thành xuất sắc nhiệm vụ 16,2%/);
  // The static chart is what shows, and the hint is its height in a 320 px column.
  const column = hostile.replace('<main style="width: 800px">', '<main style="width: 320px">');
  const columnUrl = `${ctx.server.origin}/hosts/pasted-in-a-column.html`;
  await plain.route(columnUrl, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: column }));
  await plain.goto(columnUrl);
  const drawn = await plain.evaluate(() => {
    const host = document.querySelector('[data-tier-breakdown]');
    return { static: !!host.shadowRoot?.querySelector('[data-tb-static] .tb-chart'), height: host.getBoundingClientRect().height };
  });
  assert.ok(drawn.static, 'the static chart is not shown without JavaScript');
  assert.ok(Math.abs(drawn.height - hint) <= 1, `the hint ${hint} px, the chart ${drawn.height} px`);
  // In a wider column the chart is shorter than the phone's hint, and the
  // shown chart is its own height: no blank under it (prerender::as_embed).
  await plain.goto(url);
  const wide = await plain.evaluate(() => {
    const host = document.querySelector('[data-tier-breakdown]');
    return { host: host.getBoundingClientRect().height, chart: host.shadowRoot.querySelector('.tb-root').getBoundingClientRect().height };
  });
  assert.ok(wide.chart < hint - 20, `the chart at 800 px (${wide.chart} px) is not shorter than the hint ${hint} px`);
  assert.ok(Math.abs(wide.host - wide.chart) <= 1, `the embed is ${wide.host} px for a chart of ${wide.chart} px`);
  await context.close();
});

// A height that could not be measured is said, not written as 0 (a code
// with no hint would move the article when the chart comes).
test('a failed height measurement is an error in place of the codes', async () => {
  // The measurement (an off-screen shadow host) reads 0, as where layout is unavailable.
  const page = await openEditor({
    init: () => {
      const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
      Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
        get() { return this.shadowRoot && this.style.left === '-10000px' ? 0 : height.get.call(this); },
      });
    },
  });
  await page.click('#ed-example');
  await page.fill('#ed-src', `${ctx.server.origin}/data/example-shares.json`);
  const said = /^Không đo được chiều cao của biểu đồ/;
  for (const box of ['#ed-embed-inline', '#ed-embed-src', '#ed-iframe']) {
    assert.match(await page.inputValue(box), said, box);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('with the file hosted, the data-src embed and the iframe codes render it', async () => {
  const page = await openEditor();
  await page.click('#ed-example');
  assert.match(await page.inputValue('#ed-iframe'), /^Nhập địa chỉ/);
  await page.fill('#ed-src', `${ctx.server.origin}/data/example-shares.json`);
  const bySrc = await page.inputValue('#ed-embed-src');
  const frame = await page.inputValue('#ed-iframe');
  assert.match(frame, /index\.html\?data=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fdata%2Fexample-shares\.json&amp;lang=vi/);
  const { files } = JSON.parse(readFileSync(join(ROOT, 'dist/integrity.json'), 'utf8'));
  assert.ok(bySrc.includes(`embed.js" integrity="${files['embed.js']}" crossorigin="anonymous">`), bySrc);
  assert.ok(frame.includes(`frame-parent.js" integrity="${files['frame-parent.js']}" crossorigin="anonymous" async>`), frame);
  await page.close();
  const host = await openPage(ctx.browser, { width: 1024 });
  const url = `${ctx.server.origin}/hosts/pasted-codes.html`;
  const body = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>codes</title></head><body>${bySrc}\n${frame}</body></html>`;
  await host.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body }));
  await host.goto(url);
  await host.locator(`[data-tier-breakdown] ${CHART}`).waitFor();
  const inner = host.frameLocator('iframe[data-tier-breakdown-frame]');
  await inner.locator(CHART).waitFor();
  const title = JSON.parse(readFileSync(join(ROOT, 'data/example-shares.json'), 'utf8')).title;
  const expected = typeof title === 'string' ? title : title.vi;
  assert.equal(await host.locator('[data-tier-breakdown] .tb-title').textContent(), expected);
  assert.equal(await inner.locator('.tb-title').textContent(), expected);
  assert.deepEqual(host.errors, []);
  await host.close();
});

test('a reload restores the draft; starting over clears it', async () => {
  const page = await openEditor();
  await page.fill('#f-title-vi', 'Bản nháp của tôi');
  await page.fill('#f-groups-0-fig-0', '12');
  await page.reload();
  await page.locator('#f-title-vi').waitFor();
  assert.equal(await page.inputValue('#f-title-vi'), 'Bản nháp của tôi');
  assert.equal(await page.inputValue('#f-groups-0-fig-0'), '12');
  assert.match(await page.textContent('.ed-saved'), /Đã mở lại bản nháp/);
  await page.click('#ed-blank');
  await page.reload();
  await page.locator('#f-title-vi').waitFor();
  assert.equal(await page.inputValue('#f-title-vi'), '');
  await page.close();
});

test('a bad value shows its error, and the error\'s link focuses the field', async () => {
  const page = await openEditor();
  await page.click('#ed-example');
  assert.equal(await page.locator('#ed-errors li').count(), 0);
  await page.fill('#f-groups-1-fig-1', '3.79l');
  const error = page.locator('#ed-errors li a', { hasText: 'Nhóm “Chi bộ trực thuộc Đảng ủy cơ sở”, mức “Hoàn thành tốt nhiệm vụ”' });
  await error.waitFor();
  assert.match(await error.textContent(), /số nguyên/);
  // Also said at the field itself, for a screen reader too.
  assert.equal(await page.getAttribute('#f-groups-1-fig-1', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#f-groups-1-fig-1', 'aria-describedby'), 'f-groups-1-fig-1-problem');
  assert.match(await page.textContent('#f-groups-1-fig-1-problem'), /số nguyên/);
  assert.equal(await page.locator('#ed-fix-first').count(), 1, 'no embed code while the file has errors');
  assert.equal(await page.locator('#ed-embed-inline').count(), 0);
  assert.equal(await page.locator('#ed-download-json').count(), 1, 'the draft can still be saved as a file');
  await error.click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-groups-1-fig-1');
  // A missing tier figure: the link goes to that tier's field.
  await page.fill('#f-groups-1-fig-1', '3791');
  await page.fill('#f-groups-0-fig-2', '');
  await page.locator('#ed-errors li a', { hasText: 'Nhóm “Tổ chức cơ sở đảng”, mức “Hoàn thành nhiệm vụ”' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-groups-0-fig-2');
  // The errors speak the editor's language.
  await page.click('button[lang=en]');
  await page.locator('#ed-errors li a', { hasText: 'Group “Grassroots party organisations”, tier “Completed duties”: no figure yet' }).waitFor();
  await page.close();
});

test('a pasted percentage table and an "or better, of which" report give the right files', async () => {
  const page = await openEditor();
  await page.click('#ed-blank');
  await pasteTable(page, '\tXuất sắc\tTốt\tHoàn thành\tKhông hoàn thành\nĐảng viên\t16,2%\t78,6%\t4,7%\t0,5%\n');
  await page.fill('#f-title-vi', 'Tỉ lệ');
  let file = JSON.parse((await download(page, '#ed-download-json')).text);
  assert.equal(file.version, 2);
  assert.deepEqual(file.groups[0].shares, { excellent: 16.2, good: 78.6, completed: 4.7, not_completed: 0.5 });
  assert.equal(schema(file), true, JSON.stringify(schema.errors));
  assert.deepEqual((await previewTable(page))[0].slice(1, 5), ['16,2%', '78,6%', '4,7%', '0,5%']);

  await pasteTable(page, '\tSố được đánh giá\tXuất sắc\tHoàn thành tốt nhiệm vụ trở lên\tHoàn thành\tKhông hoàn thành\nTổ chức cơ sở đảng\t312\t61\t289\t20\t3\n');
  assert.equal(await page.isChecked('#f-groups-0-orb-1'), true, 'the "or better" mark is on the form');
  file = JSON.parse((await download(page, '#ed-download-json')).text);
  assert.deepEqual(file.groups[0].counts, { excellent: 61, good: { or_better: 289 }, completed: 20, not_completed: 3 });
  assert.equal(schema(file), true, JSON.stringify(schema.errors));
  const frame = page.locator('.ed-frame');
  await frame.locator('.tb-coverage', { hasText: 'trở lên: 289' }).waitFor();
  await onlyOwnRequests(page);
  await page.close();
});

test('a file too large or unreadable gets a message and leaves the draft as it was', async () => {
  const page = await openEditor();
  await page.click('#ed-example');
  const title = await page.inputValue('#f-title-vi');
  await page.setInputFiles('#ed-open', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.alloc(6 * 1024 * 1024, 32) });
  await page.locator('.ed-said.ed-bad', { hasText: 'quá lớn' }).waitFor();
  await page.setInputFiles('#ed-open', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1,') });
  await page.locator('.ed-said.ed-bad', { hasText: 'broken.json' }).waitFor();
  assert.equal(await page.inputValue('#f-title-vi'), title);
  await page.setInputFiles('#ed-open', join(ROOT, 'data/example-shares.json'));
  await page.locator('.ed-said', { hasText: 'example-shares.json' }).waitFor();
  assert.notEqual(await page.inputValue('#f-title-vi'), title);
  // What the form has no field for is named, not silently dropped.
  const extra = { ...SEED, groups: SEED.groups.map((g, i) => (i ? g : { ...g, remark: 'x' })) };
  await page.setInputFiles('#ed-open', { name: 'extra.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(extra)) });
  // In words: the group by its label and the key as the file wrote it, no JSON path.
  const said = page.locator('#ed-start-said.ed-bad', { hasText: '“remark”' });
  await said.waitFor();
  assert.match(await said.textContent(), /Nhóm “Tổ chức cơ sở đảng”, “remark”/);
  assert.doesNotMatch(await said.textContent(), /groups\[/);
  await page.close();
});

test('a dropped file opens, periods\' sub-units included; the preview switches language, theme and width', async () => {
  const page = await openEditor();
  const text = readFileSync(join(ROOT, 'data/example-districts.json'), 'utf8');
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'districts.json', { type: 'application/json' }));
    const zone = document.querySelector('.ed-drop');
    for (const type of ['dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('.ed-said', { hasText: 'districts.json' }).waitFor();
  assert.doesNotMatch(await page.textContent('#ed-start-said'), /không có ô/, 'nothing of the file is left out');
  assert.equal(await page.locator('#ed-start-said.ed-bad').count(), 0);
  const file = JSON.parse(readFileSync(join(ROOT, 'data/example-districts.json'), 'utf8'));
  assert.equal(await page.inputValue('#f-periods-0-units-0-id'), file.periods[0].units[0].id);
  assert.equal(await page.inputValue('#f-units-1-label-vi'), typeof file.units[1].label === 'string' ? file.units[1].label : file.units[1].label.vi);

  const frame = page.locator('.ed-frame');
  await frame.locator(CHART).waitFor();
  await page.click('.ed-preview [data-choice=en]');
  await frame.locator('.tb-title', { hasText: file.title.en }).waitFor();
  await page.click('.ed-preview [data-choice=dark]');
  await frame.locator('.tb.tb-dark').waitFor();
  await page.click('.ed-preview [data-choice=phone]');
  const width = await frame.evaluate((el) => el.getBoundingClientRect().width);
  assert.ok(width <= 360, `phone width: ${width}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('alt text is the chart\'s summary in the file\'s language; Undo brings back a replaced draft', async () => {
  const page = await openEditor({ locale: 'en-GB' });
  await page.click('#ed-example');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the editor speaks English');
  await page.click('#ed-alt-copy');
  await page.locator('#ed-alt-status', { hasText: 'Copied' }).waitFor();
  const alt = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(alt, /^Tổ chức cơ sở đảng \(695 được đánh giá\): Hoàn thành xuất sắc nhiệm vụ 18,8%/);
  assert.match(alt, /Đảng viên \(94\.877 được đánh giá\)/);
  const title = await page.inputValue('#f-title-vi');
  await page.click('#ed-blank');
  assert.equal(await page.inputValue('#f-title-vi'), '');
  await page.click('#ed-undo');
  assert.equal(await page.inputValue('#f-title-vi'), title);
  // A table naming fewer groups than the draft has says which go.
  // (Named by their labels, in the editor's language: it speaks English here.)
  await page.locator('#ed-table').fill('\tXuất sắc\tTốt\tHoàn thành\tKhông hoàn thành\nĐảng viên\t1\t2\t3\t4\n');
  await openMapping(page);
  await page.locator('#ed-map-removed', { hasText: 'Grassroots party organisations, Party cells under grassroots committees' }).waitFor();
  await page.selectOption('#ed-rec-0', 'skip');
  await page.locator('#ed-map-removed', { hasText: 'Grassroots party organisations, Party cells under grassroots committees, Party members' }).waitFor();
  await page.close();
});

/** Presses Tab until `selector` has the focus (at most `max` times). */
async function tabTo(page, selector, max = 300) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard alone: from pasting a table to copying the embed code', async () => {
  const page = await openEditor({ width: 360 });
  await page.evaluate((t) => navigator.clipboard.writeText(t), SEED_TSV);
  await tabTo(page, '#ed-table');
  await page.keyboard.press('Control+V');
  // The table is drawn at once; the focus stays in the paste box.
  await page.locator('.ed-frame:not(.ed-dim) [data-group=members] .tb-coverage', { hasText: '94.877' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ed-table');
  await tabTo(page, '#f-title-vi');
  await page.keyboard.type('Kết quả năm 2022');
  // How the table was read: opened and corrected with the keyboard, the focus kept.
  await tabTo(page, '#ed-mapping-summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#ed-map-0');
  const role = await page.inputValue('#ed-map-0');
  await page.keyboard.press('ArrowDown');
  assert.notEqual(await page.inputValue('#ed-map-0'), role);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ed-map-0');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue('#ed-map-0'), role);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'ed-map-0');
  await tabTo(page, '#ed-embed-inline-copy');
  await page.keyboard.press('Enter');
  await page.locator('#ed-embed-inline-status', { hasText: 'Đã sao chép' }).waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(code, /"title": "Kết quả năm 2022"/);
  assert.match(code, /"evaluated": 94877/);
  await page.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const colorScheme of ['light', 'dark']) {
  test(`axe: the editor at 360 and 1024 px, ${colorScheme}: empty, a table read, errors, outputs`, async () => {
    for (const width of [360, 1024]) {
      const page = await openEditor({ width, colorScheme });
      const scan = async (what) => {
        // The preview in view: axe misreads the background of text in a
        // scaled element its scroll container has moved out of view (it
        // took the bar's grey for the background of a segment's label).
        await page.locator('.ed-preview').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(OUT, `editor-${width}-${colorScheme}-${what.replace(/ /g, '-')}.png`), fullPage: true });
        const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        assert.deepEqual(found, [], `${colorScheme} ${width} ${what}: ${found.join('\n')}`);
      };
      await scan('empty');
      await page.evaluate((t) => navigator.clipboard.writeText(t), SEED_TSV);
      await page.locator('#ed-table').focus();
      await page.keyboard.press('Control+V');
      await page.locator('#ed-mapping-box').waitFor();
      await openMapping(page);
      await scan('table read');
      await page.fill('#f-groups-1-fig-1', 'x');
      await page.locator('#ed-errors li').first().waitFor();
      await scan('errors');
      await page.fill('#f-groups-1-fig-1', '3791');
      await page.fill('#f-title-vi', 'Kết quả');
      await page.locator('#ed-embed-inline').waitFor();
      await page.fill('#ed-src', 'https://news.example/data/results.json');
      await scan('outputs');
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });
}

test('the chart as an SVG and a PNG image, 1200 px wide, the SVG the native tool\'s', async () => {
  const page = await openEditor();
  await page.click('#ed-example');
  const json = await download(page, '#ed-download-json');
  const svg = await download(page, '#ed-download-svg');
  assert.match(svg.name, /\.svg$/);
  const jsonPath = join(OUT, 'image.json');
  const nativePath = join(OUT, 'native.svg');
  writeFileSync(jsonPath, json.text);
  const r = spawnSync('cargo', ['run', '--quiet', '--offline', '--bin', 'standalone', '--', jsonPath, '--svg', nativePath], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(readFileSync(nativePath, 'utf8') === svg.text, 'the same SVG as the native tool');
  const height = Number(svg.text.match(/^<svg [^>]*height="(\d+)"/)[1]);
  // The PNG: drawn by the browser from the same SVG, its size read from the PNG header.
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#ed-download-png')]);
  assert.match(png.suggestedFilename(), /\.png$/);
  const bytes = readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, height]);
  // Not blank: the compressed image of a chart is far larger than an empty canvas's.
  assert.ok(bytes.length > 20_000, `${bytes.length} bytes`);
  writeFileSync(join(OUT, 'from-editor.png'), bytes);
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** What is visible of the editor's problems: error lists, field problems, invalid fields. */
async function visibleProblems(page) {
  return page.evaluate(() => [...document.querySelectorAll('#ed-errors li, #ed-warnings li, .ed-field-problems li, [aria-invalid=true], #ed-fix-first.ed-bad')]
    .filter((e) => e.checkVisibility())
    .map((e) => e.textContent || e.id));
}

/** The boxes of the preview's panel and of the chart inside it. */
async function previewBoxes(page) {
  return page.evaluate(() => {
    const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width }; };
    return { panel: box(document.querySelector('.ed-preview')), chart: box(document.querySelector('.ed-frame .tb')) };
  });
}

// Regression (#24): a fresh page showed five errors before anything was
// typed; a pasted table needed two buttons, a scroll and a title before
// the chart appeared (action 8 of 12); the desktop preview was cut off.
test('a new journalist: blank page, one paste, the chart with its figures, the embed code in three actions', async () => {
  const page = await openEditor({ width: 1280 });
  await page.setViewportSize({ width: 1280, height: 900 });
  const actions = [];
  // The first screen invites: no error, a placeholder chart and what to do first.
  assert.deepEqual(await visibleProblems(page), []);
  await page.locator('#ed-first-step').waitFor();
  await page.locator('.ed-frame.ed-dim').locator(CHART).waitFor();
  assert.match(await page.textContent('#ed-preview-note'), /biểu đồ mẫu/);
  await page.screenshot({ path: join(OUT, 'journalist-1280-first.png') });

  await page.evaluate((t) => navigator.clipboard.writeText(t), SEED_TSV);
  await page.click('#ed-table'); actions.push('click the paste box');
  await page.keyboard.press('Control+V'); actions.push('paste');
  // Drawn at once, no title typed: the placeholder title, flagged quietly.
  const frame = page.locator('.ed-frame:not(.ed-dim)');
  await frame.locator('[data-group=members] .tb-coverage', { hasText: '94.877' }).waitFor();
  assert.equal(await page.inputValue('#f-title-vi'), 'Chưa có tiêu đề');
  assert.equal(await frame.locator('.tb-title').textContent(), 'Chưa có tiêu đề');
  await page.locator('.ed-untitled').first().waitFor();
  assert.deepEqual(await visibleProblems(page), []);
  // Figures and shares with at most one press (the data table).
  const rows = await previewTable(page);
  SEED.groups.forEach((g, i) => SEED.tiers.forEach((t, j) => assert.match(rows[i][1 + j], new RegExp(`^${vi(g.counts[t.id]).replace('.', '\\.')} \\(<?\\d+,\\d%\\)$`), `${g.id} ${t.id}`)));
  await frame.locator('.tb-table-toggle').click();
  // The desktop preview is drawn at 1024 px, scaled into its panel, and says so.
  const { panel, chart } = await previewBoxes(page);
  assert.ok(chart.left >= panel.left && chart.right <= panel.right + 0.5, JSON.stringify({ panel, chart }));
  assert.ok(chart.width < 1024 * 0.8, `scaled: ${chart.width}`);
  const percent = Number((await page.textContent('#ed-fit')).match(/1024 px.* (\d+)%/)[1]);
  assert.ok(Math.abs(percent - (chart.width / 1024) * 100) < 1.5, `${percent}% said, ${chart.width} px drawn`);
  await openMapping(page);
  await page.screenshot({ path: join(OUT, 'journalist-1280-pasted.png') });
  await page.click('#ed-mapping-summary');

  await page.click('#ed-quick-copy'); actions.push('copy the embed code');
  await page.locator('#ed-quick-status', { hasText: 'Đã sao chép' }).waitFor();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(code, await page.inputValue('#ed-embed-inline'));
  assert.match(code, /"evaluated": 94877/);
  console.log(`# actions to a copied embed code: ${actions.length} (${actions.join(', ')}); with a title typed: ${actions.length + 2}`);
  assert.equal(actions.length, 3);

  // Undo: the draft as before the paste, the first screen again.
  await page.click('#ed-undo');
  assert.equal(await page.inputValue('#f-title-vi'), '');
  await page.locator('#ed-first-step').waitFor();
  assert.deepEqual(await visibleProblems(page), []);
  assert.deepEqual(page.errors, []);
  await onlyOwnRequests(page);
  await page.close();
});

// Regression (#24): messages began with a JSON path and a tier id in
// quotes (`groups[0].counts: thiếu số lượng cho mức "excellent"`).
test('a bad count gives a message in words, in Vietnamese and in English, and its link finds the field', async () => {
  const page = await openEditor({ width: 1280 });
  await pasteTable(page, SEED_TSV);
  await page.fill('#f-groups-1-fig-1', '3.79l');
  const ids = SEED.tiers.map((t) => t.id).join('|');
  for (const [button, group, tier] of [['vi', 'Chi bộ trực thuộc Đảng ủy cơ sở', 'Hoàn thành tốt nhiệm vụ'], ['en', 'Party cells under grassroots committees', 'Completed duties well']]) {
    await page.click(`.ed-head button[lang=${button}]`);
    const error = page.locator('#ed-errors li a').first();
    await error.waitFor();
    const text = await error.textContent();
    assert.ok(text.startsWith(button === 'vi' ? `Nhóm “${group}”, mức “${tier}”: ` : `Group “${group}”, tier “${tier}”: `), text);
    const all = (await page.locator('#ed-errors li, #ed-warnings li, .ed-field-problems li').allTextContents()).join('\n');
    assert.doesNotMatch(all, /groups\[/);
    assert.doesNotMatch(all, new RegExp(`["“](${ids})["”]`));
    // The page's font, not a monospace one that breaks Vietnamese accents.
    assert.doesNotMatch(await error.evaluate((e) => getComputedStyle(e).fontFamily), /mono/i);
    await error.click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-groups-1-fig-1');
  }
  await page.click('.ed-head button[lang=vi]');
  await page.screenshot({ path: join(OUT, 'journalist-1280-errors.png') });
  await page.close();
});

test('screenshots of the editor at 1280 and 390 px: first screen, after paste, errors, outputs', async () => {
  for (const width of [1280, 390]) {
    const page = await openEditor({ width });
    await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
    await page.screenshot({ path: join(OUT, `editor-${width}-1-first.png`) });
    await pasteTable(page, SEED_TSV);
    await page.locator('.ed-frame:not(.ed-dim)').locator(CHART).waitFor();
    await page.locator('.ed-preview').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUT, `editor-${width}-2-pasted.png`) });
    // The phone view fits a phone: inside the panel at 390 px too (and is the one shown first there).
    assert.equal(await page.getAttribute('.ed-preview [data-choice=phone]', 'aria-pressed'), String(width < 700));
    await page.click('.ed-preview [data-choice=phone]');
    await page.locator('.ed-frame.ed-phone').locator(CHART).waitFor();
    const { panel, chart } = await previewBoxes(page);
    assert.ok(chart.left >= panel.left && chart.right <= panel.right + 0.5, `${width}: ${JSON.stringify({ panel, chart })}`);
    await page.locator('.ed-preview').screenshot({ path: join(OUT, `editor-${width}-3-phone.png`) });
    await page.fill('#f-groups-1-fig-1', '3.79l');
    await page.locator('#ed-errors li').first().waitFor();
    await page.locator('#ed-checks-box').screenshot({ path: join(OUT, `editor-${width}-4-errors.png`) });
    await page.fill('#f-groups-1-fig-1', '3791');
    await page.fill('#f-title-vi', 'Kết quả năm 2022');
    await page.locator('#ed-embed-inline').waitFor();
    await page.locator('.ed-publish').screenshot({ path: join(OUT, `editor-${width}-5-outputs.png`) });
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

/** Listeners on the page: on every node (CDP, shadow roots included) and on the window. */
async function listenerCount(cdp) {
  const count = async (expression) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId, depth: -1, pierce: true });
    return listeners.length;
  };
  return (await count('document')) + (await count('window'));
}

// Regression (#24): the preview draws the widget again on every change,
// and each drawing left a media-query listener and two closures behind.
test('200 keystrokes in the title leave the listeners and the JS heap flat', async () => {
  const page = await openEditor({ width: 1280 });
  // Listeners on objects outside the document (media queries…), counted as they come and go.
  await page.evaluate(() => {
    const live = new Map();
    window.__others = () => [...live.values()].reduce((n, s) => n + s.size, 0);
    const add = EventTarget.prototype.addEventListener;
    const remove = EventTarget.prototype.removeEventListener;
    EventTarget.prototype.addEventListener = function (type, fn, o) {
      if (!(this instanceof Node) && this !== window) {
        if (!live.has(this)) live.set(this, new Set());
        live.get(this).add(fn);
      }
      return add.call(this, type, fn, o);
    };
    EventTarget.prototype.removeEventListener = function (type, fn, o) {
      live.get(this)?.delete(fn);
      return remove.call(this, type, fn, o);
    };
  });
  await pasteTable(page, SEED_TSV);
  const cdp = await page.context().newCDPSession(page);
  const measure = async () => {
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return { listeners: await listenerCount(cdp), others: await page.evaluate(() => window.__others()), heap: usedSize };
  };
  await page.click('#f-title-vi');
  await page.keyboard.type('Kết quả đánh giá năm 2022 ');
  const before = await measure();
  for (let i = 0; i < 200; i++) await page.keyboard.type(i % 2 ? 'b' : 'a');
  await page.locator('.ed-frame .tb-title', { hasText: 'abab' }).waitFor();
  const after = await measure();
  console.log(`# 200 keystrokes: listeners ${before.listeners} → ${after.listeners}, others ${before.others} → ${after.others}, heap ${before.heap} → ${after.heap} (${after.heap - before.heap} bytes)`);
  assert.equal(after.listeners, before.listeners);
  assert.ok(after.others <= before.others, `listeners outside the page: ${before.others} → ${after.others}`);
  assert.ok(after.heap - before.heap < 256 * 1024, `heap grew by ${after.heap - before.heap} bytes`);
  await page.close();
});

// Regression (#24): counts → percentages turned 12 into 12% silently; a
// renamed group kept its English name unseen.
test('no silent changes: counts become percentages with the numbers said; a rename offers the other language', async () => {
  const page = await openEditor();
  await page.click('#ed-example');
  await page.selectOption('#f-groups-0-basis', 'shares');
  // 131 of 695 evaluated: 18,8%.
  assert.equal(await page.inputValue('#f-groups-0-fig-0'), '18,8');
  assert.match(await page.textContent('#f-groups-0-basis-said'), /131 → 18,8%, 539 → 77,6%/);
  await page.selectOption('#f-groups-0-basis', 'counts');
  assert.equal(await page.inputValue('#f-groups-0-fig-0'), '131');
  await page.fill('#f-groups-2-label-vi', 'Đảng viên chính thức');
  const other = page.locator('#f-groups-2-label-other');
  await other.waitFor();
  assert.match(await other.textContent(), /“Party members”/);
  await other.locator('button').nth(1).click();
  assert.equal(await page.inputValue('#f-groups-2-label-en'), '');
  assert.equal(await other.isVisible(), false);
  await page.close();
});

test('the codes say when to use each, the address is checked, the draft is kept only if wanted', async () => {
  const page = await openEditor();
  await page.click('#ed-example');
  await page.locator('#ed-base-check', { hasText: 'Đã kiểm tra' }).waitFor();
  assert.match(await page.textContent('#ed-embed-inline-when'), /không muốn đặt tệp nào/);
  assert.match(await page.textContent('#ed-embed-src-when'), /vài trăm ký tự/);
  assert.match(await page.textContent('#ed-cms'), /<script> hoặc <template>.*iframe/);
  await page.fill('#ed-base', 'https://cdn.example/tb/');
  await page.locator('#ed-base-check', { hasText: 'không kiểm tra được' }).waitFor();
  await page.fill('#ed-base', `${ctx.server.origin}/`);
  await page.locator('#ed-base-check', { hasText: 'Đã kiểm tra' }).waitFor();
  // Where the draft is kept; the switch not to keep it clears it.
  assert.match(await page.textContent('#ed-saved'), new RegExp(`trên máy này, cho trang ${ctx.server.origin.replace(/[.]/g, '\\.')}`));
  assert.ok(await page.evaluate(() => localStorage.getItem('tier-breakdown-editor/draft')));
  await page.check('#ed-no-keep');
  assert.equal(await page.evaluate(() => localStorage.getItem('tier-breakdown-editor/draft')), null);
  await page.fill('#f-title-vi', 'Số liệu chưa công bố');
  assert.equal(await page.evaluate(() => localStorage.getItem('tier-breakdown-editor/draft')), null);
  await page.reload();
  await page.locator('#f-title-vi').waitFor();
  assert.equal(await page.inputValue('#f-title-vi'), '');
  assert.equal(await page.isChecked('#ed-no-keep'), true);
  await page.close();
});
