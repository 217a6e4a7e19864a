// The profile JSON format (version 1) as a zod schema, and loading with diagnostics that name the
// file, the JSON pointer, what was expected and what was found (as descriptors do).
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { type Diagnostic, problemsFromIssues } from '../../descriptors/diagnostics.js';
import { pointer } from '../../descriptors/source.js';
import { itemTypes } from '../../descriptors/vocabulary.js';
import { keyOf } from '../sketch/frequent.js';
import { HyperLogLog, hllStandardError } from '../sketch/hll.js';
import { KllSketch } from '../sketch/kll.js';
import { gridProblem } from './grid.js';

export const PROFILE_VERSION = 1;

const count = z.number().int().nonnegative();
const finite = z
  .number()
  .refine(Number.isFinite, { message: 'not a finite number', params: { expected: 'a finite number' } });

const momentsSchema = z.object({
  v: z.literal(1),
  kind: z.literal('moments'),
  n: count,
  missing: count,
  infinite: count,
  min: finite.nullable(),
  max: finite.nullable(),
  mean: z.number(),
  m2: z.number(),
  m3: z.number(),
  m4: z.number(),
});

const kllSchema = z.object({
  v: z.literal(1),
  kind: z.literal('kll'),
  k: z.number().int().min(8).max(65535),
  n: count,
  missing: count,
  min: finite.nullable(),
  max: finite.nullable(),
  rng: z.number().int().nonnegative(),
  levels: z.array(z.array(finite)),
});

const hllSchema = z.object({
  // 3 is written; 2 (the registers one byte each) is read.
  v: z.union([z.literal(2), z.literal(3)]),
  kind: z.literal('hll'),
  p: z.number().int().min(4).max(18),
  missing: count,
  registers: z.string(),
});

const frequentSchema = z.object({
  v: z.literal(1),
  kind: z.literal('frequent'),
  cap: z.number().int().positive(),
  n: count,
  missing: count,
  errorBound: count,
  // A profile written before long values were counted under a key holds them whole: read them under it.
  items: z
    .array(z.tuple([z.string(), count]))
    .transform((items) => items.map(([v, c]): [string, number] => [keyOf(v), c])),
});

const histogramSchema = z.object({
  edges: z.array(finite),
  counts: z.array(count),
  underflow: count,
  overflow: count,
  /** Present when the edges come from the pinned power-of-two lattice (see grid.ts); absent for caller edges. */
  grid: z
    .object({
      log2_width: z.number().int(),
      min_log2_width: z.number().int(),
      max_bins: z.number().int().min(2),
    })
    .optional(),
});

export const columnSchema = z.object({
  type: z.enum(itemTypes.values as [string, ...string[]]),
  /** Values seen: always equals the profile's rows. */
  count,
  /** null, undefined, NaN and empty strings (and rows of parts that lacked the column). */
  missing: count,
  /** Present values that are not of the column's type (e.g. "abc" in a float column); kept out of the sketches. */
  invalid: count,
  /** Derived from `hll` (informational; recomputed on merge). */
  distinct: z.number().nonnegative().nullable(),
  /** Derived from `moments` (informational). Datetimes in epoch milliseconds. */
  min: finite.nullable().optional(),
  max: finite.nullable().optional(),
  mean: z.number().nullable().optional(),
  variance: z.number().nullable().optional(),
  hll: hllSchema.optional(),
  moments: momentsSchema.optional(),
  quantiles: z
    .object({
      /** Normalized rank error at 99% confidence for one quantile, and for all at once (kll.ts). */
      error_bound: z.number().positive(),
      error_bound_all: z.number().positive(),
      sketch: kllSchema,
    })
    .optional(),
  histogram: histogramSchema.nullable().optional(),
  frequent: frequentSchema.optional(),
});

