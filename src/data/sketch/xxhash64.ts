// XXH64 (Yann Collet's xxHash, 64-bit variant, spec: github.com/Cyan4973/xxHash doc/xxhash_spec.md).
// A fast, well-distributed non-cryptographic hash; used to place values in HyperLogLog registers.
// BigInt arithmetic, wrapped to 64 bits: simple and checked against the published vectors.

const M64 = 0xffffffffffffffffn;
const P1 = 11400714785074694791n;
const P2 = 14029467366897019727n;
const P3 = 1609587929392839161n;
const P4 = 9650029242287828579n;
const P5 = 2870177450012600261n;

const rotl = (x: bigint, r: bigint) => ((x << r) | (x >> (64n - r))) & M64;
const round = (acc: bigint, lane: bigint) => (rotl((acc + lane * P2) & M64, 31n) * P1) & M64;
const mergeRound = (acc: bigint, v: bigint) => ((acc ^ round(0n, v)) * P1 + P4) & M64;

function u32(b: Uint8Array, i: number): number {
  return (
    ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)) >>> 0
  );
}
const u64 = (b: Uint8Array, i: number) => BigInt(u32(b, i)) | (BigInt(u32(b, i + 4)) << 32n);

/** XXH64 of bytes with a 64-bit seed. */
export function xxhash64(input: Uint8Array, seed = 0n): bigint {
  const len = input.length;
  let i = 0;
  let h: bigint;
  if (len >= 32) {
    let v1 = (seed + P1 + P2) & M64;
    let v2 = (seed + P2) & M64;
    let v3 = seed & M64;
    let v4 = (seed - P1) & M64;
    for (; i + 32 <= len; i += 32) {
      v1 = round(v1, u64(input, i));
      v2 = round(v2, u64(input, i + 8));
      v3 = round(v3, u64(input, i + 16));
      v4 = round(v4, u64(input, i + 24));
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & M64;
    h = mergeRound(h, v1);
    h = mergeRound(h, v2);
    h = mergeRound(h, v3);
    h = mergeRound(h, v4);
  } else {
    h = (seed + P5) & M64;
  }
  h = (h + BigInt(len)) & M64;
  for (; i + 8 <= len; i += 8) {
    h ^= round(0n, u64(input, i));
    h = (rotl(h, 27n) * P1 + P4) & M64;
  }
  if (i + 4 <= len) {
    h ^= (BigInt(u32(input, i)) * P1) & M64;
    h = (rotl(h, 23n) * P2 + P3) & M64;
    i += 4;
  }
  for (; i < len; i++) {
    h ^= (BigInt(input[i] as number) * P5) & M64;
    h = (rotl(h, 11n) * P1) & M64;
  }
  h ^= h >> 33n;
  h = (h * P2) & M64;
  h ^= h >> 29n;
  h = (h * P3) & M64;
  h ^= h >> 32n;
  return h;
}

const encoder = new TextEncoder();

/** XXH64 of a string's UTF-8 bytes. */
export function xxhash64String(s: string, seed = 0n): bigint {
  return xxhash64(encoder.encode(s), seed);
}
