// The editor reads a report's text (#25 item 2), in Chromium: a paragraph
// pasted into the one paste box is read as text (not a table), drawn at
// once, shown with every figure used linked to its form field (and each
// field back to its words), the figures seen and not used greyed with the
// reason, and the questions as radio buttons. Self-contained: its own
// pages, its own output folder, no state shared with another file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, openPage, useServerAndBrowser, CHART } from './harness.mjs';

const ctx = useServerAndBrowser();
const OUT = join(ROOT, 'target', 'e2e-editor-text');
mkdirSync(OUT, { recursive: true });

const SEED = JSON.parse(readFileSync(join(ROOT, 'data/phu-tho-2022.json'), 'utf8'));

/** The built-in story's figures (data/phu-tho-2022.json) in sentences written for this test. */
const STORY = [
  'Kết quả kiểm điểm năm 2022: toàn tỉnh có 695/698 tổ chức cơ sở đảng được đánh giá, xếp loại. Trong số đó, 131 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 539 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, 25 tổ chức cơ sở đảng hoàn thành nhiệm vụ.',
  'Về chi bộ trực thuộc Đảng ủy cơ sở, 5.062/5.084 chi bộ được đánh giá, xếp loại: 894 chi bộ hoàn thành xuất sắc nhiệm vụ, 3.791 chi bộ hoàn thành tốt nhiệm vụ, 376 chi bộ hoàn thành nhiệm vụ và một chi bộ không hoàn thành nhiệm vụ.',
  'Có 94.877 đảng viên được kiểm điểm, xếp loại, trong đó 15.397 đảng viên hoàn thành xuất sắc nhiệm vụ, 74.551 đảng viên hoàn thành tốt nhiệm vụ, 4.492 đảng viên hoàn thành nhiệm vụ và 437 đảng viên không hoàn thành nhiệm vụ.',
].join('\n');

/** Results, then a target ("phấn đấu") and an award ("khen thưởng"): neither is a result. */
const TARGET_AWARD = 'Năm 2024, huyện có 64 tổ chức cơ sở đảng được đánh giá, xếp loại; 12 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, 48 hoàn thành tốt nhiệm vụ, 3 hoàn thành nhiệm vụ, 1 không hoàn thành nhiệm vụ. Năm 2025, huyện phấn đấu có 15 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ. Có 7 tổ chức cơ sở đảng được khen thưởng vì thành tích xuất sắc.';

/** 60 + 280 + 15 + 5 = 360, not 300: does "good" include the excellent ones? A question. */
const ASKS = 'Năm 2023, có 300 đảng viên được đánh giá: 60 đảng viên hoàn thành xuất sắc nhiệm vụ, 280 hoàn thành tốt nhiệm vụ, 15 hoàn thành nhiệm vụ, 5 không hoàn thành nhiệm vụ.';

/** All three at once (used, a target, an award, a question): the text view's screenshots and axe. */
const ALL = `${ASKS} Năm 2024, đảng bộ phấn đấu có 70 đảng viên hoàn thành xuất sắc nhiệm vụ. Có 9 đảng viên được tặng giấy khen.`;

/** A partial split: good or better and excellent given, the lower tiers not. */
const PARTIAL = 'Năm 2024, có 61/64 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên; trong đó 12 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ.';

/** A fresh editor (empty storage), a new blank file, in Vietnamese. */
async function openEditor({ width = 1024, colorScheme = 'light' } = {}) {
  const page = await openPage(ctx.browser, { width, colorScheme });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.server.origin });
  await page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'vi-VN' }));
  await page.goto(`${ctx.server.origin}/editor.html`);
  await page.locator('#ed-table').waitFor();
  return page;
}

/** Puts `text` on the clipboard. */
async function toClipboard(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
}

