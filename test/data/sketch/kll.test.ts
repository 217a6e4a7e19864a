import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KllSketch, kllRankError } from '../../../src/data/sketch/kll.js';
import { mulberry32, normals } from './gen.js';

/** Distance from q to the true rank interval [#<x, #<=x]/n of x in sorted data. */
function rankErrorOf(sorted: Float64Array, x: number, q: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if ((sorted[m] as number) < x) lo = m + 1;
    else hi = m;
  }
  const below = lo;
  hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if ((sorted[m] as number) <= x) lo = m + 1;
    else hi = m;
  }
  const n = sorted.length;
  const a = below / n;
  const b = lo / n;
  return q < a ? a - q : q > b ? q - b : 0;
}

function trueRank(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if ((sorted[m] as number) <= x) lo = m + 1;
    else hi = m;
  }
  return lo / sorted.length;
}

const QS = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

function maxErrors(xs: number[], parts: number, seed: number) {
  const sketches: KllSketch[] = [];
  const size = Math.ceil(xs.length / parts);
  for (let p = 0; p < parts; p++)
    sketches.push(new KllSketch({ seed: seed * 1000 + p }).addAll(xs.slice(p * size, (p + 1) * size)));
  // Unbalanced merge order: a chain, then a tree of the rest.
  const s = sketches.reduce((acc, x) => acc.merge(x), new KllSketch({ seed }));
  const sorted = Float64Array.from(xs).sort();
  let qErr = 0;
  let rErr = 0;
  for (const q of QS) {
    const x = s.quantile(q);
    qErr = Math.max(qErr, rankErrorOf(sorted, x, q));
    rErr = Math.max(rErr, Math.abs(s.rank(x) - trueRank(sorted, x)));
  }
  return { s, qErr, rErr };
}

describe('KllSketch', () => {
  it('states the bound for k=200', () => {
    assert.ok(Math.abs(kllRankError(200) - 0.0133) < 5e-4, `${kllRankError(200)}`);
    assert.ok(Math.abs(kllRankError(200, true) - 0.0165) < 5e-4);
  });

  it('merged from parts, the rank error of quantiles is within the bound with margin (1e6 values)', (t) => {
    const r = mulberry32(42);
    // Mixed signs, heavy tail, many duplicates.
    const xs = Array.from({ length: 1_000_000 }, (_, i) =>
      i % 5 === 0 ? Math.round(r() * 20 - 10) : i % 5 === 1 ? -Math.log(1 - r()) * 1e3 : (r() - 0.7) * 1e-3,
    );
    const { s, qErr, rErr } = maxErrors(xs, 16, 1);
    const bound = kllRankError(200, true);
    t.diagnostic(
      `  kll k=200 n=1e6 16 parts: max quantile rank error ${qErr.toFixed(5)}, rank() error ${rErr.toFixed(5)}, bound ${bound.toFixed(5)}, retained ${s.retained}`,
    );
    assert.equal(s.n, xs.length);
    assert.ok(qErr < bound / 2, `quantile rank error ${qErr} vs bound ${bound}`);
    assert.ok(rErr < bound / 2, `rank error ${rErr} vs bound ${bound}`);
    assert.ok(s.retained < 1000);
  });

  it('stays within the bound across seeds (1e5 normal values, 7 parts)', (t) => {
    const xs = normals(100_000, 3, -5, 2);
    let worst = 0;
    for (let seed = 1; seed <= 10; seed++) worst = Math.max(worst, maxErrors(xs, 7, seed).qErr);
    t.diagnostic(`  kll k=200 n=1e5 10 seeds: worst max quantile rank error ${worst.toFixed(5)}`);
    assert.ok(worst < kllRankError(200, true) * 0.75, `${worst}`);
  });

  it('stays within the bound whatever order values arrive in (ascending, descending, sawtooth, blocks)', () => {
    const n = 100_000;
    const orders: Record<string, (i: number) => number> = {
      ascending: (i) => i,
      descending: (i) => -i,
      sawtooth: (i) => i % 997,
      'ascending blocks, descending overall': (i) => -Math.floor(i / 50) * 50 + (i % 50),
    };
    for (const [name, valueAt] of Object.entries(orders)) {
      const xs = Array.from({ length: n }, (_, i) => valueAt(i));
      const { qErr, rErr } = maxErrors(xs, 1, 3);
      assert.ok(qErr < kllRankError(200, true) / 2, `${name}: quantile rank error ${qErr}`);
      assert.ok(rErr < kllRankError(200, true) / 2, `${name}: rank error ${rErr}`);
    }
  });

  it('is exact for small inputs, tracks min/max exactly, handles ±0 and duplicates', () => {
    const s = new KllSketch({ seed: 1 }).addAll([3, -0, 0, 0, -2, 3, null, Number.NaN]);
    assert.equal(s.n, 6);
    assert.equal(s.missing, 2);
    assert.equal(s.quantile(0), -2);
    assert.equal(s.quantile(1), 3);
    assert.ok(Object.is(s.quantile(0.5), 0));
    assert.equal(s.rank(0), 4 / 6);
    assert.equal(s.rank(-0), 4 / 6);
    assert.equal(s.rank(-3), 0);
    assert.equal(s.rank(3), 1);
    assert.deepEqual(s.cdf([-2, 0, 2]), [1 / 6, 4 / 6, 4 / 6, 1]);
    const c = new KllSketch({ seed: 2 });
    for (let i = 0; i < 100_000; i++) c.add(7);
    assert.equal(c.quantile(0.3), 7);
    assert.equal(c.rank(7), 1);
    assert.equal(c.rank(6.9), 0);
  });

  it('empty sketch gives NaN; bad arguments throw', () => {
    const s = new KllSketch();
    assert.ok(Number.isNaN(s.quantile(0.5)));
    assert.ok(Number.isNaN(s.rank(1)));
    assert.throws(() => s.quantile(1.5), /q must be/);
    assert.throws(() => s.cdf([1, 1]), /increase/);
    assert.throws(() => new KllSketch({ k: 4 }), /k must be/);
    assert.throws(() => new KllSketch({ k: 100 }).merge(new KllSketch({ k: 200 })), /k differs/);
  });

  it('is deterministic with a seed and JSON round-trips (continuing identically)', () => {
    const xs = normals(50_000, 5);
    const a = new KllSketch({ seed: 9 }).addAll(xs);
    const b = new KllSketch({ seed: 9 }).addAll(xs);
    assert.deepEqual(a.toJSON(), b.toJSON());
    const restored = KllSketch.fromJSON(JSON.parse(JSON.stringify(a)));
    assert.deepEqual(restored.toJSON(), a.toJSON());
    const more = normals(20_000, 6);
    a.addAll(more);
    restored.addAll(more);
    assert.deepEqual(restored.toJSON(), a.toJSON());
    assert.throws(() => KllSketch.fromJSON({ ...a.toJSON(), n: 1 }), /weights/);
  });

  it('merge with empty is identity on the data', () => {
    const a = new KllSketch({ seed: 1 }).addAll([1, 2, 3]);
    a.merge(new KllSketch());
    assert.equal(a.n, 3);
    const e = new KllSketch({ seed: 2 }).merge(a);
    assert.equal(e.quantile(0.5), 2);
    assert.equal(e.min, 1);
  });
});