export const profileSchema = z
  .object({
    dovetail_profile: z.literal(PROFILE_VERSION),
    created: z.string().min(1),
    source: z.record(z.string(), z.unknown()).optional(),
    rows: count,
    columns: z.record(z.string(), columnSchema),
  })
  .superRefine((p, ctx) => {
    const issue = (path: (string | number)[], message: string, expected: string) =>
      ctx.addIssue({ code: 'custom', path, message, params: { expected } });
    for (const [name, c] of Object.entries(p.columns)) {
      const at = ['columns', name];
      if (c.count !== p.rows) issue([...at, 'count'], 'count differs from rows', `${p.rows} (the profile's rows)`);
      if (c.missing + c.invalid > c.count)
        issue([...at, 'missing'], 'missing + invalid exceed count', `at most ${c.count - c.invalid}`);
      if (c.hll) {
        try {
          HyperLogLog.fromJSON(c.hll);
        } catch (e) {
          issue(
            [...at, 'hll', 'registers'],
            (e as Error).message.replace('HyperLogLog.fromJSON: ', ''),
            `2^p = ${2 ** c.hll.p} registers`,
          );
        }
      }
      if (c.quantiles) {
        try {
          KllSketch.fromJSON(c.quantiles.sketch);
        } catch (e) {
          issue([...at, 'quantiles', 'sketch', 'levels'], (e as Error).message, 'level weights summing to n');
        }
      }
      const h = c.histogram;
      if (h) {
        if (h.grid) {
          const problem = gridProblem({ ...h, grid: h.grid });
          if (problem) issue([...at, 'histogram', 'edges'], problem, 'edges on the stated power-of-two lattice');
        } else {
          if (h.edges.length < 2) issue([...at, 'histogram', 'edges'], 'too few edges', 'at least 2 edges');
          else if (h.counts.length !== h.edges.length - 1)
            issue([...at, 'histogram', 'counts'], 'counts do not match edges', `${h.edges.length - 1} counts`);
          for (let i = 1; i < h.edges.length; i++) {
            if (!((h.edges[i] as number) > (h.edges[i - 1] as number))) {
              issue([...at, 'histogram', 'edges', i], 'edges must increase', `a value > ${h.edges[i - 1]}`);
              break;
            }
          }
        }
      }
    }
  });

export type ProfileJSON = z.infer<typeof profileSchema>;
export type ColumnProfileJSON = z.infer<typeof columnSchema>;

/** A profile that could not be read: every problem with file, pointer, expected and found. */
export class ProfileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(
      diagnostics
        .map(
          (d) =>
            `${d.file}${d.line ? `:${d.line}` : ''}: ${d.pointer || '/'}: ${d.message}` +
            (d.expected ? `; expected ${d.expected}` : '') +
            (d.found ? `, found ${d.found}` : ''),
        )
        .join('\n'),
    );
    this.name = 'ProfileError';
  }
}

/** Validates a parsed JSON document as a profile; throws ProfileError naming `file` and the pointers. */
export function validateProfile(document: unknown, file = '<profile>'): ProfileJSON {
  const r = profileSchema.safeParse(document);
  if (r.success) return r.data;
  const problems = problemsFromIssues(r.error.issues, document, () => []);
  throw new ProfileError(
    problems.map((p) => ({
      severity: 'error',
      file,
      pointer: pointer(p.path),
      message: p.message,
      expected: p.expected,
      found: p.found,
    })),
  );
}

/** Parses profile JSON text. */
export function parseProfile(text: string, file = '<profile>'): ProfileJSON {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    throw new ProfileError([
      { severity: 'error', file, line, pointer: '', message: `not JSON: ${(e as Error).message}`, expected: 'JSON' },
    ]);
  }
  return validateProfile(document, file);
}

export async function loadProfile(file: string): Promise<ProfileJSON> {
  return parseProfile(await readFile(file, 'utf8'), file);
}

/** Relative standard error of the distinct estimate stated for a column (HLL). */
export function distinctError(column: ColumnProfileJSON): number | undefined {
  return column.hll ? hllStandardError(column.hll.p) : undefined;
}
