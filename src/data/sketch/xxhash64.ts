// XXH64 (Yann Collet's xxHash, 64-bit variant, spec: github.com/Cyan4973/xxHash doc/xxhash_spec.md).
// A fast, well-distributed non-cryptographic hash; used to place values in HyperLogLog registers.
//
// Profiling hashes every distinct value of every column, so this runs on 32-bit halves (hi, lo) in
// plain numbers instead of BigInt (which allocates on every operation): about 20× faster. The 64-bit
// state lives in module variables, so the inner loop allocates nothing. Checked against the published
// vectors in test/data/sketch/hll.test.ts.
import { add, mul, R, rotl } from './u64.js';

// The five primes, as [hi, lo].
const P1H = 0x9e3779b1;
const P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d;
const P2L = 0x27d4eb4f;
const P3H = 0x165667b1;
const P3L = 0x9e3779f9;
const P4H = 0x85ebca77;
const P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f;
const P5L = 0x165667c5;

/** round(acc, lane) = rotl(acc + lane × P2, 31) × P1. */
function round(acc_h: number, acc_l: number, lh: number, ll: number): void {
  mul(lh, ll, P2H, P2L);
  add(acc_h, acc_l, R[0] as number, R[1] as number);
  rotl(R[0] as number, R[1] as number, 31);
  mul(R[0] as number, R[1] as number, P1H, P1L);
}

/** mergeRound(h, v) = (h ^ round(0, v)) × P1 + P4. */
function mergeRound(hh: number, hl: number, vh: number, vl: number): void {
  round(0, 0, vh, vl);
  mul((hh ^ (R[0] as number)) | 0, (hl ^ (R[1] as number)) | 0, P1H, P1L);
  add(R[0] as number, R[1] as number, P4H, P4L);
}

/** The 64-bit little-endian lane at byte i, as (lh, ll) through the result registers. */
function lane64(b: Uint8Array, i: number): void {
  (R[1] as number) =
    (b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24) | 0;
  (R[0] as number) =
    (b[i + 4] as number) |
    ((b[i + 5] as number) << 8) |
    ((b[i + 6] as number) << 16) |
    ((b[i + 7] as number) << 24) |
    0;
}

/** The state after the 32-byte stripes of an input of 32 bytes or more, left in R. */
function stripes(input: Uint8Array, len: number, seedHi: number, seedLo: number): void {
  let i = 0;
  add(seedHi, seedLo, P1H, P1L);
  add(R[0] as number, R[1] as number, P2H, P2L);
  let v1h = R[0] as number;
  let v1l = R[1] as number;
  add(seedHi, seedLo, P2H, P2L);
  let v2h = R[0] as number;
  let v2l = R[1] as number;
  let v3h = seedHi | 0;
  let v3l = seedLo | 0;
  // seed - P1 = seed + (2^64 - P1); P1's low half is not 0, so the two's complement has no carry.
  add(seedHi, seedLo, ~P1H >>> 0, -P1L >>> 0);
  let v4h = R[0] as number;
  let v4l = R[1] as number;
  for (; i + 32 <= len; i += 32) {
    lane64(input, i);
    round(v1h, v1l, R[0] as number, R[1] as number);
    v1h = R[0] as number;
    v1l = R[1] as number;
    lane64(input, i + 8);
    round(v2h, v2l, R[0] as number, R[1] as number);
    v2h = R[0] as number;
    v2l = R[1] as number;
    lane64(input, i + 16);
    round(v3h, v3l, R[0] as number, R[1] as number);
    v3h = R[0] as number;
    v3l = R[1] as number;
    lane64(input, i + 24);
    round(v4h, v4l, R[0] as number, R[1] as number);
    v4h = R[0] as number;
    v4l = R[1] as number;
  }
  rotl(v1h, v1l, 1);
  let sh = R[0] as number;
  let sl = R[1] as number;
  rotl(v2h, v2l, 7);
  add(sh, sl, R[0] as number, R[1] as number);
  sh = R[0] as number;
  sl = R[1] as number;
  rotl(v3h, v3l, 12);
  add(sh, sl, R[0] as number, R[1] as number);
  sh = R[0] as number;
  sl = R[1] as number;
  rotl(v4h, v4l, 18);
  add(sh, sl, R[0] as number, R[1] as number);
  mergeRound(R[0] as number, R[1] as number, v1h, v1l);
  mergeRound(R[0] as number, R[1] as number, v2h, v2l);
  mergeRound(R[0] as number, R[1] as number, v3h, v3l);
  mergeRound(R[0] as number, R[1] as number, v4h, v4l);
}

