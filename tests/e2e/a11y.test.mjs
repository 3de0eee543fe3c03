// Every reader: axe-core (WCAG 2.0/2.1/2.2 A and AA) in both languages,
// both themes, phone and desktop, before and after filtering; the keyboard
// alone; contrast computed from the rendered colours; no overflow and no
// overlapping text from 300 to 1280 px; the CSV download; tooltips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { openPage, settled, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page, what) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(found, [], `${what}: ${found.join('\n')}`);
}

for (const lang of ['vi', 'en']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe: ${lang}, ${colorScheme}, 360 and 1024 px, highlighted, nothing selected, filtered`, async () => {
      for (const width of [360, 1024]) {
        const page = await openPage(ctx.browser, { width, colorScheme });
        await page.goto(`${ctx.server.origin}/?lang=${lang}`);
        await settled(page);
        await axe(page, `${lang} ${colorScheme} ${width} highlighted`);
        await page.locator('.tb-reset').click();
        await axe(page, `${lang} ${colorScheme} ${width} nothing selected`);
        await page.locator('.tb-legend [data-tier=good]').click();
        await page.locator('.tb-table-toggle').click();
        await axe(page, `${lang} ${colorScheme} ${width} filtered, table shown`);
        assert.deepEqual(page.errors, []);
        await page.close();
      }
    });
  }
}

test('axe: sub-units and periods (search list open, comparison, ranking), light and dark, 360 and 1024 px', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1024]) {
      const page = await openPage(ctx.browser, { width, colorScheme });
      await page.goto(`${ctx.server.origin}/?data=/data/example-districts.json&compare=2021&unit=huyen-tam-nong&tiers=excellent,good`);
      await settled(page);
      await page.waitForSelector('.tb-rank-row');
      await axe(page, `drill ${colorScheme} ${width}`);
      await page.locator('.tb-input').fill('thanh');
      await page.locator('.tb-input').press('ArrowDown');
      await axe(page, `drill ${colorScheme} ${width}, search list open`);
      assert.deepEqual(page.errors, []);
      await page.close();
    }
  }
});

test('the whole flow with the keyboard alone', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?lang=en`);
  await settled(page);
  const live = page.locator('[aria-live=polite]');
  assert.equal(await live.textContent(), '');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.tier), 'excellent');
  // Highlighted at first; Space takes it out.
  assert.equal(await page.getAttribute('.tb-key[data-tier=excellent]', 'aria-pressed'), 'true');
  await page.keyboard.press('Space');
  assert.equal(await page.getAttribute('.tb-key[data-tier=excellent]', 'aria-pressed'), 'false');
  await page.waitForFunction(() => /Party members: Good: 78\.6%/.test(document.querySelector('.tb-announce').textContent));
  // Focus is visible: a real outline on the focused button.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  // Tab on through the legend and reset to the first segment; its tooltip opens, Escape closes it.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tb-reset');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Completed duties excellently: 131 (18.8%)');
  const tip = page.locator('.tb-tip');
  assert.equal(await tip.isVisible(), true);
  assert.equal(await tip.textContent(), 'Completed duties excellently: 131 (18.8%)');
  await page.keyboard.press('Escape');
  assert.equal(await tip.isVisible(), false);
  // Reset by keyboard: Shift+Tab back to it, Enter; it goes, and the focus
  // moves to the first tier (not lost with it).
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.getAttribute('.tb-key[data-tier=good]', 'aria-pressed'), 'false');
  assert.equal(await page.locator('.tb-reset').isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.tier), 'excellent');
  await page.waitForFunction(() => document.querySelector('.tb-announce').textContent === '');
  assert.deepEqual(page.errors, []);
});

