// The event a model server, or the code around it, sends for one prediction (DESIGN §7). Most events
// are well formed: a quick parser takes those for the schema at a fraction of zod's cost, and zod
// parses the others, so every error message is zod's.
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { withQuickParse } from './batch.js';
import { finiteJson, jsonObject, plainRecord } from './json-object.js';
import type { EventRecord } from './store/store.js';

const amount = (description: string) => z.number().nonnegative().meta({ description });
const timestamp = z.iso.datetime({ offset: true });

const schema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Unique per system; a random UUID when absent. A repeated id is kept once.' }),
    timestamp: timestamp.optional().meta({
      description:
        "When the prediction was made (ISO 8601 with Z or an offset); arrival time when absent. At most an hour ahead of the service's clock.",
    }),
    model: z.string().min(1).optional().meta({ description: 'Name of the trained model.' }),
    model_version: z.string().min(1).optional().meta({ description: 'Version of the trained model.' }),
    inputs: jsonObject('Input fields of the prediction, by name.').optional(),
    outputs: jsonObject('Output fields of the prediction, by name.').optional(),
    latency_ms: amount('Inference time in milliseconds.').optional(),
    resources: z
      .strictObject({
        cpu: amount('CPU cores in use.').optional(),
        memory: amount('Memory in use, in bytes.').optional(),
        gpu: amount('GPUs in use.').optional(),
      })
      .optional()
      .meta({ description: 'Resource use of the model server when the prediction was made.' }),
    metrics: z.record(z.string(), z.number()).optional().meta({ description: 'Values of monitored metrics, by name.' }),
    logs: z
      .array(z.union([z.string(), jsonObject('A structured log record.')]))
      .optional()
      .meta({ description: 'Log lines or records written for this prediction.' }),
  })
  .refine((e) => e.inputs !== undefined || e.outputs !== undefined, {
    message: 'an event needs inputs or outputs (or both)',
  })
  .meta({ description: 'One prediction.' });

export type Event = z.output<typeof schema>;

const TIMESTAMP = timestamp._zod.def.pattern as RegExp;
/** The schema's fields in its order: zod outputs objects with their keys in this order. */
const FIELDS = Object.keys(schema.shape) as (keyof Event)[];
const RESOURCES = ['cpu', 'memory', 'gpu'] as const;

const isAmount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isText = (v: unknown, max = Number.POSITIVE_INFINITY) =>
  typeof v === 'string' && v.length >= 1 && v.length <= max;

function isResources(v: unknown): boolean {
  if (!plainRecord(v)) return false;
  for (const k in v) if (!(RESOURCES as readonly string[]).includes(k) || !isAmount(v[k])) return false;
  return true;
}

function isMetrics(v: unknown): boolean {
  if (!plainRecord(v)) return false;
  for (const k in v) if (typeof v[k] !== 'number' || !Number.isFinite(v[k])) return false;
  return true;
}

function isField(key: string, v: unknown): boolean {
  switch (key) {
    case 'id':
      return isText(v, 200);
    case 'timestamp':
      return typeof v === 'string' && TIMESTAMP.test(v);
    case 'model':
    case 'model_version':
      return isText(v);
    case 'inputs':
    case 'outputs':
      return plainRecord(v) && finiteJson(v);
    case 'latency_ms':
      return isAmount(v);
    case 'resources':
      return isResources(v);
    case 'metrics':
      return isMetrics(v);
    case 'logs':
      return Array.isArray(v) && v.every((l) => typeof l === 'string' || (plainRecord(l) && finiteJson(l)));
    default:
      return false;
  }
}

/** What the schema outputs for a well-formed event (the same fields, in the schema's order), else undefined. */
function quickEvent(item: unknown): Event | undefined {
  if (!plainRecord(item)) return undefined;
  for (const key in item) if (!isField(key, item[key])) return undefined;
  if (item.inputs === undefined && item.outputs === undefined) return undefined;
  const event: Record<string, unknown> = {};
  for (const key of FIELDS) {
    if (!(key in item)) continue;
    const v = item[key] as Record<string, unknown>;
    event[key] = key === 'resources' ? Object.fromEntries(RESOURCES.filter((k) => k in v).map((k) => [k, v[k]])) : v;
  }
  return event as Event;
}

export const eventSchema = withQuickParse(schema, quickEvent);

/** A timestamp already as stored (UTC, milliseconds): most clients send them so. */
export const UTC_MS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The event as stored: id and timestamp filled in, the timestamp in UTC. */
export function eventRecord(e: Event, now: Date): EventRecord {
  const t = e.timestamp;
  // Most events come complete: no copy for them.
  if (e.id !== undefined && t !== undefined && UTC_MS.test(t)) return e as EventRecord;
  return {
    ...e,
    id: e.id ?? randomUUID(),
    timestamp: t && UTC_MS.test(t) ? t : (t ? new Date(t) : now).toISOString(),
  };
}
