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
    assert.throws(() => HyperLogLog.fromJSON({ ...h.toJSON(), p: 9 }), /registers do not match p: 256 of 2\^p = 512/);
    assert.throws(() => new HyperLogLog({ p: 3 }), /p must be/);
  });
});

describe('HyperLogLog JSON (version 3: registers run-length encoded)', () => {
  const base64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');
  const withRegisters = (p: number, set: Record<number, number>) => {
    const h = new HyperLogLog({ p });
    for (const [i, r] of Object.entries(set)) h.registers[Number(i)] = r;
    return h;
  };

  it('writes a rank as its byte and a run of empty registers as 0 and its length', () => {
    // 16 registers: 3 empty, rank 5, 12 empty.
    assert.equal(withRegisters(4, { 3: 5 }).toJSON().registers, base64([0, 3, 5, 0, 12]));
    // 256 registers: 200 empty (200 = 0x48 + 1·128: LEB128 C8 01), rank 7, 55 empty.
    assert.equal(withRegisters(8, { 200: 7 }).toJSON().registers, base64([0, 0xc8, 0x01, 7, 0, 55]));
    assert.equal(new HyperLogLog({ p: 18 }).toJSON().registers, base64([0, 0x80, 0x80, 0x10]));
    assert.equal(withRegisters(4, { 0: 1, 15: 61 }).toJSON().registers, base64([1, 0, 14, 61]));
  });

  it('round-trips registers exactly, from empty to full, p = 4 to 18', () => {
    for (const p of [4, 10, 12, 18]) {
      for (const n of [0, 1, 4, 100, 5000, 200_000]) {
        const h = new HyperLogLog({ p }).addAll(Array.from({ length: n }, (_, i) => `v${i}`));
        const back = HyperLogLog.fromJSON(JSON.parse(JSON.stringify(h)));
        assert.deepEqual(back.registers, h.registers, `p=${p} n=${n}`);
        assert.equal(back.estimate(), h.estimate());
      }
    }
  });

  it('keeps a few distinct values in a few bytes, and a full sketch in about 2^p', () => {
    const dense = Math.ceil(4096 / 3) * 4;
    const few = new HyperLogLog({ p: 12 }).addAll(['economy', 'premium', 'business', 'first']);
    assert.ok(few.toJSON().registers.length < 40, few.toJSON().registers);
    const full = new HyperLogLog({ p: 12 }).addAll(Array.from({ length: 100_000 }, (_, i) => i));
    assert.ok(full.toJSON().registers.length <= dense + 8, `${full.toJSON().registers.length} vs ${dense}`);
    // Half the registers empty, scattered: still no larger than the registers one byte each.
    const half = new HyperLogLog({ p: 12 }).addAll(Array.from({ length: 2800 }, (_, i) => i));
    assert.ok(half.toJSON().registers.length <= dense, `${half.toJSON().registers.length} vs ${dense}`);
  });

  it('reads version 2 (one byte a register) as written before', () => {
    const h = new HyperLogLog({ p: 10 }).addAll(Array.from({ length: 700 }, (_, i) => `u${i}`));
    h.missing = 3;
    const v2 = {
      v: 2 as const,
      kind: 'hll' as const,
      p: 10,
      missing: 3,
      registers: Buffer.from(h.registers).toString('base64'),
    };
    const back = HyperLogLog.fromJSON(v2);
    assert.deepEqual(back.registers, h.registers);
    assert.equal(back.missing, 3);
    assert.deepEqual(back.toJSON(), h.toJSON());
    assert.throws(() => HyperLogLog.fromJSON({ ...v2, registers: base64([1, 2, 3]) }), /3 of 2\^p = 1024/);
  });

  it('refuses registers that do not decode to 2^p valid ranks', () => {
    const v3 = (bytes: number[], p = 4) => ({
      v: 3 as const,
      kind: 'hll' as const,
      p,
      missing: 0,
      registers: base64(bytes),
    });
    const cases: [number[], RegExp][] = [
      [[0, 15], /do not match p: 15 of 2\^p = 16/],
      [[0, 16, 1], /more than 2\^p/],
      [[0, 0x80], /end inside the length of a run/],
      [[0, 0, 0, 16], /a run of no empty registers/],
      [[62, 0, 15], /rank 62, above the largest possible \(61\)/],
    ];
    for (const [bytes, error] of cases) assert.throws(() => HyperLogLog.fromJSON(v3(bytes)), error, String(bytes));
    assert.throws(() => HyperLogLog.fromJSON({ ...v3([0, 16]), v: 4 } as never), /not a version 2 or 3/);
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
