// Screenshots to look at (not compared): phone and desktop, vi and en,
// before and after filtering. Written to target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, settled, useServerAndBrowser } from './harness.mjs';

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
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      await page.locator('.tb-legend [data-tier=excellent]').click();
      await page.locator('.tb-legend [data-tier=good]').click();
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
