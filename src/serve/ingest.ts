// Storing events: the one path by which the ingest route and the proxy record predictions. Events
// naming a model or version the system does not declare are refused; the others are stored, durably,
// in one transaction, then checked against their model's contract and counted in its windows.
import type { Rejected } from './batch.js';
import { type Event, eventRecord } from './events.js';
import type { MonitoredSystem } from './monitor.js';
import type { EventRecord, Sequenced } from './store/store.js';

export interface Ingested {
  /** Events acknowledged: stored now, or stored before under the same id. */
  accepted: number;
  /** Every event refused, by its index in the batch, in index order. */
  rejected: Rejected[];
  /** The ids of the accepted events that were not stored because an event was stored under that id before. */
  duplicates: string[];
}

/**
 * Stores `valid` events (each with its index in the batch); `rejected` are those of the batch that
 * failed validation already, counted with the refused ones. `now` (epoch ms) stamps events sent
 * without a timestamp and is the time the windows are told. `json` is the batch's array as the
 * request sent it: when every event of the batch is stored as sent (none refused, each with its id
 * and its timestamp in UTC already), that text is stored instead of serializing the events again.
 */
export async function ingestEvents(
  served: MonitoredSystem,
  valid: readonly { index: number; value: Event }[],
  rejected: Rejected[],
  now: number,
  json?: string,
): Promise<Ingested> {
  const records: EventRecord[] = [];
  let asSent = json !== undefined && !rejected.length;
  for (const v of valid) {
    const refusal = served.monitor.refusal(v.value);
    if (refusal) {
      rejected.push({ index: v.index, errors: [refusal] });
      asSent = false;
      continue;
    }
    const record = eventRecord(v.value, new Date(now));
    if (v.value.id === undefined || v.value.timestamp !== record.timestamp) asSent = false;
    records.push(record);
  }
  rejected.sort((a, b) => a.index - b.index);
  const stored = await served.store.addEvents(served.name, records, rejected.length, asSent ? json : undefined);
  await served.monitor.add(stored, now);
  served.monitor.ingested('events', records.length, rejected.length);
  const duplicates = stored.length === records.length ? [] : duplicatesOf(records, stored);
  return { accepted: records.length, rejected, duplicates };
}

/** The ids of the records not stored (an event was stored under their id before). */
function duplicatesOf(records: readonly EventRecord[], stored: readonly Sequenced[]): string[] {
  const fresh = new Set(stored.map((s) => s.event));
  return records.filter((r) => !fresh.has(r)).map((r) => r.id);
}
