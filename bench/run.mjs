// `make bench`: the release widget against a hand-written vanilla page (the
// floor), Vega-Lite and Observable Plot, drawing the same seed chart from the
// same JSON over a local server, in headless Chromium, interleaved rounds.
// Prints medians (min–max) and ratios to the floor; then the scaling mode
// (N = 10 … 10,000 sub-units, widget vs a windowed vanilla floor); writes
// target/bench/results.json. Speed is measured here, never asserted.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import os from 'node:os';
import { ROOT, startServer, launch } from '../tests/e2e/harness.mjs';
import { lighthouse } from './lighthouse.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const ALL_PAGES = [
  { name: 'vanilla (floor)', url: '/bench/vanilla.html', bars: '.bar', count: 11, click: ['button[data-tier=good]', 'button[data-tier=completed]'] },
  // The widget drawing a file it fetches (?data= hides the page's static chart).
  { name: 'tier-breakdown', url: '/?lang=vi&data=/data/phu-tho-2022.json', bars: '.tb:not([data-tb-static]) .tb-seg', count: 11, click: ['.tb-key[data-tier=good]', '.tb-key[data-tier=completed]'] },
  // The full page on its built-in data: the chart is in the HTML (core::prerender);
  // the clicks wait until the wasm has taken it over.
  { name: 'tier-breakdown, prerendered', url: '/', bars: '.tb-seg', count: 11, ready: '.tb:not([data-tb-static]) .tb-seg', click: ['.tb-key[data-tier=good]', '.tb-key[data-tier=completed]'] },
  { name: 'Observable Plot + d3', url: '/bench/plot.html', bars: 'svg g[aria-label="bar"] rect', count: 11, click: ['button[data-tier=good]', 'button[data-tier=completed]'] },
  { name: 'Vega-Lite + vega-embed', url: '/bench/vegalite.html', bars: '.mark-rect path', count: 11, click: ['.role-legend-symbol path >> nth=1', '.role-legend-symbol path >> nth=2'] },
];

// ONLY=vanilla,tier keeps the pages whose names start with one of those words.
const PAGES = ALL_PAGES.filter((p) => !process.env.ONLY || process.env.ONLY.split(',').some((o) => p.name.startsWith(o)));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

/** In-page probe: records when the expected number of bars is in the DOM. */
function probe({ bars, count }) {
  window.__bench = { chart: null };
  const check = () => {
    if (window.__bench.chart === null && document.querySelectorAll(bars).length >= count) window.__bench.chart = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true });
}

/**
 * In-page: arms a probe for one filter click. The click itself is a real
 * mouse click from the test (some libraries ignore synthetic events); its
 * time is the click event's timestamp. Resolves to [ms to the first DOM
 * change, ms to the next frame after it (its requestAnimationFrame, before
 * that frame's style and layout), ms from the start of the click's dispatch
 * in the page to the first DOM change (no input delay), ms to the end of
 * that frame's work on the main thread (a task queued from its
 * requestAnimationFrame runs after its style, layout and paint), and the
 * click's Event Timing: [input delay (of its first event), processing
 * (of all its events: pointerdown to click), presentation delay (from the
 * last handler to the paint), duration from the input to the next paint]
 * (NaN when the browser reported none: under 16 ms)].
 */
