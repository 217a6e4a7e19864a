// A JSON object of any shape whose numbers are all finite: JSON.parse turns 1e999 into Infinity,
// which no statistic can use.
import * as z from 'zod';

/** Whether every number in a JSON value is finite: the common case, answered without building paths. */
export function finiteJson(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const v of value) if (!finiteJson(v)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  for (const k in record) if (!finiteJson(record[k])) return false;
  return true;
}

/**
 * Whether `value` is an object zod's records take as they are: a plain object (not an array, not a
 * class instance) without an own `__proto__` key, which zod's copy would drop.
 */
export function plainRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    !Object.hasOwn(value, '__proto__')
  );
}

function finiteNumbers(value: unknown, ctx: z.core.$RefinementCtx, path: (string | number)[]): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    ctx.addIssue({ code: 'custom', path, message: 'number out of range: JSON numbers here must be finite' });
  } else if (value && typeof value === 'object') {
    // Arrays too: their entries are keyed by index.
    for (const [k, v] of Object.entries(value)) finiteNumbers(v, ctx, [...path, Array.isArray(value) ? Number(k) : k]);
  }
}

export const jsonObject = (description: string) =>
  z
    .record(z.string(), z.unknown())
    .superRefine((v, ctx) => {
      if (!finiteJson(v)) finiteNumbers(v, ctx, []);
    })
    .meta({ description });
