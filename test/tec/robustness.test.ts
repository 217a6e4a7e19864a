import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportTec, importTec } from '../../src/descriptors/tec/index.js';
import { tec12Schemas } from '../../src/descriptors/tec/schema-1.2.js';
import { fixtures, validate } from './helpers.js';

const GARBAGE: unknown[] = [
  null,
  undefined,
  [],
  {},
  42,
  -1,
  0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  'x',
  '4',
  '1e3',
  true,
  false,
  [1, 'a', null],
  { a: { b: [] } },
  'Other',
  '2024-13-45',
  new Date(0),
];

test('importTec never throws on things that are not TEC documents', () => {
  for (const value of [...GARBAGE, { version: '1.2' }, { version: 7 }, { kind: 'x' }, [{ task: 'x' }]]) {
    const imported = importTec(value);
    assert.equal(typeof imported.kind, 'string');
    assert.equal(typeof imported.document.name, 'string');
    assert.deepEqual(imported.origin(['goals', 0, 'id']), imported.origin(['goals', 0, 'id']));
  }
  assert.match(importTec(null).warnings[0]?.message ?? '', /not a TEC document/);
  assert.match(importTec({ version: '1.2' }).warnings[0]?.message ?? '', /could not tell/);
  assert.match(importTec({ version: 'banana', task: 't' }).warnings[0]?.message ?? '', /unknown TEC schema version/);
});

test('importTec never throws on documents with wrong types everywhere', () => {
  for (const f of fixtures())
    for (const g of GARBAGE) {
      const wrong = Object.fromEntries(Object.keys(f.doc).map((k) => [k, k === 'version' ? f.doc.version : g]));
      const imported = importTec(wrong);
      assert.equal(imported.kind, f.kind, `${f.file} with every value ${String(g)}`);
    }
  const cyclic: Record<string, unknown> = { version: '1.2', task: 't' };
  cyclic.goals = [cyclic];
  assert.doesNotThrow(() => importTec(cyclic));
});

/** A small deterministic generator, so failures can be reproduced. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function mutate(value: unknown, p: number, rnd: () => number): unknown {
  if (rnd() < p) return GARBAGE[Math.floor(rnd() * GARBAGE.length)];
  if (Array.isArray(value)) return value.map((v) => mutate(v, p, rnd));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (rnd() >= p / 2) out[k] = mutate(v, p, rnd);
    if (rnd() < p) out[`extra_${Math.floor(rnd() * 5)}`] = GARBAGE[Math.floor(rnd() * GARBAGE.length)];
    return out;
  }
  return value;
}

test('fuzzed fixtures: never a throw; whatever validates exports as valid TEC 1.2 and reads back the same', () => {
  const rnd = random(20240328);
  let validated = 0;
  for (let round = 0; round < 40; round++)
    for (const f of fixtures()) {
      const doc = mutate(f.doc, [0.02, 0.08, 0.25][round % 3] as number, rnd);
      const imported = importTec(doc);
      imported.origin(['output_spec', 0, 'item_specification', 'min_value']);
      const r = validate(imported.kind, imported.document);
      if (!r.success) continue;
      validated++;
      const tec = exportTec(imported.kind, r.data as never, imported.document);
      const check = tec12Schemas[imported.kind].safeParse(tec);
      assert.ok(check.success, `${f.file}: ${check.success ? '' : JSON.stringify(check.error.issues.slice(0, 3))}`);
      const again = importTec(tec, { kind: imported.kind });
      assert.deepEqual(again.document, imported.document, f.file);
    }
  assert.ok(validated > 200, `only ${validated} fuzzed documents validated`);
});