test('tooltips stay inside the widget and off the pointer; none under 480 px', async () => {
  for (const width of [300, 1024]) {
    const page = await openPage(ctx.browser, { width });
    await page.goto(`${ctx.server.origin}/?lang=vi`);
    await settled(page);
    for (const sel of ['[data-group=members] .tb-seg[data-tier=excellent]', '[data-group=members] .tb-seg[data-tier=not_completed]',
      '[data-group=cells] .tb-seg[data-tier=good]']) {
      const seg = page.locator(sel);
      const box = await seg.boundingBox();
      const pointer = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(pointer.x, pointer.y);
      if (width < 480) {
        assert.equal(await page.locator('.tb-tip').isVisible(), false, `${sel} at ${width}: a tooltip under 480 px`);
        continue;
      }
      const tip = await page.locator('.tb-tip').boundingBox();
      const chart = await page.locator('.tb-chart').boundingBox();
      assert.ok(tip.x >= chart.x - 0.5 && tip.x + tip.width <= chart.x + chart.width + 0.5, `${sel} at ${width}: tooltip outside`);
      assert.ok(tip.width <= 240.5, `${sel} at ${width}: tooltip ${tip.width} px wide`);
      assert.ok(tip.y + tip.height <= box.y, `${sel} at ${width}: the tooltip is not above the bar`);
      const covers = pointer.x >= tip.x && pointer.x <= tip.x + tip.width && pointer.y >= tip.y && pointer.y <= tip.y + tip.height;
      assert.ok(!covers, `${sel} at ${width}: the tooltip covers the pointer`);
    }
    if (width >= 480) {
      // A click shows it too; leaving hides it.
      await page.locator('[data-group=organisations] .tb-seg[data-tier=good]').click();
      assert.equal(await page.textContent('.tb-tip'), 'Hoàn thành tốt nhiệm vụ: 539 (77,6%)');
      await page.mouse.move(1, 1);
      assert.equal(await page.locator('.tb-tip').isVisible(), false);
    }
  }
});

