// A JSON object of any shape whose numbers are all finite: JSON.parse turns 1e999 into Infinity,
// which no statistic can use.
import * as z from 'zod';

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
    .superRefine((v, ctx) => finiteNumbers(v, ctx, []))
    .meta({ description });
