// The shapes real reports are printed in (format version 2), drawn from the
// illustrative files in data/ with ?data=, at 360 and 1024 px, in vi and
// en: "or better, of which" split for the bar and shown as printed; shares
// as printed adding up to 100,0%; coverage without a split; approximate
// figures; the naive "of which" marked on its group in its readers' words;
// and (version 3) a partial split with its hatched rest. Then the filter, the table, the CSV and the summary on them, and
// axe on each file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { openPage, settled, slotText, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function open(file, lang, width) {
  const page = await openPage(ctx.browser, { width });
  await page.goto(`${ctx.server.origin}/?data=${file}&lang=${lang}`);
  await settled(page);
  assert.deepEqual(page.errors, []);
  return page;
}

const labels = (page, group) =>
  page.$$eval(`[data-group=${group}] .tb-seg`, (els) => els.map((e) => e.getAttribute('aria-label')));
const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent));
/** The shares a group's segments show, in tenths, from their labels ("16,2%" → 162; "<0,1%", which stands for a tenth rounded to none, → 0). */
async function tenths(page, group) {
  return (await labels(page, group)).map((l) => {
    const [, below, n] = l.match(/(<?)([\d.,]+)%/);
    return below ? 0 : Math.round(Number(n.replace(',', '.')) * 10);
  });
}

