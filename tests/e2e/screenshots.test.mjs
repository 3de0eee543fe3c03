// Screenshots to look at (not compared): phone and desktop, vi and en,
// before and after filtering. Written to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, launch, openPage, settled } from './harness.mjs';

const OUT = join(ROOT, 'target', 'screenshots');
let server, browser;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const width of [360, 1024]) {
  for (const lang of ['vi', 'en']) {
    test(`screenshot ${lang} at ${width}px`, async () => {
      const page = await openPage(browser, { width, height: 800 });
      await page.goto(`${server.origin}/?lang=${lang}`);
      await settled(page);
      await page.screenshot({ path: join(OUT, `seed-${lang}-${width}.png`), fullPage: true });
      await page.locator('.tb-legend [data-tier=excellent]').click();
      await page.locator('.tb-legend [data-tier=good]').click();
      await page.screenshot({ path: join(OUT, `seed-${lang}-${width}-filtered.png`), fullPage: true });
      // Nothing wider than the page: no horizontal scroll.
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scroll <= width, `page scrolls sideways: ${scroll}px > ${width}px`);
      assert.deepEqual(page.errors, []);
    });
  }
}
