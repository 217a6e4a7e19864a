// Reproduces scripts/fixtures/stats.py's generator exactly: Park-Miller minstd (products < 2^47, exact
// in doubles), value = (x % modulo) / divisor + shift (correctly rounded in both languages).
import { readFileSync } from 'node:fs';

export interface GenSpec {
  seed: number;
  n: number;
  modulo: number;
  divisor: number;
  shift: number;
}

export function gen(spec: GenSpec): Float64Array {
  const out = new Float64Array(spec.n);
  let x = spec.seed;
  for (let i = 0; i < spec.n; i++) {
    x = (x * 48271) % 2147483647;
    out[i] = (x % spec.modulo) / spec.divisor + spec.shift;
  }
  return out;
}

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T;
}

/** |a − b| <= tol·max(|b|, floor): relative with an absolute floor for values near 0. */
export function close(actual: number, expected: number, rel: number, abs = 0): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= Math.max(rel * Math.abs(expected), abs);
}