/** WCAG contrast of two CSS rgb() colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const colorScheme of ['light', 'dark']) {
  test(`computed contrast in the ${colorScheme} theme, all tiers and with tiers dimmed`, async () => {
    const page = await openPage(ctx.browser, { colorScheme });
    await page.goto(`${ctx.server.origin}/?lang=vi`);
    await settled(page);
    for (const state of ['highlighted', 'all', 'filtered']) {
      if (state === 'all') await page.locator('.tb-reset').click();
      if (state === 'filtered') await page.locator('.tb-legend [data-tier=completed]').click();
      // The filter's colours change in a 150 ms transition: read them once it ends.
      await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
      const facts = await page.evaluate(() => {
        // The colour behind an element: the first ancestor with an opaque background, else white.
        const behind = (el) => {
          for (let e = el; e; e = e.parentElement) {
            const bg = getComputedStyle(e).backgroundColor;
            if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
          }
          return 'rgb(255, 255, 255)';
        };
        const root = document.querySelector('.tb');
        const segs = [...document.querySelectorAll('.tb-bar')].map((bar) =>
          [...bar.querySelectorAll('.tb-seg')].map((s) => ({
            tier: s.dataset.tier,
            fill: getComputedStyle(s).backgroundColor,
            label: s.querySelector('.tb-seg-label') ? getComputedStyle(s).color : null,
          })));
        const texts = [...root.querySelectorAll('.tb-title, .tb-subtitle, .tb-hint, .tb-key bdi, .tb-reset, .tb-group-title, .tb-head-words, '
          + '.tb-head-value, .tb-under-item, .tb-coverage, .tb-source, .tb-notes li, .tb-tool, .tb-pick')]
          .filter((e) => e.getClientRects().length)
          .map((e) => ({ what: e.className || e.tagName, color: getComputedStyle(e).color, bg: behind(e), disabled: e.disabled === true }));
        return { segs, texts, page: behind(root) };
      });
      // The neutral an unselected tier recedes to (DESIGN.md) is meant to
      // recede: its label keeps 4.5:1, the 3:1 of a mark is the tiers' own.
      const neutral = ['rgb(217, 217, 217)', 'rgb(58, 58, 58)'];
      for (const bar of facts.segs) {
        // DESIGN.md's invariant: label ink ≥ 4.5:1 on every fill. No 3:1
        // between neighbours or with the page: no ordered ramp with a light
        // step keeps it; every value is printed as text and in the table.
        bar.forEach((s, i) => {
          const mark = (f) => !neutral.includes(f);
          if (i > 0 && s.tier && bar[i - 1].tier && mark(s.fill) && mark(bar[i - 1].fill)) assert.notEqual(s.fill, bar[i - 1].fill, `${state}: ${s.tier} vs its neighbour`);
          if (s.label) assert.ok(contrast(s.fill, s.label) >= 4.5, `${state}: label on ${s.tier}`);
        });
      }
      for (const t of facts.texts) {
        if (t.disabled) continue; // WCAG exempts disabled controls
        assert.ok(contrast(t.color, t.bg) >= 4.5, `${state}: text ${t.what} ${t.color} on ${t.bg}: ${contrast(t.color, t.bg).toFixed(2)}`);
      }
    }
    assert.deepEqual(page.errors, []);
  });
}

for (const width of [300, 360, 768, 1280]) {
  test(`at ${width} px nothing overflows the widget and no two texts overlap`, async () => {
    for (const lang of ['vi', 'en']) {
      const page = await openPage(ctx.browser, { width });
      await page.goto(`${ctx.server.origin}/?lang=${lang}`);
      await settled(page);
      await page.locator('.tb-legend [data-tier=excellent]').click();
      const problems = await page.evaluate(() => {
        const root = document.querySelector('.tb').getBoundingClientRect();
        const out = [];
        const all = [...document.querySelectorAll('.tb *')].filter((e) => e.getClientRects().length && !e.closest('.tb-sr'));
        for (const e of all) {
          const r = e.getBoundingClientRect();
          if (r.left < root.left - 0.5 || r.right > root.right + 0.5) out.push(`overflow: ${e.className || e.tagName} ${r.left}-${r.right}`);
        }
        const texts = [...document.querySelectorAll('.tb-title, .tb-subtitle, .tb-key, .tb-reset, .tb-hint, .tb-group-title, .tb-head-words, '
          + '.tb-head-value, .tb-seg-label, .tb-under-item, .tb-coverage, .tb-source, .tb-notes li, .tb-tool, .tb-pick')]
          .filter((e) => e.getClientRects().length);
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            if (texts[i].contains(texts[j]) || texts[j].contains(texts[i])) continue;
            // Line by line: an inline text that wraps (a footnote) has a
            // box per line, and its bounding box covers its neighbour's.
            const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            const overlap = [...texts[i].getClientRects()].some((a) => [...texts[j].getClientRects()].some((b) => hit(a, b)));
            if (overlap) out.push(`overlap: ${texts[i].className} / ${texts[j].className}`);
          }
        }
        if (document.documentElement.scrollWidth > document.documentElement.clientWidth) out.push('page scrolls sideways');
        return out;
      });
      assert.deepEqual(problems, [], `${lang} at ${width}px`);
      // Touch targets are at least 24 × 24 px.
      for (const b of await page.locator('.tb-key, .tb-reset, .tb-tool, .tb-pick').all()) {
        const box = await b.boundingBox();
        assert.ok(box.width >= 24 && box.height >= 24, `target ${await b.textContent()} is ${box.width}×${box.height}`);
      }
      await page.close();
    }
  });
}

test('"get the data" downloads the CSV with a BOM, one row per group and tier', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?lang=vi`);
  await settled(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.tb-csv').click()]);
  assert.equal(download.suggestedFilename(), 'ket-qua-danh-gia-xep-loai-to-chuc-dang-va-dang-vien-nam-2022.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const rows = bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.equal(rows[0], 'group,group_label,tier,tier_label,count,share_percent,evaluated,total');
  assert.equal(rows.length, 13);
  assert.ok(rows.includes('cells,Chi bộ trực thuộc Đảng ủy cơ sở,good,Hoàn thành tốt nhiệm vụ,3791,74.9,5062,5084'));
  assert.ok(rows.includes('members,Đảng viên,excellent,Hoàn thành xuất sắc nhiệm vụ,15397,16.2,94877,'));
  assert.ok(rows.includes('organisations,Tổ chức cơ sở đảng,not_completed,Không hoàn thành nhiệm vụ,0,0.0,695,698'));
  // Nothing left the page for it.
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(ctx.server.origin) && !u.startsWith('blob:')), []);
});

test('the figure is labelled and described, and the table is there for screen readers', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/?lang=en`);
  await settled(page);
  const name = await page.evaluate(() => {
    const f = document.querySelector('figure.tb-chart');
    return [document.getElementById(f.getAttribute('aria-labelledby')).textContent,
      document.getElementById(f.getAttribute('aria-describedby')).textContent];
  });
  assert.equal(name[0], 'Annual review of party organisations and members, 2022');
  assert.match(name[1], /^Grassroots party organisations \(695 evaluated\): Completed duties excellently 18\.8%, /);
  // Hidden table: visually hidden but in the accessibility tree.
  const snapshot = await page.locator('.tb-table').ariaSnapshot();
  assert.match(snapshot, /rowheader "Party members"/);
  assert.match(snapshot, /cell "15,397 \(16\.2%\)"/);
});