/** Pastes a text into the paste box (a real paste, through the clipboard): it is read and drawn at once. */
async function pasteText(page, text) {
  await toClipboard(page, text);
  await page.locator('#ed-table').focus();
  await page.keyboard.press('Control+V');
  assert.equal(await page.inputValue('#ed-table'), text);
  await page.locator('#ed-text').waitFor();
}

/** Downloads the results file. */
async function resultsFile(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#ed-download-json')]);
  return JSON.parse(readFileSync(await dl.path(), 'utf8'));
}

/** The preview's chart table (every figure): its rows of cell texts. */
async function previewTable(page) {
  const frame = page.locator('.ed-frame');
  await frame.locator(CHART).waitFor();
  const toggle = frame.locator('.tb-table-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return frame.locator('table tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));
}

/** The id of the focused element. */
const focused = (page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Presses Tab until `test(id, element class)` holds (at most `limit` times); returns the id. */
async function tabTo(page, want, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const [id, cls] = await page.evaluate(() => [document.activeElement?.id ?? '', document.activeElement?.className ?? '']);
    if (want(id, cls)) return id;
  }
  throw new Error('not reached by Tab');
}

test('the built-in story as report text, pasted into a new blank file, gives the built-in chart', async () => {
  const builtIn = await openEditor();
  await builtIn.click('#ed-example');
  // The built-in file's note names its implied zero, marked "0¹" in the
  // table; a pasted text brings no note, so that cell reads as any zero.
  const want = (await previewTable(builtIn)).map((r) => r.map((c) => (c === '0¹' ? '0 (0,0%)' : c)));
  assert.ok(want.flat().includes('0 (0,0%)'), 'the built-in table has its implied zero');
  await builtIn.close();

  const page = await openEditor();
  await pasteText(page, STORY);
  // It says it read a text, not a table, and how many figures it used.
  const said = await page.textContent('#ed-paste-said');
  assert.match(said, /văn bản báo cáo/);
  assert.doesNotMatch(said, /bảng/);
  assert.equal(await page.locator('#ed-mapping-box').count(), 0, 'no table mapping for a text');
  assert.deepEqual(await previewTable(page), want);
  // Every figure's words highlighted (a count and its total, "695/698", share theirs).
  const marks = await page.locator('#ed-text a.ed-used').allTextContents();
  assert.equal(marks.length, 14, marks.join(' | '));
  for (const m of marks) assert.match(m, /\d|một/, m);
  // A highlight puts the cursor in its field; the field goes back to its words.
  const mark = page.locator('#ed-text a.ed-used', { hasText: '131 tổ chức' });
  await mark.click();
  assert.equal(await focused(page), 'f-groups-0-fig-0');
  assert.equal(await page.inputValue('#f-groups-0-fig-0'), '131');
  const back = page.locator('#f-groups-0-fig-0 ~ button.ed-from');
  assert.match(await back.textContent(), /131 tổ chức cơ sở đảng/);
  await back.click();
  assert.equal(await focused(page), await mark.getAttribute('id'));
  // Both figures of "5.062/5.084" go to their fields from the one highlight.
  await page.locator('#ed-text a.ed-used', { hasText: '5.062/5.084' }).click();
  assert.equal(await focused(page), 'f-groups-1-total');
  assert.match(await page.locator('#f-groups-1-evaluated ~ button.ed-from').textContent(), /5\.062\/5\.084/);
  // The one figure worked out (organisations not completed: 0) is said so.
  assert.equal(await page.locator('#ed-text-worked li').count(), 1);
  // The results file: the built-in story's figures.
  const file = await resultsFile(page);
  assert.deepEqual(file.tiers.map((t) => t.id), SEED.tiers.map((t) => t.id));
  assert.deepEqual(
    file.groups.map((g) => [g.id, g.total, g.evaluated, g.counts]),
    SEED.groups.map((g) => [g.id, g.total, g.evaluated, g.counts]),
  );
  // The journalist corrects in the form as today; the highlight still leads there.
  await page.fill('#f-groups-0-fig-0', '130');
  assert.equal((await resultsFile(page)).groups[0].counts.excellent, 130);
  // Undo: the blank file again, and the text view gone.
  await page.click('#ed-undo');
  await page.locator('#ed-text').waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#f-groups-0-fig-0').catch(() => ''), '');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the one box says which it read: a table, then a text in its place; Undo goes back to before the first', async () => {
  const page = await openEditor();
  const table = '\tSố được đánh giá\tXuất sắc\tTốt\tHoàn thành\tKhông hoàn thành\nĐảng viên\t100\t20\t70\t9\t1\n';
  await toClipboard(page, table);
  await page.locator('#ed-table').focus();
  await page.keyboard.press('Control+V');
  await page.locator('#ed-mapping-box').waitFor();
  assert.match(await page.textContent('#ed-paste-said'), /bảng/);
  assert.equal(await page.locator('#ed-text').count(), 0);
  // A text pasted over it: read as a text, the table's mapping gone.
  await pasteText(page, TARGET_AWARD);
  assert.match(await page.textContent('#ed-paste-said'), /văn bản báo cáo/);
  assert.equal(await page.locator('#ed-mapping-box').count(), 0);
  assert.equal(await page.inputValue('#f-groups-0-evaluated'), '64');
  // One Undo: the blank file the first paste started from.
  await page.click('#ed-undo');
  await page.locator('#ed-text').waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('#f-groups-0-evaluated'), '');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a target and an award are listed as not used, and the downloaded file lacks them', async () => {
  const page = await openEditor();
  await pasteText(page, TARGET_AWARD);
  const lines = await page.locator('#ed-text-unused li').allTextContents();
  assert.equal(lines.length, 2, lines.join('\n'));
  assert.match(lines[0], /^“15”: chỉ tiêu, mục tiêu hay kế hoạch/);
  assert.match(lines[1], /^“7”: khen thưởng, không phải kết quả xếp loại/);
  // Greyed where they stand, with the reason.
  const greyed = page.locator('#ed-text .ed-unused');
  assert.deepEqual(await greyed.allTextContents(), ['15', '7']);
  assert.match(await greyed.first().getAttribute('title'), /không dùng: chỉ tiêu/);
  const file = await resultsFile(page);
  assert.equal(file.groups.length, 1);
  assert.deepEqual([file.groups[0].evaluated, file.groups[0].counts], [64, { excellent: 12, good: 48, completed: 3, not_completed: 1 }]);
  const numbers = JSON.stringify(file.groups).match(/\d+/g).map(Number);
  assert.ok(!numbers.includes(15) && !numbers.includes(7), numbers.join(' '));
  // In English, the reasons follow the editor's language.
  await page.click('.ed-switch button[lang=en]');
  assert.match((await page.locator('#ed-text-unused li').allTextContents())[1], /an award, not a review result/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('answering a question makes the draft again: the file and the preview follow', async () => {
  const page = await openEditor();
  await pasteText(page, ASKS);
  assert.equal(await page.locator('#ed-q-0 input[type=radio]').count(), 2);
  assert.ok(await page.isChecked('#ed-q-0-0'));
  const before = await resultsFile(page);
  assert.deepEqual(before.groups[0].counts.good, { or_better: 280 });
  const rowsBefore = await previewTable(page);
  await page.check('#ed-q-0-1');
  const after = await resultsFile(page);
  assert.equal(after.groups[0].counts.good, 280);
  assert.notDeepEqual(await previewTable(page), rowsBefore);
  assert.equal(await page.isChecked('#f-groups-0-orb-1'), false);
  // And back.
  await page.check('#ed-q-0-0');
  assert.deepEqual((await resultsFile(page)).groups[0].counts.good, { or_better: 280 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an answer keeps the fields corrected in the form since', async () => {
  // Regression: answering made the draft again from the reading, and a
  // figure or a total corrected in the form went back to the text's.
  const page = await openEditor();
  await pasteText(page, ASKS);
  await page.fill('#f-groups-0-fig-2', '16');
  await page.fill('#f-groups-0-total', '320');
  await page.check('#ed-q-0-1');
  const file = await resultsFile(page);
  assert.equal(file.groups[0].counts.good, 280, 'the answer');
  assert.equal(file.groups[0].counts.completed, 16, 'the correction');
  assert.equal(file.groups[0].total, 320, 'the correction');
  assert.equal(await page.inputValue('#f-groups-0-fig-2'), '16');
  assert.equal(await page.isChecked('#f-groups-0-orb-1'), false);
  // And back: the answer changes, the corrections stay.
  await page.check('#ed-q-0-0');
  const back = await resultsFile(page);
  assert.deepEqual(back.groups[0].counts.good, { or_better: 280 });
  assert.equal(back.groups[0].counts.completed, 16);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('keyboard alone: paste box, a highlight to its field and back, a question', async () => {
  const page = await openEditor();
  await toClipboard(page, ASKS);
  assert.equal(await tabTo(page, (id) => id === 'ed-table'), 'ed-table');
  await page.keyboard.press('Control+V');
  await page.locator('#ed-text').waitFor();
  // Tab to the highlight of "60 …", Enter: the cursor in its field.
  const mark = await tabTo(page, (_, cls) => cls.includes('ed-used'));
  await tabTo(page, (id) => id !== mark && id.startsWith('ed-text-used-'));
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^60 /);
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'f-groups-0-fig-0');
  // Tab to its "from the text", Space: back to the words.
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.className), /ed-from/);
  await page.keyboard.press(' ');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /^60 /);
  // Tab to the question, an arrow key chooses the other reading.
  assert.equal(await tabTo(page, (id) => id.startsWith('ed-q-0-')), 'ed-q-0-0');
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.isChecked('#ed-q-0-1'));
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('#ed-q-0-1'));
  assert.equal(await page.isChecked('#f-groups-0-orb-1'), false, 'the draft is the other reading');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a partial split\'s tiers are shown "not given", and the form can mark one', async () => {
  const page = await openEditor();
  await pasteText(page, PARTIAL);
  const ng = (j) => page.isChecked(`#f-groups-0-ng-${j}`);
  assert.deepEqual([await ng(0), await ng(1), await ng(2), await ng(3)], [false, false, true, true]);
  const kept = () => page.evaluate(() => JSON.parse(localStorage.getItem('tier-breakdown-editor/draft')).groups[0].figures.map((f) => f.not_given));
  await page.uncheck('#f-groups-0-ng-3');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('tier-breakdown-editor/draft')).groups[0].figures[3].not_given === false);
  assert.deepEqual(await kept(), [false, false, true, false]);
  await page.check('#f-groups-0-ng-3');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('tier-breakdown-editor/draft')).groups[0].figures[3].not_given === true);
  assert.deepEqual(page.errors, []);
  await page.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const colorScheme of ['light', 'dark']) {
  test(`axe and screenshots: the text view at 390 and 1280 px, ${colorScheme}`, async () => {
    for (const width of [390, 1280]) {
      const page = await openEditor({ width, colorScheme });
      await pasteText(page, ALL);
      await page.locator('.ed-first').screenshot({ path: join(OUT, `text-${width}-${colorScheme}.png`) });
      await page.locator('.ed-preview').scrollIntoViewIfNeeded();
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(found, [], `${colorScheme} ${width}: ${found.join('\n')}`);
      await page.screenshot({ path: join(OUT, `page-${width}-${colorScheme}.png`), fullPage: false });
      // A field the text gave a figure to, with its way back to the words and its "not given".
      await page.focus('#f-groups-0-fig-1');
      await page.locator('fieldset.ed-fig', { has: page.locator('#f-groups-0-fig-1') }).screenshot({ path: join(OUT, `field-${width}-${colorScheme}.png`) });
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  });
}