for (const width of [360, 1024]) {
  test(`"or better, of which": the split and the cumulative line, vi and en, ${width} px`, async () => {
    for (const [lang, good, line, members] of [
      ['vi', 'Hoàn thành tốt nhiệm vụ: 228 (73,1%)', 'Hoàn thành tốt nhiệm vụ trở lên: 289 (92,6%)', 'Hoàn thành tốt nhiệm vụ trở lên: 89,4%'],
      ['en', 'Completed duties well: 228 (73.1%)', 'Completed duties well or better: 289 (92.6%)', 'Completed duties well or better: 89.4%'],
    ]) {
      const page = await open('example-of-which.json', lang, width);
      assert.equal((await labels(page, 'organisations'))[1], good);
      // The figures given "or better" are on the meta line, after the coverage.
      assert.ok((await page.textContent('[data-group=organisations] .tb-coverage')).endsWith(` · ${line}`));
      assert.ok((await page.textContent('[data-group=members] .tb-coverage')).endsWith(` · ${members}`));
      assert.deepEqual(await tenths(page, 'members'), [152, 742, 99, 7]);
      assert.equal(await page.locator('.tb-mark').count(), 0);
      await page.close();
    }
  });

  test(`shares as printed, adding up to 100,0%, vi and en, ${width} px`, async () => {
    for (const [lang, first, coverage] of [
      ['vi', 'Hoàn thành xuất sắc nhiệm vụ: 17,7% (theo báo cáo: 17,65%)', '5.120 được đánh giá · tỉ lệ theo báo cáo, không có số lượng'],
      ['en', 'Completed duties excellently: 17.7% (as reported: 17.65%)', '5,120 evaluated · shares as reported, no counts'],
    ]) {
      const page = await open('example-shares.json', lang, width);
      assert.deepEqual(await tenths(page, 'members'), [162, 786, 47, 5]);
      for (const g of ['cells', 'members']) {
        assert.equal((await tenths(page, g)).reduce((a, b) => a + b), 1000, g);
      }
      assert.equal((await labels(page, 'cells'))[0], first);
      assert.equal(await page.textContent('[data-group=members] .tb-coverage'), coverage);
      // No count is shown for shares: the labels under and inside the bars carry percentages only.
      assert.deepEqual((await labels(page, 'members')).filter((l) => /: \d+ \(/.test(l)), []);
      const under = await texts(page, '[data-group=members] .tb-under-item');
      assert.ok(under.length > 0 && under.every((u) => !/\d \(/.test(u)), under.join(' | '));
      await page.close();
    }
  });

  test(`coverage without a split, vi and en, ${width} px`, async () => {
    for (const [lang, none, coverage] of [
      ['vi', 'Báo cáo không nêu số theo từng mức', '5.120 trên tổng số 5.168 được đánh giá (99,1%)'],
      ['en', 'No breakdown by tier in the report', '5,120 of 5,168 evaluated (99.1%)'],
    ]) {
      const page = await open('example-coverage.json', lang, width);
      // A full-width hatch with no text on it; its words on the meta line.
      assert.deepEqual(await texts(page, '.tb-bar.tb-rest'), ['', '', '']);
      assert.equal(await page.textContent('[data-group=members] .tb-coverage'), `${none} · ${coverage}`);
      assert.equal(await page.locator('.tb-seg').count(), 0);
      // No group is split: the key (which would name nothing drawn) is hidden, the headers say no share.
      assert.equal(await page.locator('.tb-keys').isVisible(), false);
      assert.equal(await slotText(page, '[data-group=members]'), '');
      await page.close();
    }
  });

  test(`approximate figures are marked, vi and en, ${width} px`, async () => {
    for (const [lang, nearly, about, combined] of [
      ['vi', 'Hoàn thành xuất sắc nhiệm vụ: ≈ 200 (≈ 11,5%)', '≈ 1.500', 'Xuất sắc + Tốt: ≈ 97,6%'],
      ['en', 'Completed duties excellently: ≈ 200 (≈ 11.5%)', '≈ 1,500', 'Excellent + Good: ≈ 97.6%'],
    ]) {
      const page = await open('example-approximate.json', lang, width);
      const org = await labels(page, 'organisations');
      assert.equal(org[0], nearly);
      assert.ok(org[1].includes(about), org[1]);
      assert.ok((await labels(page, 'members'))[1].includes('> 82'), 'over 82%');
      // Highlighted at first: the two best.
      assert.equal(await slotText(page, '[data-group=organisations]'), combined);
      await page.locator('.tb-reset').click();
      assert.equal(await slotText(page, '[data-group=organisations]'), lang === 'vi' ? '≈ 1.742 được đánh giá' : '≈ 1,742 evaluated');
      await page.close();
    }
  });

  test(`a naive "of which" is marked on its group in its readers' words, vi and en, ${width} px`, async () => {
    for (const [lang, want] of [
      ['vi', '⚠ các số của báo cáo cho nhóm này cộng lại là 373, không phải 312'],
      ['en', "⚠ the report's figures for this group add up to 373, not 312"],
    ]) {
      const page = await open('example-naive-of-which.json', lang, width);
      const [mark] = await texts(page, '[data-group=organisations] .tb-mark');
      assert.equal(mark, want);
      assert.equal(await page.getAttribute('[data-group=organisations] .tb-mark', 'role'), 'note');
      // How to write the file is the editor's business, not the article's:
      // no warning list, no JSON key or path anywhere in the chart.
      assert.equal(await page.locator('.tb-warnings').count(), 0);
      assert.doesNotMatch(await page.textContent('.tb'), /or_better|groups\[|counts/);
      // The mark sits on the group, before its bar.
      const order = await page.$$eval('[data-group=organisations] > *', (els) => els.map((e) => e.className));
      assert.ok(order.indexOf('tb-mark') < order.findIndex((c) => c.startsWith('tb-bar')), order.join(' '));
      await page.close();
    }
  });

  test(`a partial split: the given tiers and one hatched rest, never a tier colour, vi and en, ${width} px`, async () => {
    for (const [lang, org, members, block, selected] of [
      ['vi', 'Không nêu trong báo cáo: 3 (4,7%)', 'Không nêu trong báo cáo: 1,9%', 'Xuất sắc + Tốt: 97,6% (theo báo cáo)', 'Xuất sắc + Tốt + Hoàn thành: ≥ 95,3%'],
      ['en', 'Not given in the report: 3 (4.7%)', 'Not given in the report: 1.9%', 'Excellent + Good: 97.6% (as reported)', 'Excellent + Good + Completed: ≥ 95.3%'],
    ]) {
      const page = await open('example-partial.json', lang, width);
      const rests = () => page.$$eval('.tb-seg.tb-rest', (els) => els.map((e) => {
        const s = getComputedStyle(e);
        return { label: e.getAttribute('aria-label'), text: e.textContent, cls: e.className, image: s.backgroundImage, color: s.backgroundColor, width: e.getBoundingClientRect().width };
      }));
      const legend = await page.$$eval('.tb-legend .tb-swatch', (els) => els.map((e) => getComputedStyle(e).backgroundColor));
      for (const r of await rests()) {
        // A hatch of #9a9a9a stripes, no tier class, no fill of a tier, no text on it.
        assert.ok(r.image.startsWith('repeating-linear-gradient') && r.image.includes('rgb(154, 154, 154)'), r.image);
        assert.ok(!/tb-t\d/.test(r.cls), r.cls);
        assert.ok(!legend.includes(r.color), r.color);
        assert.equal(r.text, '');
        assert.ok(r.width >= 2, `${r.width}`);
      }
      assert.deepEqual((await rests()).map((r) => r.label), [org, members]);
      // The rest's entry in the list under the bar, after a hatched swatch.
      assert.deepEqual(await texts(page, '[data-group=organisations] .tb-under-item:not([data-tier])'), [org]);
      assert.deepEqual(await texts(page, '[data-group=members] .tb-under-item:not([data-tier])'), [members]);
      assert.equal(await page.locator('[data-group=members] .tb-under-item:not([data-tier]) .tb-swatch.tb-rest').count(), 1);
      assert.equal((await labels(page, 'members'))[0], block);
      // Excellent and good highlighted at first; completed added.
      await page.locator('.tb-legend [data-tier=completed]').click();
      assert.equal(await slotText(page, '[data-group=organisations]'), selected);
      // The filter greys the tiers, never the hatch.
      for (const r of await rests()) assert.ok(r.image.startsWith('repeating-linear-gradient'), r.image);
      await page.close();
    }
  });
}

test('table, CSV and summary on the new shapes', async () => {
  const page = await open('example-coverage.json', 'en', 1024);
  await page.locator('.tb-table-toggle').click();
  assert.deepEqual(await texts(page, '.tb-table tbody tr:nth-child(3) > *'), ['Party members', '–', '–', '–', '–', '5,120 / 5,168']);
  assert.ok((await page.textContent('.tb-summary')).includes('Party members: 5,120 of 5,168 evaluated (99.1%), no breakdown by tier in the report.'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.tb-csv').click()]);
  const csv = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  assert.ok(csv.includes('\r\nmembers,Party members,,,,,5120,5168,coverage,,,\r\n'), csv);
  await page.close();
  const shares = await open('example-shares.json', 'vi', 1024);
  await shares.locator('.tb-table-toggle').click();
  assert.equal(await shares.textContent('.tb-table tbody tr:nth-child(2) td'), '16,2%');
  await shares.close();
});

test('axe: every example of the new shapes, 360 and 1024 px', async () => {
  for (const file of ['of-which', 'shares', 'coverage', 'approximate', 'naive-of-which', 'partial']) {
    for (const width of [360, 1024]) {
      const page = await open(`example-${file}.json`, 'vi', width);
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(found, [], `${file} ${width}: ${found.join('\n')}`);
      await page.screenshot({ path: `target/screenshots/report-${file}-${width}.png`, fullPage: true });
      await page.close();
    }
  }
});

test('the ranking and the comparison on units and periods of different shapes', async () => {
  // Excellent and good are highlighted at first (the file names none: the two best).
  const page = await open('/fixtures/good/shapes-units.json', 'en', 1024);
  await page.waitForFunction(() => document.querySelector('.tb-rank-row .tb-rank-share')?.textContent === '90.0%');
  const rows = await page.$$eval('.tb-rank-row', (trs) => trs.map((tr) => [tr.dataset.unit, ...[...tr.querySelectorAll('td.tb-col-num')].map((td) => td.textContent)]));
  assert.deepEqual(rows.map((r) => r.join(' ')).sort(), ['east – –', 'north – 90.0%', 'south 400 90.0%']);
  await page.selectOption('.tb-base', '1');
  await page.waitForSelector('.tb-compare-table');
  const first = await page.$$eval('.tb-compare-table tbody tr:first-child > *', (els) => els.map((e) => e.textContent));
  assert.deepEqual(first, ['Excellent', '12.5%', '15.0%', '▲ up 2.5 pp']);
  // A unit without a split: the block says so.
  await page.locator('.tb-rank-row[data-unit=east] .tb-unit-link').click();
  await page.waitForSelector('.tb-bar.tb-rest');
  assert.equal(await page.textContent('[data-group=members] .tb-coverage'), 'No breakdown by tier in the report · 290 of 300 evaluated (96.7%)');
  assert.deepEqual(page.errors, []);
  await page.close();
});
