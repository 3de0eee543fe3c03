// Hostile files and servers cannot exhaust the reader's tab: a body larger
// than the cap is refused while it is read, whatever its headers say (a
// gzip bomb, an endless chunked body), and a file of a million entries
// gives a capped list and a page that still answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startServer, launch, openPage, manyFile } from './harness.mjs';

let server, browser, cdp;
before(async () => {
  server = await startServer();
  browser = await launch();
  cdp = await browser.newBrowserCDPSession();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const renderers = async () =>
  (await cdp.send('SystemInfo.getProcessInfo')).processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);

/** A process's anonymous (private) resident memory in MiB, 0 once it is gone. */
function anonMiB(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/RssAnon:\s+(\d+)/)[1]) / 1024;
  } catch {
    return 0;
  }
}

/**
 * Opens the full page on ?data=<data> and waits for the chart or the error;
 * returns the page, the highest private memory any renderer process that
 * appeared since the page was opened reached while loading (sampled every
 * 10 ms; the list re-read every 100 ms, in case the page moves to another
 * process), and the longest a script call took to answer while it loaded.
 */
async function open(data) {
  const known = new Set(await renderers());
  const page = await openPage(browser);
  const mine = new Set();
  const relist = async () => { for (const p of await renderers()) if (!known.has(p)) mine.add(p); };
  await page.goto('about:blank');
  await relist();
  let peak = 0;
  const sampler = setInterval(() => {
    for (const p of mine) peak = Math.max(peak, anonMiB(p));
  }, 10);
  const lister = setInterval(relist, 100);
  let answer = 0;
  try {
    const shown = page.goto(`${server.origin}/?lang=en&data=${encodeURIComponent(data)}`)
      .then(() => page.locator('.tb-chart, .tb-error').first().waitFor({ timeout: 30_000 }));
    let done = false;
    shown.then(() => { done = true; }, () => { done = true; });
    // A page that froze would not answer: time a script call every 100 ms while it loads.
    while (!done) {
      const start = Date.now();
      await page.evaluate(() => document.querySelectorAll('li').length).catch(() => {});
      answer = Math.max(answer, Date.now() - start);
      await new Promise((r) => setTimeout(r, 100));
    }
    await shown;
  } finally {
    clearInterval(sampler);
    clearInterval(lister);
  }
  // The processes watched did hold the page (an idle one would pass any cap).
  assert.ok(peak > 20, `a watched renderer held the page (peak ${peak.toFixed(1)} MiB)`);
  return { page, peak, answer };
}

const tooLarge = () => [`${server.origin} is too large (the limit is 5242880 bytes)`];

for (const [name, data] of [
  ['a gzip-encoded 100 MB body (Content-Length is the compressed ~100 KB)', '/bomb.json'],
  ['a chunked 50 MB body with no Content-Length', '/endless.json'],
]) {
  test(`${name} is refused while it is read, the tab staying under 100 MiB`, async () => {
    const { page, peak } = await open(data);
    assert.deepEqual(await page.locator('.tb-error-list li').allTextContents(), tooLarge());
    // Reading it whole (Response.text()) held the body and its string: ~200 MiB for the bomb.
    assert.ok(peak < 100, `the page's renderer reached ${peak.toFixed(1)} MiB of private memory`);
    assert.deepEqual(page.errors, []);
    await page.close();
  });
}

test('5 MB files of a million entries leave the page responsive, with capped lists', async () => {
  const file = (kind) => JSON.parse(manyFile(kind));
  const notes = file('notes').notes.length;
  const zeros = file('zeros').notes.length;
  const keys = Object.keys(file('keys')).length - 5; // besides version, lang, title, tiers, groups
  const tiers = Object.keys(file('tiers').groups[0].counts).length - 2; // besides a and b
  for (const [kind, selector, first, last] of [
    // Valid notes: the chart is drawn with the first 50 (the warning is
    // the editor's and the native tool's, not the readers').
    ['notes', '.tb-notes li', `¹ n0`, null],
    // Notes that are all errors: the first 100 errors and "… and N more".
    ['zeros', '.tb-error-list li', 'notes[0]: expected a text string or {"vi": …, "en": …}, found 0', `… and ${zeros - 100} more`],
    // Unknown top-level keys: the chart drawn anyway, their warnings not
    // under it (the editor's words).
    ['keys', '.tb-title', 'Many keys', null],
    // Unknown tiers in counts: errors, capped.
    ['tiers', '.tb-error-list li', 'groups[0].counts.t0: there is no tier "t0" in the tiers list', `… and ${tiers - 100} more`],
  ]) {
    const { page, answer } = await open(`/many/${kind}.json`);
    const lines = await page.locator(selector).allTextContents();
    assert.equal(lines[0], first, kind);
    if (last) {
      assert.equal(lines.length, 101, kind);
      assert.equal(lines.at(-1), last, kind);
    }
    assert.ok((await page.locator('li').count()) <= 160, `${kind}: a capped page, not a million list items`);
    if (kind === 'notes') assert.equal(await page.locator('.tb-notes li').count(), 50);
    assert.equal(await page.locator('.tb-warnings').count(), 0, kind);
    // Parsing 5 MB blocks the page for a moment; a million list items froze it for good.
    assert.ok(answer < 10_000, `${kind}: the page took ${answer} ms to answer a script call`);
    assert.deepEqual(page.errors, [], kind);
    await page.close();
  }
});
