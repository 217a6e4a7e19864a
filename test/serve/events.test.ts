// The quick event parser gives exactly what zod gives: for every event it takes, zod's output (same
// fields, same order); every other event goes to zod, so errors are zod's. Checked on real flights,
// on every field with wrong values, and on the bad events of the API tests.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_BATCH_ITEMS, validateBatch } from '../../src/serve/batch.js';
import { ApiError } from '../../src/serve/errors.js';
import { eventRecord, eventSchema } from '../../src/serve/events.js';
import { FLIGHT_EVENTS } from './flights.js';

const full: Record<string, unknown> = {
  id: 'e1',
  timestamp: '2001-05-01T12:00:00+02:00',
  model: 'delay-classifier',
  model_version: '2.3.0',
  inputs: { distance: 1200, origin: 'SFO', nested: { list: [1, 2.5, { deep: -3 }] }, none: null },
  outputs: { delay_probability: 0.4 },
  latency_ms: 12,
  resources: { memory: 2e9, gpu: 0, cpu: 0.5 },
  metrics: { queue_length: 3, score: -1.5 },
  logs: ['scored', { level: 'info', name: 'scoring', took: 3 }],
};

/** Values that break, or stretch, each field. */
const BAD: Record<string, unknown[]> = {
  id: ['', 'x'.repeat(201), 'x'.repeat(200), 7, null, []],
  timestamp: [
    '2001-05-01T10:00:00',
    '2001-05-01T10:00:00z',
    '2001-02-29T00:00:00Z',
    '2000-02-29T00:00:00.123456Z',
    '2001-05-01T24:00:00Z',
    '2001-05-01',
    1_000,
    null,
  ],
  model: ['', 3, null, 'delay-classifier'],
  model_version: ['', 2.3, null],
  inputs: [null, [], 'x', { a: Number.POSITIVE_INFINITY }, { a: [1, [Number.NaN]] }, {}],
  outputs: [null, [1], { p: Number.NEGATIVE_INFINITY }, { constructor: 1 }, { constructor: { prototype: 1 } }],
  latency_ms: [-1, -0, Number.POSITIVE_INFINITY, Number.NaN, '12', null, 0],
  resources: [{ cpu: -1 }, { disk: 1 }, { cpu: '1' }, [], null, {}, { gpu: Number.POSITIVE_INFINITY }],
  metrics: [{ a: 'x' }, { a: null }, { a: Number.NaN }, [], null, {}],
  logs: [[1], [null], [[1]], [{ a: Number.POSITIVE_INFINITY }], 'x', {}, null, []],
};

function variants(): unknown[] {
  const out: unknown[] = [full, ...FLIGHT_EVENTS.slice(0, 200)];
  for (const [field, values] of Object.entries(BAD)) {
    for (const v of values) out.push({ ...full, [field]: v });
    const { [field]: _, ...without } = full;
    out.push(without);
  }
  out.push(
    // The bad events of test/serve/api.test.ts.
    { inptus: { distance: 3 } },
    { inputs: { distance: Number.POSITIVE_INFINITY }, latency_ms: -1 },
    { id: 'e1', inputs: { distance: 1200 } },
    { outputs: { delay_probability: 0.4 }, model: 'delay-classifier', model_version: '2.3.0' },
    // Own keys zod's copies treat differently, and items that are no events.
    JSON.parse('{"inputs":{"__proto__":{"a":1},"x":1}}'),
    JSON.parse('{"__proto__":{"a":1},"inputs":{"x":1}}'),
    JSON.parse('{"inputs":{"x":1},"metrics":{"__proto__":1}}'),
    { id: 'x' },
    {},
    [],
    null,
    'event',
    3,
    Object.assign(Object.create({ inherited: 1 }), { inputs: { x: 1 } }),
  );
  return out;
}

describe('the quick event parser', () => {
  test('takes what zod takes, gives what zod gives, and leaves the rest to zod', () => {
    let quick = 0;
    for (const item of variants()) {
      const zod = eventSchema.safeParse(item);
      const { valid, rejected } = validateBatch({ events: [item] }, 'events', eventSchema);
      const what = JSON.stringify(item);
      assert.equal(valid.length === 1, zod.success, what);
      if (zod.success) {
        // Same fields in the same order: stored events are the same JSON text either way.
        assert.equal(JSON.stringify(valid[0]?.value), JSON.stringify(zod.data), what);
        assert.deepEqual(valid[0]?.value, zod.data, what);
        // zod copies the records it checks; the quick parser keeps them.
        const value = valid[0]?.value as { inputs?: unknown; outputs?: unknown };
        const sent = item as { inputs?: unknown; outputs?: unknown };
        if (value.inputs === sent.inputs && value.outputs === sent.outputs) quick++;
      } else assert.equal(rejected.length, 1, what);
    }
    // Every real flight and the full event went the quick way.
    assert.ok(quick >= 201, `${quick} events parsed quickly`);
  });

  test('every field of the schema is known to it', () => {
    const { valid } = validateBatch({ events: [full] }, 'events', eventSchema);
    assert.deepEqual(Object.keys(valid[0]?.value ?? {}), Object.keys(eventSchema.shape));
    assert.equal(valid[0]?.value.inputs, full.inputs);
  });
});

describe('a batch', () => {
  test(`holds at most ${MAX_BATCH_ITEMS} items`, () => {
    const batch = (n: number) => ({ events: Array.from({ length: n }, () => ({ inputs: { x: 1 } })) });
    assert.equal(validateBatch(batch(MAX_BATCH_ITEMS), 'events', eventSchema).valid.length, MAX_BATCH_ITEMS);
    assert.throws(
      () => validateBatch(batch(MAX_BATCH_ITEMS + 1), 'events', eventSchema),
      (e) =>
        e instanceof ApiError &&
        e.status === 413 &&
        e.code === 'too_many_items' &&
        JSON.stringify(e.details) === JSON.stringify({ max_items: MAX_BATCH_ITEMS, items: MAX_BATCH_ITEMS + 1 }),
    );
  });
});

describe('the stored event', () => {
  test('has its timestamp in UTC to the millisecond, whatever form it was sent in', () => {
    const now = new Date('2001-05-01T10:00:00.000Z');
    for (const t of [
      '2001-05-01T12:00:00+02:00',
      '2001-05-01T10:00:00Z',
      '2001-05-01T10:00:00.5Z',
      '2001-05-01T10:00:00.123456Z',
      '2001-05-01T10:00:00.123Z',
      '2000-02-29T23:59:59.999Z',
    ]) {
      assert.equal(eventRecord({ timestamp: t, inputs: {} }, now).timestamp, new Date(t).toISOString(), t);
    }
    assert.equal(eventRecord({ inputs: {} }, now).timestamp, now.toISOString());
  });
});
