// The event a model server, or the code around it, sends for one prediction (DESIGN §7).
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { jsonObject } from './json-object.js';
import type { EventRecord } from './store/store.js';

const amount = (description: string) => z.number().nonnegative().meta({ description });

export const eventSchema = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: 'Unique per system; a random UUID when absent. A repeated id is kept once.' }),
    timestamp: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'When the prediction was made (ISO 8601 with Z or an offset); arrival time when absent.' }),
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

export type Event = z.output<typeof eventSchema>;

/** The event as stored: id and timestamp filled in, the timestamp in UTC. */
export function eventRecord(e: Event, now: Date): EventRecord {
  return {
    ...e,
    id: e.id ?? randomUUID(),
    timestamp: (e.timestamp ? new Date(e.timestamp) : now).toISOString(),
  };
}
