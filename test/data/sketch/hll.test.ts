import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalString, HyperLogLog, hllStandardError } from '../../../src/data/sketch/hll.js';
import { integerHashHalves } from '../../../src/data/sketch/integer-hash.js';
import { xxhash64String, xxhash64StringHalves } from '../../../src/data/sketch/xxhash64.js';

describe('xxhash64 matches the published XXH64 vectors', () => {
  const vectors: [string, bigint, bigint][] = [
    ['', 0n, 0xef46db3751d8e999n],
    ['a', 0n, 0xd24ec4f1a98c6e5bn],
    ['abc', 0n, 0x44bc2cf5ad770999n],
    ['message digest', 0n, 0x066ed728fceeb3ben],
    ['hello', 0n, 0x26c7827d889f6da3n],
    ['a'.repeat(32), 0n, 0x856e843298f99ad7n],
    ['0123456789abcdef0123456789abcdef', 0n, 0x642a94958e71e6c5n],
    ['Nobody inspects the spammish repetition', 0n, 0xfbcea83c8a378bf1n],
    ['The quick brown fox jumps over the lazy dog', 0n, 0x0b242d361fda71bcn],
    ['abc', 12345n, 0x01700e64f6f23509n],
  ];
  for (const [s, seed, want] of vectors) {
    it(`${JSON.stringify(s.length > 20 ? `${s.slice(0, 20)}…` : s)} seed ${seed}`, () => {
      assert.equal(xxhash64String(s, seed), want);
    });
  }
});

describe('HyperLogLog', () => {
  const se = hllStandardError(14);

  it('p=14 standard error is 1.04/128', () => {
    assert.ok(Math.abs(se - 0.008125) < 1e-9);
  });

  it('is exact-ish for tiny cardinalities', () => {
    const h = new HyperLogLog();
    assert.equal(h.estimate(), 0);
    h.addAll(['a', 'b', 'c', 'a', 'b']);
    assert.ok(Math.abs(h.estimate() - 3) < 0.01, `${h.estimate()}`);
    const h100 = new HyperLogLog().addAll(Array.from({ length: 100 }, (_, i) => `v${i}`));
    assert.ok(Math.abs(h100.estimate() - 100) < 1, `${h100.estimate()}`);
  });

  it('relative error within 3 standard errors, 1e3..1e6 distinct, merged from overlapping parts', (t) => {
    const parts = [new HyperLogLog(), new HyperLogLog(), new HyperLogLog(), new HyperLogLog()];
    const checkpoints = new Set([1_000, 10_000, 100_000, 1_000_000]);
    const report: string[] = [];
    for (let i = 1; i <= 1_000_000; i++) {
      const v = `user-${i}`;
      parts[i % 4]?.add(v);
      // Duplicates across parts must not count twice.
      if (i % 10 === 0) parts[(i + 1) % 4]?.add(v);
      if (checkpoints.has(i)) {
        const merged = parts.reduce((acc, p) => acc.merge(p), new HyperLogLog());
        const rel = (merged.estimate() - i) / i;
        report.push(`n=${i}: ${(rel * 100).toFixed(3)}%`);
        assert.ok(Math.abs(rel) < 3 * se, `n=${i} relative error ${rel} vs 3·SE ${3 * se}`);
      }
    }
    t.diagnostic(`  hll p=14 relative errors: ${report.join(', ')} (3·SE = ${(3 * se * 100).toFixed(2)}%)`);
  });

  it('numbers hash canonically (-0 is 0, 1.0 is 1); missing is counted apart', () => {
    assert.equal(canonicalString(-0), '0');
    assert.equal(canonicalString(1.0), '1');
    assert.equal(canonicalString(new Date(0)), '1970-01-01T00:00:00.000Z');
    const h = new HyperLogLog().addAll([0, -0, 1, 1.0, null, undefined, Number.NaN]);
    assert.equal(h.missing, 3);
    assert.ok(Math.abs(h.estimate() - 2) < 0.01);
  });

  it('merge is commutative, idempotent, and needs equal p', () => {
    const a = new HyperLogLog({ p: 10 }).addAll(Array.from({ length: 5000 }, (_, i) => i));
    const b = new HyperLogLog({ p: 10 }).addAll(Array.from({ length: 5000 }, (_, i) => i + 2500));
    const ab = a.clone().merge(b);
    assert.deepEqual(ab.toJSON(), b.clone().merge(a).toJSON());
    assert.deepEqual(ab.clone().merge(b).toJSON(), ab.toJSON());
    assert.ok(Math.abs(ab.estimate() / 7500 - 1) < 3 * hllStandardError(10));
    assert.throws(() => a.merge(new HyperLogLog({ p: 11 })), /precision differs/);
  });

  it('round-trips through JSON', () => {
    const h = new HyperLogLog({ p: 8 }).addAll(['x', 'y', null]);
    const r = HyperLogLog.fromJSON(JSON.parse(JSON.stringify(h)));
    assert.deepEqual(r.toJSON(), h.toJSON());
    assert.equal(r.estimate(), h.estimate());
    assert.throws(() => HyperLogLog.fromJSON({ ...h.toJSON(), p: 9 }), /register count/);
    assert.throws(() => new HyperLogLog({ p: 3 }), /p must be/);
  });
});

describe('number and string hashing', () => {
  // The definition, in BigInt: fmix64((x + golden) mod 2^64).
  const M = (1n << 64n) - 1n;
  const reference = (x: number): bigint => {
    let k = (BigInt(x) + 0x9e3779b97f4a7c15n) & M;
    k ^= k >> 33n;
    k = (k * 0xff51afd7ed558ccdn) & M;
    k ^= k >> 33n;
    k = (k * 0xc4ceb9fe1a85ec53n) & M;
    return k ^ (k >> 33n);
  };

  it('matches its definition, negatives and extremes included', () => {
    const values = [0, -0, 1, -1, 2 ** 32, -(2 ** 32), 2 ** 32 - 1, 978307260000, 2 ** 53 - 1, -(2 ** 53) + 1];
    for (let i = 0; i < 200; i++) values.push(Math.round((i * 7919 - 500_000) * 1.37e7));
    for (const x of values) {
      const [hi, lo] = integerHashHalves(x, new Uint32Array(2));
      assert.equal(
        (BigInt(hi as number) << 32n) | BigInt(lo as number),
        reference(Object.is(x, -0) ? 0 : x),
        String(x),
      );
    }
  });

  it('hashes non-ASCII strings by their UTF-8 bytes', () => {
    for (const s of ['é', 'naïve café', '東京', '😀 emoji', `${'a'.repeat(40)}ß`]) {
      const [hi, lo] = xxhash64StringHalves(s);
      assert.equal((BigInt(hi as number) << 32n) | BigInt(lo as number), xxhash64String(s), s);
    }
  });
});
