// Sides of a comparison made from in-memory columns: a profile, and the exact values when asked.
import type { DriftSide, ExactColumn } from '../../../src/data/drift/side.js';
import { profileColumns } from '../../../src/data/profile/profile.js';
import { Mulberry32 } from '../../../src/data/sketch/prng.js';

/** Distinct numbers ascending with their counts. */
export function countedNumbers(values: ArrayLike<number>): ExactColumn & { kind: 'numbers' } {
  const sorted = Float64Array.from(values).sort();
  const distinct: number[] = [];
  const counts: number[] = [];
  for (const v of sorted) {
    if (distinct.length && distinct[distinct.length - 1] === v)
      counts[counts.length - 1] = (counts.at(-1) as number) + 1;
    else {
      distinct.push(v);
      counts.push(1);
    }
  }
  return { kind: 'numbers', values: Float64Array.from(distinct), counts: Float64Array.from(counts) };
}

export function countedLabels(values: readonly string[]): ExactColumn & { kind: 'labels' } {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return { kind: 'labels', counts };
}

/**
 * A side from columns of values with declared types; with `exact`, the exact values of every number
 * and label column (missing values left out, as the profile leaves them out).
 */
export function side(columns: Record<string, unknown[]>, types: Record<string, string>, exact = true): DriftSide {
  const profile = profileColumns(columns, { types, seed: 7 });
  if (!exact) return { profile };
  const map = new Map<string, ExactColumn>();
  for (const [name, values] of Object.entries(columns)) {
    const present = values.filter((v) => v !== null && v !== undefined);
    const type = types[name];
    if (type === 'integer' || type === 'float' || type === 'datetime')
      map.set(name, countedNumbers(present as number[]));
    else if (type === 'string' || type === 'category' || type === 'boolean')
      map.set(name, countedLabels(present.map(String)));
  }
  return { profile, exact: map };
}

/** n standard normal values (Box-Muller) from a seeded generator, shifted and scaled. */
export function normal(n: number, seed: number, mean = 0, sd = 1): number[] {
  const rng = new Mulberry32(seed);
  return Array.from({ length: n }, () => {
    const u = 1 - rng.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
  });
}

/** n integers in [0, k) drawn with the given weights. */
export function draws(n: number, seed: number, weights: readonly number[]): number[] {
  const rng = new Mulberry32(seed);
  const total = weights.reduce((s, w) => s + w, 0);
  return Array.from({ length: n }, () => {
    let u = rng.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] as number;
      if (u < 0) return i;
    }
    return weights.length - 1;
  });
}
