// The size budget: the release widget (wasm + JS glue + embed loader),
// brotli-compressed, must stay within budget.json. Bytes are deterministic;
// speed is measured by `make bench`, never asserted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSizes } from '../../scripts/sizes.mjs';
import { ROOT } from './harness.mjs';

test('the release widget stays within its byte budget', () => {
  const budget = JSON.parse(readFileSync(join(ROOT, 'budget.json'), 'utf8')).widget_brotli_bytes;
  const files = ['tier-breakdown_bg.wasm', 'tier-breakdown.js', 'embed.js'];
  const rows = bundleSizes(join(ROOT, 'dist')).rows.filter((r) => files.includes(r.file));
  assert.equal(rows.length, files.length, `missing from dist/: ${files.filter((f) => !rows.some((r) => r.file === f))}`);
  const total = rows.reduce((t, r) => t + r.brotli, 0);
  console.log(`# widget: ${total} bytes brotli (budget ${budget})`);
  assert.ok(total <= budget, `the widget is ${total} bytes brotli, over its budget of ${budget}`);
});