function armFilter() {
  window.__filterDone = new Promise((resolve) => {
    let t0 = null;
    let t1 = null;
    const timing = [];
    const po = new PerformanceObserver((list) => timing.push(...list.getEntries()));
    po.observe({ type: 'event', durationThreshold: 16 });
    addEventListener('click', (e) => { t0 = e.timeStamp; t1 = performance.now(); }, { capture: true, once: true });
    const mo = new MutationObserver(() => {
      if (t0 === null) return;
      mo.disconnect();
      const tDom = performance.now();
      requestAnimationFrame(() => {
        const tFrame = performance.now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const tDone = performance.now();
          // Event Timing entries arrive after the paint they end at.
          setTimeout(() => {
            po.takeRecords().forEach((e) => timing.push(e));
            po.disconnect();
            // The click's interaction: pointerdown … click, one paint.
            const id = timing.find((e) => e.name === 'click' && e.interactionId)?.interactionId;
            const mine = timing.filter((e) => id && e.interactionId === id).sort((a, b) => a.startTime - b.startTime);
            const first = mine[0];
            const end = first && Math.max(...mine.map((e) => e.startTime + e.duration));
            const done = first && Math.max(...mine.map((e) => e.processingEnd));
            const et = first
              ? [first.processingStart - first.startTime, mine.reduce((t, e) => t + e.processingEnd - e.processingStart, 0), end - done, end - first.startTime]
              : [NaN, NaN, NaN, NaN];
            resolve([tDom - t0, tFrame - t0, tDom - t1, tDone - t0, et]);
          }, 300);
        };
        ch.port2.postMessage(0);
      });
    });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Where a click's main-thread time goes, from a Chromium trace of it:
 * script (event dispatch), style recalculation (and the elements it
 * restyled), layout (and the objects it laid out), pre-paint and paint.
 */
function breakdown(trace) {
  const json = JSON.parse(trace.toString());
  const events = Array.isArray(json) ? json : json.traceEvents;
  // The page's main thread: where the click was dispatched.
  const main = events.find((e) => e.name === 'EventDispatch');
  const on = events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid);
  const sum = (name) => on.filter((e) => e.name === name).reduce((t, e) => t + e.dur / 1000, 0);
  const count = (name, f) => on.filter((e) => e.name === name).reduce((t, e) => t + (f(e.args) ?? 0), 0);
  return {
    scriptMs: sum('EventDispatch'),
    styleMs: sum('UpdateLayoutTree'),
    styleElements: count('UpdateLayoutTree', (a) => a?.elementCount),
    layoutMs: sum('Layout'),
    layoutObjects: count('Layout', (a) => a?.beginData?.dirtyObjects),
    prePaintMs: sum('PrePaint'),
    paintMs: sum('Paint'),
  };
}

async function measure(browser, origin, page, rate, { trace = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const bodies = [];
  tab.on('response', async (r) => {
    if (!/\.(js|wasm|css|json)(\?|$)/.test(new URL(r.url()).pathname) && !/json|javascript|wasm|css/.test(r.headers()['content-type'] ?? '')) return;
    try { bodies.push(await r.body()); } catch { /* aborted */ }
  });
  tab.on('crash', () => console.error('renderer crashed:', page.name));
  await tab.addInitScript(probe, { bars: page.bars, count: page.count });
  await tab.goto(origin + page.url);
  // Polled with plain evaluations: Playwright's selector engine (injected
  // by waitForFunction and locators) weighs ~1.3 MB of the page's JS heap.
  let chartMs = null;
  for (const t0 = Date.now(); chartMs === null && Date.now() - t0 < 60_000;) {
    chartMs = await tab.evaluate(() => window.__bench.chart);
    if (chartMs === null) await tab.waitForTimeout(50);
  }
  if (chartMs === null) throw new Error('no chart within 60 s');
  // A prerendered chart is seen before its wasm runs: the clicks wait for the widget.
  let readyMs = chartMs;
  if (page.ready) {
    for (const t0 = Date.now(); Date.now() - t0 < 60_000;) {
      const t = await tab.evaluate((sel) => (document.querySelector(sel) ? performance.now() : null), page.ready);
      if (t !== null) { readyMs = t; break; }
      await tab.waitForTimeout(50);
    }
  }
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await tab.waitForTimeout(300);
  // Live JS heap, garbage collected first, before the clicks bring in
  // Playwright's helpers; on every page alike.
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const filters = [];
  // Alternate between two tiers, so that every click changes the chart
  // whether the library toggles (ours, the floor, Plot) or selects (Vega-Lite).
  let firstClickTrace = null;
  for (let i = 0; i < 6; i++) {
    const button = tab.locator(page.click[i % 2]);
    // Playwright's own look-up first, so the trace holds the click alone.
    await button.waitFor({ state: 'attached' });
    await tab.evaluate(armFilter);
    if (trace && i === 0) await browser.startTracing(tab, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await button.click({ force: true });
    filters.push(await tab.evaluate(() => Promise.race([window.__filterDone, new Promise((r) => setTimeout(() => r([NaN, NaN, NaN, NaN, [NaN, NaN, NaN, NaN]]), 5000))])));
    if (trace && i === 0) firstClickTrace = breakdown(await browser.stopTracing());
  }
  // The heap again after the clicks (so a leak in the click path shows in
  // results.json; it includes Playwright's helpers, on every page alike).
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterClicks = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  // Wasm memory never shrinks: read after the clicks, it is the peak.
  const wasm = await tab.evaluate(() => (globalThis.__tierBreakdownWasmBytes ? globalThis.__tierBreakdownWasmBytes() : 0));
  await context.close();
  const sum = (f) => bodies.reduce((t, b) => t + f(b), 0);
  return {
    chartMs,
    readyMs,
    cpuMs: metrics.TaskDuration * 1000,
    firstClickFrameMs: filters[0][1],
    firstClickDoneMs: filters[0][3],
    firstClickEvent: filters[0][4],
    firstClickTrace,
    layoutMs: metrics.LayoutDuration * 1000,
    styleMs: metrics.RecalcStyleDuration * 1000,
    filterDomMs: median(filters.map((f) => f[0]).filter(Number.isFinite)),
    filterFrameMs: median(filters.map((f) => f[1]).filter(Number.isFinite)),
    filterHandlerMs: median(filters.map((f) => f[2]).filter(Number.isFinite)),
    memoryBytes: heap + wasm,
    heapAfterClicksBytes: heapAfterClicks,
    bytes: {
      raw: sum((b) => b.length),
      gzip: sum((b) => gzipSync(b, { level: 9 }).length),
      brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
    },
  };
}

const server = await startServer();
const browser = await launch();
/** JS heap of an empty page: what a page costs before any chart. */
async function blankHeap() {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.goto(`${server.origin}/bench/blank.html`);
  await tab.waitForTimeout(300);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await context.close();
  return heap;
}
const blanks = [];
const runs = Object.fromEntries(PAGES.map((p) => [p.name, { 1: [], 4: [] }]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const rate of [1, 4]) {
    for (const page of PAGES) {
      // The first click's trace: in the first round at 4× (tracing slows the page down).
      const trace = rate === 4 && round === 1 && process.env.TRACE !== '0';
      runs[page.name][rate].push(await measure(browser, server.origin, page, rate, { trace }).catch((e) => { throw new Error(`${page.name} at ${rate}×: ${e.message}`); }));
    }
  }
  blanks.push(await blankHeap());
  process.stderr.write(`round ${round}/${ROUNDS} done\n`);
}
await browser.close();
await server.close();

const summary = PAGES.map((p) => {
  const r1 = runs[p.name][1];
  const r4 = runs[p.name][4];
  return {
    page: p.name,
    brotliBytes: stats(r1.map((r) => r.bytes.brotli)),
    gzipBytes: stats(r1.map((r) => r.bytes.gzip)),
    rawBytes: stats(r1.map((r) => r.bytes.raw)),
    chartMs1x: stats(r1.map((r) => r.chartMs)),
    chartMs4x: stats(r4.map((r) => r.chartMs)),
    cpuMs4x: stats(r4.map((r) => r.cpuMs)),
    readyMs4x: stats(r4.map((r) => r.readyMs)),
    layoutMs4x: stats(r4.map((r) => r.layoutMs)),
    styleMs4x: stats(r4.map((r) => r.styleMs)),
    firstClickFrameMs4x: stats(r4.map((r) => r.firstClickFrameMs)),
    firstClickDoneMs4x: stats(r4.map((r) => r.firstClickDoneMs)),
    // Event Timing, the click to its next paint; rounds under 16 ms report none (counted as 16).
    firstClickPaintMs4x: stats(r4.map((r) => (Number.isFinite(r.firstClickEvent[3]) ? r.firstClickEvent[3] : 16))),
    firstClickEvent4x: ['inputDelay', 'processing', 'presentationDelay'].map((k, i) => [k, median(r4.map((r) => r.firstClickEvent[i]).filter(Number.isFinite))]),
    firstClickTrace4x: r4[0].firstClickTrace,
    filterDomMs4x: stats(r4.map((r) => r.filterDomMs)),
    filterFrameMs4x: stats(r4.map((r) => r.filterFrameMs)),
    filterHandlerMs4x: stats(r4.map((r) => r.filterHandlerMs)),
    memoryBytes: stats(r1.map((r) => r.memoryBytes)),
    heapAfterClicksBytes: stats(r1.map((r) => r.heapAfterClicksBytes)),
  };
});
const floor = summary[0];
const fmt = (s, unit, div = 1, digits = 0) => `${(s.median / div).toFixed(digits)}${unit} (${(s.min / div).toFixed(digits)}–${(s.max / div).toFixed(digits)})`;
const ratio = (row, key) => `${(row[key].median / floor[key].median).toFixed(2)}×`;
const cols = [
  ['brotli', (r) => `${fmt(r.brotliBytes, ' KiB', 1024, 1)} ${ratio(r, 'brotliBytes')}`],
  ['chart 1×', (r) => `${fmt(r.chartMs1x, ' ms')} ${ratio(r, 'chartMs1x')}`],
  ['chart 4×', (r) => `${fmt(r.chartMs4x, ' ms')} ${ratio(r, 'chartMs4x')}`],
  ['interactive 4×', (r) => `${fmt(r.readyMs4x, ' ms')} ${ratio(r, 'readyMs4x')}`],
  ['CPU 4×', (r) => `${fmt(r.cpuMs4x, ' ms')} ${ratio(r, 'cpuMs4x')}`],
  ['layout + style 4×', (r) => `${fmt(r.layoutMs4x, '')} + ${fmt(r.styleMs4x, ' ms')}`],
  ['first click→frame 4×', (r) => `${fmt(r.firstClickFrameMs4x, ' ms', 1, 1)} ${ratio(r, 'firstClickFrameMs4x')}`],
  ['first click→frame done 4×', (r) => `${fmt(r.firstClickDoneMs4x, ' ms', 1, 1)} ${ratio(r, 'firstClickDoneMs4x')}`],
  ['first click→paint 4× (Event Timing)', (r) => `${fmt(r.firstClickPaintMs4x, ' ms', 1, 0)} ${ratio(r, 'firstClickPaintMs4x')}`],
  ['filter→DOM 4×', (r) => fmt(r.filterDomMs4x, ' ms', 1, 1)],
  ['filter→frame 4×', (r) => fmt(r.filterFrameMs4x, ' ms', 1, 1)],
  ['dispatch→DOM 4×', (r) => fmt(r.filterHandlerMs4x, ' ms', 1, 1)],
  ['heap+wasm', (r) => `${fmt(r.memoryBytes, ' MB', 1e6, 2)}`],
  ['above a blank page', (r) => `${((r.memoryBytes.median - median(blanks)) / 1e6).toFixed(2)} MB`],
];
const lines = [`| page | ${cols.map((c) => c[0]).join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`];
for (const r of summary) lines.push(`| ${r.page} | ${cols.map((c) => c[1](r)).join(' | ')} |`);
console.log(`tier-breakdown benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, ${ROUNDS} rounds, medians (min–max), ratio to the floor`);
console.log(lines.join('\n'));
// The first click at 4×, traced (round 1): where its main-thread time goes.
console.log('\nthe first click at 4× CPU: Event Timing (medians) and a trace of round 1');
console.log('| page | input delay | processing | presentation delay | script | style (elements) | layout (objects) | pre-paint + paint |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of summary) {
  const e = Object.fromEntries(r.firstClickEvent4x);
  const t = r.firstClickTrace4x;
  const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '–');
  console.log(`| ${r.page} | ${ms(e.inputDelay)} | ${ms(e.processing)} | ${ms(e.presentationDelay)} | ${t ? `${ms(t.scriptMs)} | ${ms(t.styleMs)} (${t.styleElements}) | ${ms(t.layoutMs)} (${t.layoutObjects}) | ${ms(t.prePaintMs + t.paintMs)}` : '– | – | – | –'} |`);
}

// Scaling mode: generated files with N sub-units, the ranking of all units
// (first group) drawn by the widget and by a hand-written windowed floor,
// at 4× CPU throttling. SCALING=0 skips it.
const SIZES = (process.env.SCALING ?? '10,100,1000,5000,10000').split(',').filter((x) => x && x !== '0').map(Number);
const scaling = [];
if (SIZES.length) {
  const server2 = await startServer();
  const browser2 = await launch();
  for (const n of SIZES) {
    const pages = [
      { name: 'floor', url: `/bench/vanilla-units.html?n=${n}`, bars: 'tr.row', count: Math.min(n, 20), click: ['button[data-tier=good]', 'button[data-tier=completed]'] },
      { name: 'widget', url: `/?lang=vi&data=/gen/units-${n}-1.json`, bars: '.tb-rank-row', count: Math.min(n, 20), click: ['.tb-key[data-tier=good]', '.tb-key[data-tier=completed]'] },
    ];
    const got = { floor: [], widget: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const page of pages) got[page.name].push(await measure(browser2, server2.origin, page, 4));
    }
    const row = { units: n };
    for (const name of ['floor', 'widget']) {
      row[name] = {
        chartMs4x: stats(got[name].map((r) => r.chartMs)),
        filterDomMs4x: stats(got[name].map((r) => r.filterDomMs)),
        filterFrameMs4x: stats(got[name].map((r) => r.filterFrameMs)),
        filterHandlerMs4x: stats(got[name].map((r) => r.filterHandlerMs)),
        memoryBytes: stats(got[name].map((r) => r.memoryBytes)),
      };
    }
    scaling.push(row);
    process.stderr.write(`scaling ${n} units done\n`);
  }
  await browser2.close();
  await server2.close();
  const r = (w, f, key) => `${(w[key].median / f[key].median).toFixed(2)}×`;
  const out = ['| units | render 4× floor / widget | filter→frame 4× floor / widget | dispatch→DOM 4× floor / widget | heap+wasm floor / widget |', '|---|---|---|---|---|'];
  for (const { units, floor: f, widget: w } of scaling) {
    out.push(`| ${units} | ${f.chartMs4x.median.toFixed(0)} / ${w.chartMs4x.median.toFixed(0)} ms (${r(w, f, 'chartMs4x')}) | ${f.filterFrameMs4x.median.toFixed(1)} / ${w.filterFrameMs4x.median.toFixed(1)} ms (${r(w, f, 'filterFrameMs4x')}) | ${f.filterHandlerMs4x.median.toFixed(1)} / ${w.filterHandlerMs4x.median.toFixed(1)} ms | ${(f.memoryBytes.median / 1e6).toFixed(2)} / ${(w.memoryBytes.median / 1e6).toFixed(2)} MB |`);
  }
  console.log('\nscaling: the sub-unit ranking, 4× CPU, medians, ratio widget/floor');
  console.log(out.join('\n'));
}
mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
// Lighthouse on the full page and the demo article (LIGHTHOUSE=0 skips it).
const lighthouseScores = process.env.LIGHTHOUSE === '0' ? null : await lighthouse();
writeFileSync(join(ROOT, 'target', 'bench', 'results.json'), JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, rounds: ROUNDS, blankHeapBytes: median(blanks), summary, runs, scaling, lighthouse: lighthouseScores }, null, 1));
