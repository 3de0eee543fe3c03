// Screenshots to look at (not compared): phone and desktop, vi and en,
// before and after filtering. Written to target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHART, ROOT, openPage, settled, useServerAndBrowser } from './harness.mjs';

const OUT = join(ROOT, 'target', 'screenshots');
const ctx = useServerAndBrowser();
mkdirSync(OUT, { recursive: true });

for (const width of [360, 1024]) {
  for (const [lang, colorScheme] of [['vi', 'light'], ['en', 'light'], ['vi', 'dark']]) {
    test(`screenshot ${lang} ${colorScheme} at ${width}px`, async () => {
      const page = await openPage(ctx.browser, { width, height: 800, colorScheme });
      await page.goto(`${ctx.server.origin}/?lang=${lang}`);
      await settled(page);
      const name = `seed-${lang}-${colorScheme}-${width}`;
      // As it starts: the two best tiers highlighted; then nothing selected;
      // then another selection, a segment pointed at.
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      await page.locator('.tb-reset').click();
      await page.screenshot({ path: join(OUT, `${name}-none.png`), fullPage: true });
      await page.locator('.tb-legend [data-tier=excellent]').click();
      await page.locator('.tb-legend [data-tier=completed]').click();
      await page.locator('[data-group=members] .tb-seg[data-tier=good]').hover();
      await page.screenshot({ path: join(OUT, `${name}-filtered.png`), fullPage: true });
      await page.locator('.tb-table-toggle').click();
      await page.screenshot({ path: join(OUT, `${name}-table.png`), fullPage: true });
      // Nothing wider than the page: no horizontal scroll.
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= width, `page scrolls sideways: ${scroll}px > ${width}px`);
      assert.deepEqual(page.errors, []);
    });
  }
}

// A partial split (format version 3, data/example-partial.json): the widget,
// the static chart (JavaScript off, through `standalone --static-into`) and
// the SVG image, at 360 and 1024 px, light and dark.
const PARTIAL = readFileSync(join(ROOT, 'data/example-partial.json'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'tb-partial-'));
/** `standalone` with `args`, from the worktree (as static.test.mjs runs it). */
const standalone = (args) =>
  execFileSync('cargo', ['run', '--quiet', '--offline', '--bin', 'standalone', '--', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
function staticPage() {
  const file = join(tmp, 'partial.html');
  writeFileSync(file, `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>partial</title></head><body>
<div data-tier-breakdown data-lang="vi"><script type="application/json">${PARTIAL.replace(/</g, '\\u003c')}</script></div>
<script type="module" src="/embed.js"></script></body></html>`);
  standalone(['--static-into', file]);
  return file;
}

for (const width of [360, 1024]) {
  for (const colorScheme of ['light', 'dark']) {
    test(`screenshot of a partial split, widget, static chart and SVG, ${colorScheme} at ${width}px`, async () => {
      const name = `partial-${colorScheme}-${width}`;
      const page = await openPage(ctx.browser, { width, height: 800, colorScheme });
      await page.goto(`${ctx.server.origin}/?data=example-partial.json&lang=vi`);
      await settled(page);
      assert.equal(await page.locator(`${CHART} .tb-seg.tb-rest`).count(), 2);
      await page.screenshot({ path: join(OUT, `${name}-widget.png`), fullPage: true });
      // Excellent and good highlighted at first; completed added.
      await page.locator('.tb-legend [data-tier=completed]').click();
      await page.screenshot({ path: join(OUT, `${name}-widget-filtered.png`), fullPage: true });
      assert.deepEqual(page.errors, []);
      await page.context().close();
      // JavaScript off: the static chart carries the rest too.
      const context = await ctx.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 }, colorScheme });
      const off = await context.newPage();
      await off.goto(`file://${staticPage()}`);
      const rests = await off.evaluate(() =>
        document.querySelector('[data-tier-breakdown]').shadowRoot.querySelectorAll('.tb-seg.tb-rest').length);
      assert.equal(rests, 2);
      await off.screenshot({ path: join(OUT, `${name}-static.png`), fullPage: true });
      // The SVG image, as the native tool writes it.
      const svg = join(tmp, `${name}.svg`);
      standalone(['data/example-partial.json', '--svg', svg, '--width', String(width), '--lang', 'vi', ...(colorScheme === 'dark' ? ['--dark'] : [])]);
      const html = join(tmp, `${name}-svg.html`);
      writeFileSync(html, `<!DOCTYPE html><body style="margin:0"><img src="${name}.svg" alt=""></body>`);
      await off.goto(`file://${html}`);
      await off.screenshot({ path: join(OUT, `${name}-svg.png`), fullPage: true });
      await context.close();
    });
  }
}

// Each report shape (tests/e2e/reports.test.mjs writes report-<shape>-<width>
// in the light theme): light and dark, as the chart starts (the two best
// tiers selected) and with nothing selected, at 360 and 1024 px.
for (const shape of ['shares', 'of-which', 'naive-of-which', 'coverage', 'approximate', 'partial']) {
  for (const width of [360, 1024]) {
    test(`screenshots of the ${shape} report, light and dark, as it starts and with nothing selected, at ${width}px`, async () => {
      for (const colorScheme of ['light', 'dark']) {
        const page = await openPage(ctx.browser, { width, height: 800, colorScheme });
        await page.goto(`${ctx.server.origin}/?data=example-${shape}.json&lang=vi`);
        await settled(page);
        const name = `shape-${shape}-${colorScheme}-${width}`;
        await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
        // The coverage-only example has no split, so no key (hidden) to click.
        if (await page.locator('.tb-reset').isVisible()) {
          await page.locator('.tb-reset').click();
          await page.screenshot({ path: join(OUT, `${name}-unfiltered.png`), fullPage: true });
        }
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `page scrolls sideways: ${scroll}px > ${width}px`);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    });
  }
}
