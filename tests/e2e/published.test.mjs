// Nothing of the editor in a published chart: a script embed and an iframe
// of files that give warnings show no file picker, no drop prompt, no
// warning list, and no text of the file's own (JSON, paths, tier ids, the
// "field … is not part of the format" warning); the full page opened by
// itself keeps its picker, quietly at the very end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHART, ROOT, openPage, settled, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();

// A warning of every kind a reader must not read: a tier that seems to be
// printed "or better" (the editor's hint names `or_better`), unknown fields
// at the top and in a group.
const naive = JSON.parse(readFileSync(join(ROOT, 'data/example-naive-of-which.json'), 'utf8'));
const FILE = JSON.stringify({ ...naive, stray: 1, groups: naive.groups.map((g) => ({ ...g, extra: 2 })) });
const EDITOR_WORDS = /groups\[|[{}]|or_better|field|trường|định dạng|stray|extra|excellent|not_completed|organisations|Lưu ý về số liệu|kéo thả|Mở tệp/;

const HOST = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>article</title></head><body>
<p>An article.</p>
<div data-tier-breakdown id="by-src" data-src="/case.json" data-lang="vi"></div>
<div data-tier-breakdown id="inline" data-lang="vi"><script type="application/json">${FILE.replace(/</g, '\\u003c')}</script></div>
<iframe id="frame" src="/?data=/case.json&amp;lang=vi" title="chart" style="width:100%;height:900px;border:0"></iframe>
<script type="module" src="/embed.js"></script></body></html>`;

async function open(width) {
  const page = await openPage(ctx.browser, { width, height: 900 });
  await page.route((url) => url.pathname === '/case.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: FILE }));
  await page.route((url) => url.pathname === '/article.html', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: HOST }));
  return page;
}

/** What a reader of `root` (an element or a document) could read or use. */
const reading = (root) => ({
  text: root.querySelector('.tb').textContent,
  pickers: root.querySelectorAll('.tb-pick, input[type=file]').length,
  warnings: root.querySelectorAll('.tb-warnings, details').length,
  marks: [...root.querySelectorAll('.tb-mark')].map((m) => m.textContent),
});

for (const width of [360, 1024]) {
  test(`a script embed and an iframe of a file with warnings say no editor words, ${width} px`, async () => {
    const page = await open(width);
    await page.goto(`${ctx.server.origin}/article.html`);
    const read = (root, src) => new Function(`return (${src})`)()(root);
    const seen = [];
    for (const id of ['by-src', 'inline']) {
      await page.locator(`#${id} ${CHART}`).waitFor();
      seen.push([id, await page.$eval(`#${id}`, (el, [src, read]) => new Function(`return (${read})`)()(el.shadowRoot, src), [reading.toString(), read.toString()])]);
    }
    await page.frameLocator('#frame').locator(CHART).waitFor();
    const frame = page.frames().find((f) => f.url().includes('/?data='));
    seen.push(['iframe', await frame.evaluate(([src, read]) => new Function(`return (${read})`)()(document, src), [reading.toString(), read.toString()])]);
    for (const [where, r] of seen) {
      assert.equal(r.pickers, 0, `${where}: a file picker in a published chart`);
      assert.equal(r.warnings, 0, `${where}: a warning list in a published chart`);
      assert.doesNotMatch(r.text, EDITOR_WORDS, `${where}: editor words`);
      // The caveat readers need, in their words, on the group.
      assert.deepEqual(r.marks, ['⚠ các số của báo cáo cho nhóm này cộng lại là 373, không phải 312'], where);
    }
    assert.deepEqual(page.errors, []);
  });
}

test('the full page opened by itself keeps the file picker, after the chart', async () => {
  const page = await open(1024);
  await page.goto(`${ctx.server.origin}/?data=/case.json&lang=vi`);
  await settled(page);
  assert.equal(await page.locator('.tb-pick input[type=file]').count(), 1);
  // At the very end: nothing of the widget after it.
  assert.equal(await page.evaluate(() => document.querySelector('.tb-pick').nextElementSibling), null);
  assert.doesNotMatch(await page.textContent('.tb-chart'), EDITOR_WORDS);
  assert.deepEqual(page.errors, []);
});
