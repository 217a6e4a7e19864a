import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FrequentValues, MAX_VALUE_CHARS } from '../../../src/data/sketch/frequent.js';
import { xxhash64String } from '../../../src/data/sketch/xxhash64.js';
import { mulberry32 } from './gen.js';

describe('FrequentValues', () => {
  it('is exact below the cap', () => {
    const f = new FrequentValues({ cap: 10 }).addAll(['a', 'b', 'a', 1, -0, 0, true, null, Number.NaN]);
    assert.ok(f.exact);
    assert.equal(f.count('a'), 2);
    assert.equal(f.count(0), 2);
    assert.equal(f.count('true'), 1);
    assert.equal(f.missing, 2);
    assert.equal(f.n, 7);
    assert.deepEqual(f.top(2), [
      { value: '0', count: 2, upper: 2 },
      { value: 'a', count: 2, upper: 2 },
    ]);
  });

  it('counts a value longer than the limit under its beginning, length and hash, apart from others', () => {
    const whole = 'w'.repeat(MAX_VALUE_CHARS);
    const long = `${'x'.repeat(150)}${'y'.repeat(99_850)}`;
    const other = `${long.slice(0, -1)}z`;
    const f = new FrequentValues({ cap: 10 }).addAll([whole, long, long, other]);
    assert.equal(f.count(whole), 1);
    assert.equal(f.count(long), 2);
    assert.equal(f.count(other), 1);
    const hash = xxhash64String(long).toString(16).padStart(16, '0');
    assert.deepEqual(
      f.top().map((i) => i.value),
      [
        `${long.slice(0, 120)}… (100000 characters, XXH64 ${hash})`,
        whole,
        `${long.slice(0, 120)}… (100000 characters, XXH64 ${xxhash64String(other).toString(16).padStart(16, '0')})`,
      ],
    );
    assert.ok(f.top().every((i) => i.value.length <= MAX_VALUE_CHARS));
    assert.deepEqual(FrequentValues.fromJSON(f.toJSON()).top(), f.top());
  });

  it('beyond the cap, merged from parts, estimates are within [true - bound, true], bound <= n/(cap+1)', (t) => {
    const r = mulberry32(17);
    const truth = new Map<string, number>();
    const cap = 100;
    const parts = Array.from({ length: 5 }, () => new FrequentValues({ cap }));
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      // Zipf-like: a few heavy values and a long tail of 20k values.
      const v = `c${Math.floor(20_000 * r() ** 4)}`;
      truth.set(v, (truth.get(v) ?? 0) + 1);
      parts[i % 5]?.add(v);
    }
    const f = parts.reduce((acc, p) => acc.merge(p), new FrequentValues({ cap }));
    assert.equal(f.n, n);
    assert.ok(!f.exact);
    assert.ok(f.errorBound <= n / (cap + 1), `${f.errorBound}`);
    for (const [v, c] of truth) {
      const e = f.count(v);
      assert.ok(e <= c && e >= c - f.errorBound, `${v}: ${e} vs ${c} (bound ${f.errorBound})`);
    }
    // Every value more frequent than the bound is kept.
    for (const [v, c] of truth) if (c > f.errorBound) assert.ok(f.count(v) > 0, v);
    const top = [...truth].sort((a, b) => b[1] - a[1])[0];
    assert.equal(f.top(1)[0]?.value, top?.[0]);
    t.diagnostic(`  frequent cap=100 n=2e5: errorBound ${f.errorBound} (n/(cap+1) = ${Math.floor(n / (cap + 1))})`);
  });

  it('merge below the cap is exact and commutative', () => {
    const a = new FrequentValues({ cap: 5 }).addAll(['x', 'y', 'x']);
    const b = new FrequentValues({ cap: 5 }).addAll(['y', 'z']);
    assert.deepEqual(a.clone().merge(b).toJSON(), b.clone().merge(a).toJSON());
    assert.equal(a.clone().merge(b).count('y'), 2);
    assert.throws(() => a.merge(new FrequentValues({ cap: 6 })), /cap differs/);
  });

  it('round-trips through JSON', () => {
    const f = new FrequentValues({ cap: 3 }).addAll(['a', 'b', 'c', 'd', 'e', 'a', 'a', 'b', 'f', 'g']);
    const r = FrequentValues.fromJSON(JSON.parse(JSON.stringify(f)));
    assert.deepEqual(r.toJSON(), f.toJSON());
    assert.ok(f.toJSON().items.length <= 3);
  });
});
