// Sub-units and periods in Chromium: choosing a unit by mouse, keyboard and
// accent-free search; the ranking table (sorting, filter, keyboard, a
// 10,000-unit file with a bounded DOM); the period switch and comparison;
// the view in the address and in data-* options; screenshots at 360/1024.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, segmentPaint, settled, useServerAndBrowser } from './harness.mjs';

const ctx = useServerAndBrowser();
const EXAMPLE = '/data/example-districts.json';
const SHOTS = join(ROOT, 'target', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

async function open(query, options, ready = '.tb-group') {
  const page = await openPage(ctx.browser, options);
  await page.goto(`${ctx.server.origin}/?${query}`);
  await settled(page);
  await page.waitForSelector(ready);
  return page;
}

/** How many were evaluated in each group, from the meta lines (`705 trên tổng số …`). */
const headlines = (page) => page.$$eval('.tb-coverage', (els) => els.map((e) => e.textContent.split(' ')[0]));
const scope = (page) => page.textContent('.tb-scope');
const rankNames = (page) => page.$$eval('.tb-rank-row .tb-unit-link', (els) => els.map((e) => e.textContent));
const rankShares = (page) => page.$$eval('.tb-rank-share', (els) => els.map((e) => e.textContent));
const param = (page, key) => new URL(page.url()).searchParams.get(key);
/** Waits for the address to show `key=value` (it is written ~250 ms after the view settles). */
async function paramBecomes(page, key, value) {
  await page.waitForFunction(([k, v]) => new URL(location.href).searchParams.get(k) === v, [key, value], { timeout: 5000 });
  assert.equal(param(page, key), value);
}
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Shares "12,3%" as numbers, for order checks. */
const num = (texts) => texts.map((t) => Number(t.replace(/[<>%]/g, '').replace(/\./g, '').replace(',', '.')));

test('a file without units or periods has no drill-down controls', async () => {
  const page = await open('');
  assert.equal(await page.locator('.tb-drill, .tb-scope, .tb-ranking, .tb-compare').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('choosing a unit with the mouse in the ranking switches the whole chart', async () => {
  const page = await open(`data=${EXAMPLE}`);
  assert.deepEqual(await headlines(page), ['705', '52.819']);
  assert.match(await scope(page), /Năm 2022$/);
  await page.click('.tb-rank-row[data-unit=huyen-tam-nong] .tb-unit-link');
  await settle(page);
  assert.equal(await scope(page), 'Huyện Tam Nông · Năm 2022');
  assert.deepEqual(await headlines(page), ['51', '3.819']);
  assert.equal(await page.getAttribute('.tb-rank-row[data-unit=huyen-tam-nong] .tb-unit-link', 'aria-current'), 'true');
  await paramBecomes(page, 'unit', 'huyen-tam-nong');
  // Back to the whole area.
  await page.click('.tb-whole');
  await settle(page);
  assert.deepEqual(await headlines(page), ['705', '52.819']);
  await paramBecomes(page, 'unit', null);
  assert.deepEqual(page.errors, []);
});

test('searching without accents finds the unit; the keyboard chooses it', async () => {
  const page = await open(`data=${EXAMPLE}&lang=en`);
  const box = page.getByRole('combobox', { name: 'Unit' });
  await box.fill('viet tri');
  await settle(page);
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await page.$$eval('.tb-option', (els) => els.map((e) => e.textContent)), ['Thành phố Việt Trì']);
  assert.equal(await page.textContent('.tb-unit .tb-sr'), '1 unit matches');
  await box.press('Enter');
  await settle(page);
  assert.equal(await scope(page), 'Thành phố Việt Trì · 2022');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  // Arrow keys move the active option (aria-activedescendant), Enter picks it.
  await box.fill('huyen thanh');
  await settle(page);
  assert.deepEqual(await page.$$eval('.tb-option', (els) => els.map((e) => e.textContent)),
    ['Huyện Thanh Ba', 'Huyện Thanh Sơn', 'Huyện Thanh Thủy']);
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  await settle(page);
  const active = await box.getAttribute('aria-activedescendant');
  assert.equal(await page.textContent(`#${active}`), 'Huyện Thanh Thủy');
  await box.press('Enter');
  await settle(page);
  assert.equal(await scope(page), 'Huyện Thanh Thủy · 2022');
  // Nothing matches: said so.
  await box.fill('zzz');
  await settle(page);
  assert.deepEqual(await page.$$eval('.tb-option', (els) => els.map((e) => e.textContent)), ['No unit matches']);
  assert.equal(await page.getAttribute('.tb-option', 'aria-disabled'), 'true');
  await box.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  assert.deepEqual(page.errors, []);
});

test('the ranking sorts by every column and follows the tier filter', async () => {
  // From nothing selected (the file's highlight would select two).
  const page = await open(`data=${EXAMPLE}&lang=en&tiers=none`);
  // Default: share of the best tier, highest first.
  const first = num(await rankShares(page));
  assert.deepEqual(first, [...first].sort((a, b) => b - a));
  assert.equal(await page.getAttribute('th:has(button[data-key=sort-share])', 'aria-sort'), 'descending');
  // By name, A to Z (accents folded), then Z to A.
  await page.click('button[data-key=sort-name]');
  await settle(page);
  const names = await rankNames(page);
  assert.equal(names[0], 'Huyện Cẩm Khê');
  assert.equal(await page.getAttribute('th:has(button[data-key=sort-name])', 'aria-sort'), 'ascending');
  await page.click('button[data-key=sort-name]');
  await settle(page);
  assert.equal((await rankNames(page))[0], 'Thị xã Phú Thọ');
  // By count evaluated, largest first.
  await page.click('button[data-key=sort-count]');
  await settle(page);
  const counts = (await page.$$eval('.tb-rank-row td.tb-col-num:not(.tb-rank-share)', (els) => els.map((e) => e.textContent)))
    .map((t) => Number(t.replace(/,/g, '')));
  assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
  // The filter changes the share column at once.
  await page.click('button[data-key=sort-share]');
  const before = await rankShares(page);
  await page.getByRole('button', { name: 'Completed duties well' }).click();
  await settle(page);
  assert.match(await page.textContent('button[data-key=sort-share]'), /Excellent \+ Good|Good/);
  assert.notDeepEqual(await rankShares(page), before);
  // Another group.
  await page.selectOption('.tb-rank-group', 'members');
  await settle(page);
  assert.equal((await rankNames(page)).length, 13);
  assert.deepEqual(page.errors, []);
});

test('the ranking works from the keyboard', async () => {
  const page = await open(`data=${EXAMPLE}&lang=en`);
  await page.focus('.tb-rank-row .tb-unit-link');
  const firstName = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('ArrowDown');
  await settle(page);
  const second = await page.evaluate(() => document.activeElement.textContent);
  assert.notEqual(second, firstName);
  await page.keyboard.press('End');
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'u12');
  await page.keyboard.press('Enter');
  await settle(page);
  const last = await page.evaluate(() => document.activeElement.textContent);
  assert.equal(await scope(page), `${last} · 2022`);
  // The focus stays on the row after the redraw.
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'u12');
  // Sorting from the keyboard.
  await page.focus('button[data-key=sort-name]');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await page.getAttribute('th:has(button[data-key=sort-name])', 'aria-sort'), 'ascending');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), 'sort-name');
  assert.deepEqual(page.errors, []);
});

