// The JSON Schema in docs/ accepts the seed and the good fixtures, and
// refuses what the widget refuses for shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT } from './harness.mjs';

const read = (p) => JSON.parse(readFileSync(join(ROOT, p), 'utf8').replace(/^\uFEFF/, ''));
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(read('docs/results.schema.json'));

for (const file of ['data/phu-tho-2022.json', 'data/example-districts.json', 'tests/fixtures/good/minimal-en.json', 'tests/fixtures/good/bom.json']) {
  test(`${file} validates against the schema`, () => {
    assert.equal(validate(read(file)), true, JSON.stringify(validate.errors, null, 1));
  });
}

test('the schema refuses negative and string counts', () => {
  assert.equal(validate(read('tests/fixtures/bad/negative.json')), false);
  const paths = validate.errors.map((e) => e.instancePath);
  assert.ok(paths.includes('/groups/1/counts/good'), paths.join());
  assert.ok(paths.includes('/groups/1/counts/bad'), paths.join());
});

test('the schema refuses javascript: links and bad colours', () => {
  const seed = read('data/phu-tho-2022.json');
  seed.source.url = 'javascript:alert(1)';
  assert.equal(validate(seed), false);
  const seed2 = read('data/phu-tho-2022.json');
  seed2.tiers[0].color = 'red;x:url(y)';
  assert.equal(validate(seed2), false);
});
