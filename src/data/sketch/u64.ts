// Unsigned 64-bit arithmetic on (hi, lo) 32-bit halves in plain numbers, for the hashes: BigInt
// allocates on every operation. Results are left in R ([hi, lo]) so the inner loops allocate nothing.

// Result registers of the 64-bit helpers below: a typed array, because module variables holding
// numbers above 2^30 are boxed, and boxing on every operation cost 4× the hash itself.
export const R = new Int32Array(2);

/** High 32 bits of the 64-bit product of two unsigned 32-bit numbers. */
function mulHigh(a: number, b: number): number {
  const a1 = a >>> 16;
  const a0 = a & 0xffff;
  const b1 = b >>> 16;
  const b0 = b & 0xffff;
  const mid1 = a1 * b0;
  const mid2 = a0 * b1;
  const carry = (((a0 * b0) >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff)) >>> 16;
  return (a1 * b1 + (mid1 >>> 16) + (mid2 >>> 16) + carry) | 0;
}

/** ((R[0] as number), (R[1] as number)) = (ah, al) × (bh, bl) mod 2^64. */
export function mul(ah: number, al: number, bh: number, bl: number): void {
  R[0] = (Math.imul(ah, bl) + Math.imul(al, bh) + mulHigh(al, bl)) | 0;
  R[1] = Math.imul(al, bl) | 0;
}

/** ((R[0] as number), (R[1] as number)) = (ah, al) + (bh, bl) mod 2^64. */
export function add(ah: number, al: number, bh: number, bl: number): void {
  const lo = (al >>> 0) + (bl >>> 0);
  R[1] = lo | 0;
  R[0] = (ah + bh + (lo > 0xffffffff ? 1 : 0)) | 0;
}

/** ((R[0] as number), (R[1] as number)) = rotate-left((ah, al), r), 0 < r < 64. */
export function rotl(ah: number, al: number, r: number): void {
  if (r >= 32) {
    const t = ah;
    ah = al;
    al = t;
    r -= 32;
  }
  if (r === 0) {
    R[0] = ah | 0;
    R[1] = al | 0;
    return;
  }
  R[0] = (ah << r) | (al >>> (32 - r)) | 0;
  R[1] = (al << r) | (ah >>> (32 - r)) | 0;
}