test('switching period and comparing two periods', async () => {
  // From nothing selected (the file's highlight would select two).
  const page = await open(`data=${EXAMPLE}&lang=en&tiers=none`);
  assert.equal(await page.locator('.tb-compare').isHidden(), true);
  await page.click('.tb-period[data-key="1"]');
  await settle(page);
  assert.equal(await scope(page), 'Phú Thọ province (real district names, invented figures) · 2021');
  assert.equal(await page.getAttribute('.tb-period[data-key="1"]', 'aria-pressed'), 'true');
  await paramBecomes(page, 'period', '2021');
  // Compare 2022 with 2021.
  await page.click('.tb-period[data-key="0"]');
  await page.selectOption('.tb-base', '1');
  await settle(page);
  assert.equal(await page.textContent('.tb-compare h3'), '2022 compared with 2021');
  const rows = await page.$$eval('.tb-compare-table[data-group=members] tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.direction, ...[...tr.children].map((c) => c.textContent)]));
  assert.equal(rows.length, 4);
  for (const [direction, , before, after, change] of rows) {
    const delta = Math.round((parseFloat(after) - parseFloat(before)) * 10) / 10;
    const expected = delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
    assert.equal(direction, expected);
    // Direction in words and a symbol, not colour alone.
    if (expected === 'up') assert.match(change, /^▲ up \d+\.\d pp$/);
    if (expected === 'down') assert.match(change, /^▼ down \d+\.\d pp$/);
    if (expected === 'same') assert.equal(change, '= no change');
    if (expected !== 'same') assert.equal(Number(change.match(/\d+\.\d/)[0]), Math.abs(delta));
  }
  await paramBecomes(page, 'compare', '2021');
  // Two tiers selected: a row for them together.
  await page.getByRole('button', { name: 'Completed duties excellently' }).click();
  await page.getByRole('button', { name: 'Completed duties well' }).click();
  await settle(page);
  assert.equal(await page.locator('.tb-compare-table[data-group=members] tbody tr').count(), 5);
  assert.match(await page.textContent('.tb-compare-table[data-group=members] tbody tr:last-child th'), /Excellent \+ Good/);
  // The comparison follows the unit.
  await page.click('.tb-rank-row[data-unit=huyen-tam-nong] .tb-unit-link');
  await settle(page);
  assert.match(await page.textContent('.tb-compare-table[data-group=members] tbody tr:first-child'), /9\.4%23\.8%▲ up 14\.4 pp/);
  assert.deepEqual(page.errors, []);
});

test('a unit without figures in the shown period says so, and offers no empty download', async () => {
  const page = await open('data=/fixtures/good/units-gap.json&unit=south', {}, '.tb-nodata');
  assert.equal(await scope(page), 'South · 2022');
  assert.equal(await page.textContent('.tb-groups'), 'This unit has no figures for this period');
  // "Get the data" has nothing to give: no download, no navigation.
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.waitForTimeout(400); // the address is written once after loading
  const before = page.url();
  await page.click('.tb-csv');
  await page.waitForTimeout(500);
  assert.equal(downloads, 0);
  assert.equal(page.url(), before);
  // The ranking shows it without figures; the other period has them.
  assert.deepEqual(await rankShares(page), ['<0.1%', '–']);
  await page.click('.tb-period[data-key="1"]');
  await settle(page);
  assert.equal(await page.locator('.tb-group').count(), 1);
  // Back to the whole area: the focus goes to the search box, not to the page.
  await page.focus('.tb-whole');
  await page.keyboard.press('Enter');
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tb-input');
  // Tiny shares in the comparison read as on the bars.
  await page.click('.tb-period[data-key="0"]');
  await page.selectOption('.tb-base', '1');
  await settle(page);
  assert.deepEqual(await page.$$eval('.tb-compare-table tbody tr:first-child td', (tds) => tds.map((t) => t.textContent)),
    ['0.0%', '<0.1%', '= no change']);
  assert.deepEqual(page.errors, []);
});

test('a view is restored from the address, and a bad one falls back', async () => {
  const page = await open(`data=${EXAMPLE}&lang=en&unit=huyen-tam-nong&period=2021&compare=2022&tiers=excellent,good`);
  assert.equal(await scope(page), 'Huyện Tam Nông · 2021');
  assert.equal(await page.getAttribute('.tb-key[data-tier=excellent]', 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('.tb-key[data-tier=good]', 'aria-pressed'), 'true');
  assert.equal(await page.textContent('.tb-compare h3'), '2021 compared with 2022');
  assert.equal(await page.$eval('.tb-base', (s) => s.value), '0');
  assert.equal(await page.getAttribute('.tb-rank-row[data-unit=huyen-tam-nong] .tb-unit-link', 'aria-current'), 'true');
  // Unknown ids are ignored, not errors.
  const bad = await open(`data=${EXAMPLE}&unit=nowhere&period=1999&compare=zzz`);
  assert.match(await scope(bad), /Năm 2022$/);
  assert.equal(await bad.locator('.tb-compare').isHidden(), true);
  assert.deepEqual([...page.errors, ...bad.errors], []);
});

test('a burst of filter clicks is drawn at once, then announced and written to the address once', async () => {
  const page = await openPage(ctx.browser);
  await page.addInitScript(() => {
    window.__writes = [];
    const replace = history.replaceState.bind(history);
    history.replaceState = (state, title, url) => { window.__writes.push(String(url)); return replace(state, title, url); };
  });
  // From nothing selected (the file's highlight would select two).
  await page.goto(`${ctx.server.origin}/?data=${EXAMPLE}&lang=en&tiers=none`);
  await settled(page);
  await page.waitForTimeout(600);
  const before = await page.evaluate(() => window.__writes.length);
  // Five clicks 60 ms apart, each in its own task: the bars follow each one
  // inside its click…
  const pressed = await page.evaluate(async () => {
    window.__said = 0;
    new MutationObserver((records) => { window.__said += records.length; })
      .observe(document.querySelector('.tb-announce'), { childList: true, characterData: true, subtree: true });
    const key = (t) => document.querySelector(`.tb-key[data-tier=${t}]`);
    const states = [];
    for (const t of ['excellent', 'good', 'completed', 'good', 'completed']) {
      key(t).click();
      states.push(document.querySelector('.tb-groups').className);
      await new Promise((r) => setTimeout(r, 60));
    }
    return { states, writes: window.__writes.length, said: window.__said };
  });
  assert.deepEqual(pressed.states, ['tb-groups tb-sel tb-s0', 'tb-groups tb-sel tb-s0 tb-s1', 'tb-groups tb-sel tb-s0 tb-s1 tb-s2',
    'tb-groups tb-sel tb-s0 tb-s2', 'tb-groups tb-sel tb-s0']);
  // What the reader sees after the burst: one tier in colour, the others grey.
  assert.deepEqual(await segmentPaint(page, '.tb-group[data-group=members]'), { grey: 3, ruled: 1, greyItems: 2 });
  // Screen readers hear the end result once, not every step of the burst.
  await page.waitForFunction(() => document.querySelector('.tb-announce').textContent !== '');
  assert.match(await page.textContent('.tb-announce'), /^Grassroots party organisations: Excellent: [\d.]+%; Party members: Excellent: [\d.]+%$/);
  assert.equal(pressed.said, 0);
  assert.equal(await page.evaluate(() => window.__said), 1);
  // …and the address is not touched during the burst, then written once.
  assert.equal(pressed.writes, before);
  await paramBecomes(page, 'tiers', 'excellent');
  await page.waitForTimeout(400);
  const writes = await page.evaluate(() => window.__writes);
  assert.equal(writes.length, before + 1, writes.join('\n'));
  assert.deepEqual(page.errors, []);
});

test('the script embed takes the view as data-* options and leaves the host URL alone', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/hosts/plain.html`);
  await page.evaluate((src) => {
    const el = document.createElement('div');
    el.className = 'drill-widget';
    Object.assign(el.dataset, { tierBreakdown: '', src, unit: 'huyen-tam-nong', period: '2021', compare: '2022', lang: 'en' });
    document.body.append(el);
    const s = document.createElement('script');
    s.type = 'module';
    s.src = '/embed.js';
    document.body.append(s);
  }, EXAMPLE);
  const host = page.locator('.drill-widget');
  await host.locator('.tb-scope').waitFor();
  assert.equal(await host.locator('.tb-scope').textContent(), 'Huyện Tam Nông · 2021');
  await host.locator('.tb-period[data-key="0"]').click();
  // Wait for the period to be drawn before choosing a unit in it (on a busy
  // machine the click could land on the ranking being redrawn).
  await host.locator('.tb-scope', { hasText: 'Huyện Tam Nông · 2022' }).waitFor();
  await host.locator('.tb-rank-row[data-unit=huyen-ha-hoa] .tb-unit-link').click();
  await host.locator('.tb-scope', { hasText: 'Huyện Hạ Hòa' }).waitFor();
  assert.equal(await host.locator('.tb-scope').textContent(), 'Huyện Hạ Hòa · 2022');
  // Longer than the full page waits before it writes its address.
  await page.waitForTimeout(600);
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(page.errors, []);
});

test('the iframe restores a view from its address and keeps it there, not in the parent page', async () => {
  const page = await openPage(ctx.browser);
  await page.goto(`${ctx.server.origin}/hosts/plain.html`);
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.title = 'chart';
    f.style.width = '800px';
    f.style.height = '900px';
    document.body.append(f);
  }, `/index.html?data=${EXAMPLE}&lang=en&unit=huyen-tam-nong&compare=2021`);
  const frame = page.frameLocator('iframe[title=chart]');
  await frame.locator('.tb-scope').waitFor();
  assert.equal(await frame.locator('.tb-scope').textContent(), 'Huyện Tam Nông · 2022');
  assert.equal(await frame.locator('.tb-compare h3').textContent(), '2022 compared with 2021');
  await frame.locator('.tb-rank-row[data-unit=huyen-ha-hoa] .tb-unit-link').click();
  // Excellent and good highlighted at first: a click takes excellent out.
  await frame.locator('.tb-key[data-tier=excellent]').click();
  const innerFrame = page.frames().find((f) => f.url().includes('index.html'));
  await innerFrame.waitForFunction(() => new URL(location.href).searchParams.get('tiers') === 'good', null, { timeout: 5000 });
  const inner = new URL(innerFrame.url());
  assert.equal(inner.searchParams.get('unit'), 'huyen-ha-hoa');
  assert.equal(inner.searchParams.get('tiers'), 'good');
  assert.equal(inner.searchParams.get('compare'), '2021');
  assert.equal(inner.searchParams.get('data'), EXAMPLE);
  assert.equal(new URL(page.url()).search, '');
  assert.deepEqual(page.errors, []);
});

test('10,000 units: a few hundred rows in the DOM at most, and scrolling reaches the last', async () => {
  const page = await open('data=/gen/units-10000-1.json&lang=en');
  assert.equal(await page.getAttribute('.tb-rank', 'aria-rowcount'), '10001');
  const rows = () => page.locator('.tb-rank-row').count();
  assert.ok((await rows()) <= 200, `rows in DOM: ${await rows()}`);
  // Scroll to the bottom: the last unit of the ranking is drawn.
  await page.$eval('.tb-rank-scroll', (el) => { el.scrollTop = el.scrollHeight; });
  await settle(page);
  assert.ok((await rows()) <= 200);
  assert.equal(await page.$eval('.tb-rank-scroll', (sc) => [...sc.querySelectorAll('.tb-rank-row')].pop().getAttribute('aria-rowindex')), '10001');
  const lastVisible = await page.$eval('.tb-rank-scroll', (sc) => {
    const box = sc.getBoundingClientRect();
    const last = [...sc.querySelectorAll('.tb-rank-row')].pop().getBoundingClientRect();
    return last.bottom <= box.bottom + 1 && last.top >= box.top;
  });
  assert.ok(lastVisible, 'the last row is inside the scrolling box');
  // Filter and sort stay bounded too, and search finds one of 10,000.
  await page.getByRole('button', { name: 'Completed duties well' }).click();
  await page.click('button[data-key=sort-name]');
  await settle(page);
  assert.ok((await rows()) <= 200);
  const box = page.getByRole('combobox', { name: 'Unit' });
  await box.fill('xa viet tri');
  await settle(page);
  const options = await page.locator('.tb-option').count();
  assert.ok(options > 0 && options <= 50, `options: ${options}`);
  await box.press('Enter');
  await settle(page);
  assert.match(await scope(page), /^Xã Việt Trì/);
  assert.deepEqual(page.errors, []);
});

/** How many lines each visible header cell of `selector` runs to (text lines, by their boxes). */
const headerLines = (page, selector) => page.$$eval(selector, (ths) => ths
  .filter((th) => th.getClientRects().length > 0)
  .map((th) => {
    const tops = [];
    const walk = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      // The sort arrow sits beside the words, centred on them: not a line.
      if (n.parentElement.closest('[aria-hidden="true"]')) continue;
      const r = document.createRange();
      r.selectNodeContents(n);
      for (const b of r.getClientRects()) if (b.width > 0 && !tops.some((t) => Math.abs(t - b.top) < 4)) tops.push(b.top);
    }
    return [th.textContent, tops.length];
  }));

for (const width of [360, 1024]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the drill views at ${width}px, ${colorScheme}: short headers, mini bars of 96 px or none; screenshots`, async () => {
      const dark = colorScheme === 'dark' ? '-dark' : '';
      const page = await open(`data=${EXAMPLE}&unit=huyen-tam-nong&tiers=excellent,good`, { width, colorScheme });
      await page.screenshot({ path: join(SHOTS, `drill-unit-${width}${dark}.png`), fullPage: true });
      const cmp = await open(`data=${EXAMPLE}&compare=2021`, { width, colorScheme });
      await cmp.screenshot({ path: join(SHOTS, `drill-compare-${width}${dark}.png`), fullPage: true });
      const search = await open(`data=${EXAMPLE}`, { width, colorScheme });
      await search.locator('.tb-input').fill('thanh');
      await search.screenshot({ path: join(SHOTS, `drill-search-${width}${dark}.png`) });
      // DESIGN.md, 360 px: no header runs past two lines (ranking, comparison, data table).
      await cmp.locator('.tb-table-toggle').click();
      for (const [p, sel] of [[page, '.tb-rank thead th'], [cmp, '.tb-compare-table th'], [cmp, '.tb-chart > .tb-table-wrap thead th']]) {
        const lines = await headerLines(p, sel);
        assert.ok(lines.length > 0, sel);
        for (const [text, n] of lines) assert.ok(n <= 2, `${sel} "${text}" runs to ${n} lines`);
      }
      // The ranking's mini bars: none under 480 px, else at least 96 px wide.
      const minis = await page.$$eval('.tb-mini', (els) => els.map((e) => e.getBoundingClientRect().width).filter((w) => w > 0));
      if (width < 480) assert.deepEqual(minis, []);
      else assert.ok(minis.length > 0 && Math.min(...minis) >= 96, `mini bars ${Math.min(...minis)} px`);
      // The period switch is a control of its own, not the key's items.
      assert.equal(await page.locator('.tb-periods .tb-key').count(), 0);
      // Nothing wider than the page.
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      assert.deepEqual([...page.errors, ...cmp.errors, ...search.errors], []);
      for (const p of [page, cmp, search]) await p.context().close();
    });
  }
}

test('a partial split\'s rest is hatched in the ranking\'s mini bar, where its tiers would sit, never in a tier colour', async () => {
  const page = await open('data=/fixtures/good/units-partial.json', {}, '.tb-rank-row');
  const bar = (unit) => page.$$eval(`.tb-rank-row[data-unit="${unit}"] .tb-mini-seg`, (els) => els.map((e) => ({
    rest: e.classList.contains('tb-rest'), left: e.style.left, width: e.style.width, image: getComputedStyle(e).backgroundImage,
  })));
  // Full: four tiers, no rest.
  assert.deepEqual((await bar('full')).map((s) => s.rest), [false, false, false, false]);
  // Partial (12 excellent, 61 good or better, the lower two not given, of 64):
  // excellent 18.8%, good alone 76.6%, then the rest 4.7% at 95.3%, hatched.
  const partial = await bar('partial');
  assert.deepEqual(partial.map((s) => s.rest), [false, false, true], JSON.stringify(partial));
  const rest = partial[2];
  assert.equal(rest.width, '4.7%');
  assert.equal(rest.left, '95.3%');
  assert.match(rest.image, /repeating-linear-gradient/);
  assert.deepEqual(page.errors, []);
  await page.close();
});
