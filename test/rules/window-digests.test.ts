// Digests of windows, as the monitor keeps them for metrics over days: merged, they count the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Moments } from '../../src/data/sketch/moments.js';
import { mergeDigests, sumConfusion, type WindowDigest } from '../../src/rules/observed.js';

function summary(values: number[]) {
  const m = new Moments();
  for (const v of values) m.add(v);
  return { count: m.n, min: m.min, max: m.max, mean: m.mean, moments: m.toJSON() };
}

const a: WindowDigest = {
  start: '2001-05-01T10:00:00.000Z',
  end: '2001-05-01T10:05:00.000Z',
  windows: 1,
  events: 40,
  metrics: { calls: summary([1, 2, 3]) },
  confusion: { true: { true: 3, false: 1 }, false: { false: 30 } },
};
const b: WindowDigest = {
  start: '2001-05-01T10:05:00.000Z',
  end: '2001-05-01T10:10:00.000Z',
  windows: 2,
  events: 60,
  metrics: { calls: summary([10]), rate: summary([0.5, 0.25]) },
  confusion: { true: { false: 2 }, false: { true: 5 } },
};

test('two digests merge into one of their span, windows, events, metrics and confusion counts', () => {
  const m = mergeDigests(a, b);
  assert.equal(m.start, '2001-05-01T10:00:00.000Z');
  assert.equal(m.end, '2001-05-01T10:10:00.000Z');
  assert.equal(m.windows, 3);
  assert.equal(m.events, 100);
  assert.deepEqual(
    [m.metrics.calls?.count, m.metrics.calls?.min, m.metrics.calls?.max, m.metrics.calls?.mean],
    [4, 1, 10, 4],
  );
  assert.equal(m.metrics.rate?.mean, 0.375);
  assert.deepEqual(m.confusion, { true: { true: 3, false: 3 }, false: { false: 30, true: 5 } });
  assert.deepEqual(mergeDigests(b, a).confusion, m.confusion);
});

test('confusion counts add up over digests; none without any', () => {
  assert.deepEqual(sumConfusion([a, b, { ...a, confusion: null }]), mergeDigests(a, b).confusion);
  assert.equal(sumConfusion([{ ...a, confusion: null }]), undefined);
  assert.equal(mergeDigests({ ...a, confusion: null }, { ...b, confusion: null }).confusion, null);
});
