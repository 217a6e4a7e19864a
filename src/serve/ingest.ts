// Storing events: the one path by which the ingest route and the proxy record predictions. Events
// naming a model or version the system does not declare, or made more than an hour in the future of
// the service's clock, are refused; the others are stored, durably, in one transaction, then checked
// against their model's contract and counted in its windows.
import type { ItemError, Rejected } from './batch.js';
import { type Event, eventRecord } from './events.js';
import type { MonitoredSystem } from './monitor.js';
import type { EventRecord, Sequenced } from './store/store.js';

/**
 * How far ahead of the service's clock an event's timestamp may be (the model server's clock may run
 * ahead of this one): a later event would open a window that the traffic of the present never closes.
 */
export const MAX_AHEAD_MS = 3_600_000;

function ahead(timestamp: string, now: number): ItemError {
  return {
    path: '/timestamp',
    message: `${timestamp} is more than an hour ahead of the service's clock (${new Date(now).toISOString()}): check the clock of whatever sends the events`,
  };
}

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
  // Stored timestamps are ISO 8601 in UTC to the millisecond, years of four digits: they sort as text.
  const latest = new Date(now + MAX_AHEAD_MS).toISOString();
  for (const v of valid) {
    const record = eventRecord(v.value, new Date(now));
    const refusal =
      served.monitor.refusal(v.value) ?? (record.timestamp > latest ? ahead(record.timestamp, now) : undefined);
    if (refusal) {
      rejected.push({ index: v.index, errors: [refusal] });
      asSent = false;
      continue;
    }
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
