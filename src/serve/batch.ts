// Validating a batch item by item: the body must be `{<field>: [...]}`; each item that fails its
// schema is rejected with its index and errors while the others go on.
import * as z from 'zod';
import { closest } from '../descriptors/diagnostics.js';
import { pointer } from '../descriptors/source.js';
import { fieldsAt } from '../descriptors/validate.js';
import { ApiError } from './errors.js';

export interface ItemError {
  /** JSON pointer inside the item. */
  path: string;
  message: string;
}

export interface Rejected {
  index: number;
  errors: ItemError[];
}

export const rejectedSchema = z.object({
  index: z.int().meta({ description: 'Position of the item in the batch, from 0.' }),
  errors: z.array(
    z.object({
      path: z.string().meta({ description: 'JSON pointer of the field inside the item ("" for the item).' }),
      message: z.string(),
    }),
  ),
});

export const batchResponse = z.object({
  accepted: z.int().meta({ description: 'Items stored, durably, before this response was sent.' }),
  rejected: z.array(rejectedSchema),
});

function itemErrors(issues: readonly z.core.$ZodIssue[], schema: z.ZodType): ItemError[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code !== 'unrecognized_keys') return [{ path: pointer(path), message: issue.message }];
    return issue.keys.map((key) => {
      const guess = closest(key, fieldsAt(schema, issue.path));
      return {
        path: pointer([...path, key]),
        message: `unknown field "${key}"${guess ? `; did you mean "${guess}"?` : ''}`,
      };
    });
  });
}

/**
 * Items one request may carry. A batch is checked, windowed and serialized in one turn of the event
 * loop, so a huge one (10 MiB of empty events is 700,000) would stall every other request for
 * seconds and take a GiB; 10,000 events of 20 features fill about 5 MiB and take tens of ms.
 */
export const MAX_BATCH_ITEMS = 10_000;

/** For some schemas, a parser that takes the common, valid item fast (see withQuickParse). */
const quickParsers = new WeakMap<z.ZodType, (item: unknown) => unknown>();

/**
 * Gives `schema` a quick parser for validateBatch: it returns exactly what `schema` outputs for the
 * items it takes, and undefined for any other, which `schema` then parses (and explains).
 */
export function withQuickParse<S extends z.ZodType>(schema: S, parse: (item: unknown) => z.output<S> | undefined): S {
  quickParsers.set(schema, parse);
  return schema;
}

/** Splits `body[field]` into the items that pass `schema` and the rejected ones. */
export function validateBatch<S extends z.ZodType>(
  body: unknown,
  field: string,
  schema: S,
): { valid: { index: number; value: z.output<S> }[]; rejected: Rejected[] } {
  const items = (body as Record<string, unknown> | null)?.[field];
  const extra =
    body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).filter((k) => k !== field) : [];
  if (!Array.isArray(items) || items.length === 0 || extra.length) {
    throw new ApiError(
      400,
      'invalid_body',
      `the body must be {"${field}": [...]} with at least one item${extra.length ? `; unknown field ${extra.map((k) => `"${k}"`).join(', ')}` : ''}`,
    );
  }
  if (items.length > MAX_BATCH_ITEMS) {
    throw new ApiError(
      413,
      'too_many_items',
      `the body holds ${items.length} items in "${field}"; send at most ${MAX_BATCH_ITEMS} per request`,
      { max_items: MAX_BATCH_ITEMS, items: items.length },
    );
  }
  const valid: { index: number; value: z.output<S> }[] = [];
  const rejected: Rejected[] = [];
  const quick = quickParsers.get(schema);
  items.forEach((item, index) => {
    const value = quick?.(item);
    if (value !== undefined) {
      valid.push({ index, value: value as z.output<S> });
      return;
    }
    const r = schema.safeParse(item);
    if (r.success) valid.push({ index, value: r.data });
    else rejected.push({ index, errors: itemErrors(r.error.issues, schema) });
  });
  return { valid, rejected };
}
