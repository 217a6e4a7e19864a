import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Moments } from '../../../src/data/sketch/moments.js';
import { mulberry32, normals, relClose } from './gen.js';

function twoPass(xs: number[]) {
  const n = xs.length;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (const x of xs) {
    const d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  return { mean, m2, m3, m4, variance: m2 / n, sample: m2 / (n - 1), skew: (Math.sqrt(n) * m3) / m2 ** 1.5 };
}

describe('Moments', () => {
  // Skewed mixture with an offset ten times the spread.
  const xs = normals(100_000, 7, 50, 5).map((x, i) => (i % 3 === 0 ? x + (x - 50) ** 2 : x));

  it('matches a two-pass computation', () => {
    const m = new Moments().addAll(xs);
    const t = twoPass(xs);
    assert.equal(m.n, xs.length);
    assert.ok(relClose(m.mean, t.mean, 1e-12));
    assert.ok(relClose(m.variance, t.variance, 1e-10), `${m.variance} vs ${t.variance}`);
    assert.ok(relClose(m.sampleVariance, t.sample, 1e-10));
    assert.ok(relClose(m.skewness, t.skew, 1e-8), `${m.skewness} vs ${t.skew}`);
    assert.equal(m.min, Math.min(...xs));
    assert.equal(m.max, Math.max(...xs));
  });

  it('from weighted values equals adding each value its weight times', () => {
    // Rounded, so values repeat; each distinct value once, with its count as weight.
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(Math.round(x), (counts.get(Math.round(x)) ?? 0) + 1);
    const values = Float64Array.from(counts.keys());
    const weighted = Moments.fromWeighted(
      values,
      Float64Array.from(values, (v) => counts.get(v) as number),
    );
    const added = new Moments().addAll(xs.map(Math.round));
    assert.equal(weighted.n, added.n);
    assert.equal(weighted.min, added.min);
    assert.equal(weighted.max, added.max);
    for (const k of ['mean', 'variance', 'skewness', 'kurtosis'] as const)
      assert.ok(relClose(weighted[k], added[k], 1e-10), `${k}: ${weighted[k]} vs ${added[k]}`);
    assert.deepEqual(Moments.fromWeighted(new Float64Array(0), new Float64Array(0)).toJSON(), new Moments().toJSON());
  });

  it('merge of parts equals the whole to 1e-12 relative, in any order', () => {
    const whole = new Moments().addAll(xs);
    const r = mulberry32(3);
    const cuts = [0, ...Array.from({ length: 9 }, () => Math.floor(r() * xs.length)).sort((a, b) => a - b), xs.length];
    const parts = cuts.slice(1).map((end, i) => new Moments().addAll(xs.slice(cuts[i], end)));
    const left = parts.reduce((acc, p) => acc.merge(p), new Moments());
    const right = parts.reduceRight((acc, p) => acc.merge(p), new Moments());
    // tree merge
    let level = parts.map((p) => p.clone());
    while (level.length > 1) {
      const next: Moments[] = [];
      for (let i = 0; i < level.length; i += 2)
        next.push(i + 1 < level.length ? (level[i] as Moments).merge(level[i + 1] as Moments) : (level[i] as Moments));
      level = next;
    }
    for (const m of [left, right, level[0] as Moments]) {
      assert.equal(m.n, whole.n);
      assert.ok(relClose(m.mean, whole.mean, 1e-12));
      assert.ok(relClose(m.variance, whole.variance, 1e-12), `${m.variance} vs ${whole.variance}`);
      assert.ok(relClose(m.sampleVariance, whole.sampleVariance, 1e-12));
      assert.ok(relClose(m.skewness, whole.skewness, 1e-9));
      assert.ok(relClose(m.kurtosis, whole.kurtosis, 1e-9));
      assert.equal(m.min, whole.min);
      assert.equal(m.max, whole.max);
    }
  });

  it('merge is commutative', () => {
    const a = new Moments().addAll(normals(1000, 1, 5, 2));
    const b = new Moments().addAll(normals(3000, 2, -1, 7));
    assert.equal(a.clone().merge(b).mean, b.clone().merge(a).mean);
    assert.ok(relClose(a.clone().merge(b).m2, b.clone().merge(a).m2, 1e-15));
  });

  it('stays accurate with a large offset (where sum-of-squares fails)', () => {
    const big = normals(100_000, 11, 1e9, 1);
    const m = new Moments().addAll(big);
    const t = twoPass(big);
    assert.ok(relClose(m.variance, t.variance, 1e-6), `${m.variance} vs ${t.variance}`);
    const half = big.length / 2;
    const merged = new Moments().addAll(big.slice(0, half)).merge(new Moments().addAll(big.slice(half)));
    assert.ok(relClose(merged.variance, t.variance, 1e-6));
  });

  it('counts missing and infinite separately; empty is NaN', () => {
    const m = new Moments().addAll([1, null, undefined, Number.NaN, Number.POSITIVE_INFINITY, 3]);
    assert.equal(m.n, 2);
    assert.equal(m.missing, 3);
    assert.equal(m.infinite, 1);
    assert.equal(m.mean, 2);
    assert.equal(m.variance, 1);
    assert.equal(m.sampleVariance, 2);
    const e = new Moments();
    assert.ok(Number.isNaN(e.variance));
    assert.equal(e.toJSON().min, null);
    assert.ok(Number.isNaN(new Moments().add(4).sampleVariance));
  });

  it('round-trips through JSON', () => {
    const m = new Moments().addAll(normals(500, 9));
    const j = JSON.parse(JSON.stringify(m.toJSON()));
    assert.deepEqual(Moments.fromJSON(j).toJSON(), m.toJSON());
    assert.deepEqual(Moments.fromJSON(new Moments().toJSON()).toJSON(), new Moments().toJSON());
    assert.throws(() => Moments.fromJSON({ v: 2 } as never), /v1 moments/);
  });
});
