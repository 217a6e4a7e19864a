// The 64-bit hash of a whole number (a safe integer: |x| <= 2^53 - 1), for HyperLogLog:
//   h(x) = fmix64((x + 0x9E3779B97F4A7C15) mod 2^64)
// with x as a two's-complement 64-bit integer and fmix64 MurmurHash3's finalizer (a bijection with
// full avalanche). The golden-ratio offset keeps 0 from hashing to 0 (fmix64(0) = 0).
// Whole numbers are most of the numbers in data (counts, codes, epoch milliseconds), and this hash is
// plain integer arithmetic, so DuckDB computes it too (`registersSql`): a profile's HyperLogLog
// registers for such columns are computed inside DuckDB, over the distinct values, without handing
// them to JavaScript; both sides agree bit for bit (tested).
import { mul, R } from './u64.js';

const GOLDEN_H = 0x9e3779b9;
const GOLDEN_L = 0x7f4a7c15;
const C1H = 0xff51afd7;
const C1L = 0xed558ccd;
const C2H = 0xc4ceb9fe;
const C2L = 0x1a85ec53;
const TWO_32 = 2 ** 32;

/** h(x) of a safe integer as [hi, lo] in `out`. */
export function integerHashHalves(x: number, out: Uint32Array): Uint32Array {
  // Two's complement halves of x.
  const a = Math.abs(x);
  let hi = Math.floor(a / TWO_32);
  let lo = a - hi * TWO_32;
  if (x < 0) {
    lo = (TWO_32 - lo) % TWO_32;
    hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
  }
  // + golden, mod 2^64
  const sum = lo + GOLDEN_L;
  lo = sum >>> 0;
  hi = (hi + GOLDEN_H + (sum >= TWO_32 ? 1 : 0)) >>> 0;
  // fmix64: k ^= k >> 33; k *= C1; k ^= k >> 33; k *= C2; k ^= k >> 33
  lo = (lo ^ (hi >>> 1)) >>> 0;
  mul(hi, lo, C1H, C1L);
  hi = (R[0] as number) >>> 0;
  lo = ((R[1] as number) ^ (hi >>> 1)) >>> 0;
  mul(hi, lo, C2H, C2L);
  hi = (R[0] as number) >>> 0;
  lo = ((R[1] as number) ^ (hi >>> 1)) >>> 0;
  out[0] = hi;
  out[1] = lo;
  return out;
}

const M32 = '4294967295::UBIGINT';

/**
 * SQL (DuckDB): for each row of `from` (a table or subquery with a DOUBLE column `v` holding safe
 * integers), the HyperLogLog register index and rank at precision p of h(v), as HyperLogLog.addHash
 * computes them: index = the top p bits, rank = the leading zeros of the other 64 - p bits, plus one.
 * Plain 64-bit integer arithmetic on 32-bit halves (DuckDB's 128-bit integers are 100 times slower),
 * one subquery per step so that no expression is repeated.
 */
export function registersSql(from: string, p: number): string {
  const steps: ((prev: string) => string)[] = [
    (f) =>
      `SELECT CAST((CAST(v AS BIGINT) >> 32) & 4294967295 AS UBIGINT) AS hi, CAST(CAST(v AS BIGINT) & 4294967295 AS UBIGINT) AS lo FROM ${f}`,
    // + golden, carrying from the low half; then k ^= k >> 33
    (f) =>
      `SELECT (hi + ${GOLDEN_H}::UBIGINT + ((lo + ${GOLDEN_L}::UBIGINT) >> 32)) & ${M32} AS hi, (lo + ${GOLDEN_L}::UBIGINT) & ${M32} AS lo FROM ${f}`,
    (f) => `SELECT hi, xor(lo, hi >> 1) AS lo FROM ${f}`,
    (f) => `SELECT ${mulSql(C1H, C1L)} FROM ${f}`,
    (f) => `SELECT hi, xor(lo, hi >> 1) AS lo FROM ${f}`,
    (f) => `SELECT ${mulSql(C2H, C2L)} FROM ${f}`,
    (f) => `SELECT hi, xor(lo, hi >> 1) AS lo FROM ${f}`,
    (f) =>
      `SELECT CAST(hi >> ${32 - p} AS INTEGER) AS register, ((hi & ${2 ** (32 - p) - 1}::UBIGINT) << 32) | lo AS rest FROM ${f}`,
    // floor(log2) through DOUBLE can round up just below a power of two: corrected exactly.
    (f) => `SELECT register, rest, CAST(floor(log2(CAST(rest AS DOUBLE))) AS INTEGER) AS log FROM ${f}`,
    (f) =>
      `SELECT register, ${64 - p} - CASE WHEN rest = 0 THEN 0 ELSE log - CASE WHEN (rest >> log) = 0 THEN 1 ELSE 0 END + 1 END + 1 AS rank FROM ${f}`,
  ];
  return steps.reduce((sql, step) => step(`(${sql})`), `SELECT v FROM ${from}`);
}

/** SQL for (hi, lo) × (mh, ml) mod 2^64 on 32-bit halves in UBIGINT (no product exceeds 2^64). */
function mulSql(mh: number, ml: number): string {
  const p = `(lo * ${ml}::UBIGINT)`;
  return [
    `((${p} >> 32) + ((hi * ${ml}::UBIGINT) & ${M32}) + ((lo * ${mh}::UBIGINT) & ${M32})) & ${M32} AS hi`,
    `${p} & ${M32} AS lo`,
  ].join(', ');
}