/**
 * XXH64 of the first `len` bytes of `input`, with seed (seedHi, seedLo); the hash is returned as its
 * two 32-bit halves in `out` ([hi, lo]).
 */
export function xxhash64Halves(input: Uint8Array, len: number, out: Uint32Array, seedHi = 0, seedLo = 0): void {
  let i = 0;
  if (len >= 32) {
    stripes(input, len, seedHi, seedLo);
    i = len - (len % 32);
  } else add(seedHi, seedLo, P5H, P5L);
  let hh = R[0] as number;
  let hl = R[1] as number;
  // h += len (len < 2^32 here: a JS typed array cannot be larger)
  add(hh, hl, 0, len);
  hh = R[0] as number;
  hl = R[1] as number;
  for (; i + 8 <= len; i += 8) {
    lane64(input, i);
    round(0, 0, R[0] as number, R[1] as number);
    hh = (hh ^ (R[0] as number)) | 0;
    hl = (hl ^ (R[1] as number)) | 0;
    rotl(hh, hl, 27);
    mul(R[0] as number, R[1] as number, P1H, P1L);
    add(R[0] as number, R[1] as number, P4H, P4L);
    hh = R[0] as number;
    hl = R[1] as number;
  }
  if (i + 4 <= len) {
    const word =
      (input[i] as number) |
      ((input[i + 1] as number) << 8) |
      ((input[i + 2] as number) << 16) |
      ((input[i + 3] as number) << 24) |
      0;
    mul(0, word, P1H, P1L);
    hh = (hh ^ (R[0] as number)) | 0;
    hl = (hl ^ (R[1] as number)) | 0;
    rotl(hh, hl, 23);
    mul(R[0] as number, R[1] as number, P2H, P2L);
    add(R[0] as number, R[1] as number, P3H, P3L);
    hh = R[0] as number;
    hl = R[1] as number;
    i += 4;
  }
  for (; i < len; i++) {
    mul(0, input[i] as number, P5H, P5L);
    hh = (hh ^ (R[0] as number)) | 0;
    hl = (hl ^ (R[1] as number)) | 0;
    rotl(hh, hl, 11);
    mul(R[0] as number, R[1] as number, P1H, P1L);
    hh = R[0] as number;
    hl = R[1] as number;
  }
  // Avalanche: h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32.
  hl = (hl ^ (hh >>> 1)) | 0;
  mul(hh, hl, P2H, P2L);
  hh = ((R[0] as number) ^ ((R[0] as number) >>> 29)) | 0;
  hl = ((R[1] as number) ^ (((R[1] as number) >>> 29) | ((R[0] as number) << 3))) | 0;
  mul(hh, hl, P3H, P3L);
  out[0] = R[0] as number;
  out[1] = ((R[1] as number) ^ (R[0] as number)) | 0;
}

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);
const halves = new Uint32Array(2);

/**
 * XXH64 of a string's UTF-8 bytes, as [hi, lo] in `out` (default: a shared array, valid until the
 * next call). ASCII is copied by hand: for short strings that is several times faster than a call
 * into TextEncoder.
 */
export function xxhash64StringHalves(s: string, out: Uint32Array = halves): Uint32Array {
  const n = s.length;
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  if (n * 3 > scratch.length) scratch = new Uint8Array(Math.max(n * 3, scratch.length * 2));
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) break;
    scratch[i] = c;
  }
  const len = i === n ? n : encoder.encodeInto(s, scratch).written;
  xxhash64Halves(scratch, len, out);
  return out;
}

const M32 = 0xffffffffn;

/** XXH64 of bytes with a 64-bit seed, as a BigInt. */
export function xxhash64(input: Uint8Array, seed = 0n): bigint {
  const out = new Uint32Array(2);
  xxhash64Halves(input, input.length, out, Number((seed >> 32n) & M32), Number(seed & M32));
  return (BigInt(out[0] as number) << 32n) | BigInt(out[1] as number);
}

/** XXH64 of a string's UTF-8 bytes, as a BigInt. */
export function xxhash64String(s: string, seed = 0n): bigint {
  return xxhash64(encoder.encode(s), seed);
}
