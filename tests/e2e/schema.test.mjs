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

for (const file of ['data/phu-tho-2022.json', 'data/example-districts.json', 'data/example-of-which.json', 'data/example-shares.json', 'data/example-coverage.json', 'data/example-approximate.json', 'data/example-naive-of-which.json', 'data/example-partial.json', 'tests/fixtures/good/minimal-en.json', 'tests/fixtures/good/bom.json', 'tests/fixtures/good/highlight.json']) {
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

test('the schema refuses counts and shares together, a figure with value and or_better, and a share over 100', () => {
  const file = read('data/example-shares.json');
  file.groups[0].counts = { excellent: 1, good: 1, completed: 1, not_completed: 1 };
  assert.equal(validate(file), false);
  const f2 = read('data/example-of-which.json');
  f2.groups[0].counts.good = { value: 1, or_better: 2 };
  assert.equal(validate(f2), false);
  const f3 = read('data/example-shares.json');
  f3.groups[0].shares.excellent = 101;
  assert.equal(validate(f3), false);
});

test('the schema refuses version 2 shapes in a version 1 file', () => {
  const file = read('data/example-shares.json');
  file.version = 1;
  assert.equal(validate(file), false);
  const f2 = read('data/example-of-which.json');
  f2.version = 1;
  assert.equal(validate(f2), false);
  const f3 = read('data/example-coverage.json');
  f3.version = 1;
  assert.equal(validate(f3), false);
  // …and a version 1 file as it always was still passes.
  assert.equal(validate(read('data/phu-tho-2022.json')), true);
});

test('the schema takes null (not given) in version 3 only, and never for or_better', () => {
  const file = read('data/example-partial.json');
  assert.equal(validate(file), true, JSON.stringify(validate.errors, null, 1));
  for (const version of [1, 2]) {
    const old = read('data/example-partial.json');
    old.version = version;
    assert.equal(validate(old), false, `version ${version}`);
  }
  const f2 = read('data/example-partial.json');
  f2.groups[0].counts.good = { or_better: null };
  assert.equal(validate(f2), false);
});

test('the schema takes fail_from as a tier id, and refuses a number', () => {
  const seed = read('data/phu-tho-2022.json');
  seed.fail_from = seed.tiers[2].id;
  assert.equal(validate(seed), true, JSON.stringify(validate.errors));
  seed.fail_from = 2;
  assert.equal(validate(seed), false);
});
