// The tables of the monitor's store, as Kysely sees them. JSON payloads are kept as text on both
// dialects, so both return exactly what was stored (PostgreSQL's jsonb would reorder keys).
import type { Generated } from 'kysely';

/** The events one commit stored for one system: a JSON array of EventRecord, in arrival order. */
export interface EventBatchTable {
  /** Arrival order, across systems; an event's own position is seq × SLOTS + its place in the batch. */
  seq: Generated<number>;
  system: string;
  received_at: string;
  events: string;
  /** The instance that stored the batch (null for batches stored before instances were recorded). */
  instance: string | null;
}

/** Every stored event's id, unique per system, with the batch holding the event. */
export interface EventIdTable {
  system: string;
  id: string;
  batch: number;
}

export interface FeedbackTable {
  seq: Generated<number>;
  system: string;
  event_id: string;
  kind: string;
  /** The trained model's user_system_feedback item this is. */
  name: string | null;
  actual: string;
  timestamp: string;
  received_at: string;
  comment: string | null;
}

/**
 * Running totals per system and per store instance: each process adds to its own row, so instances
 * sharing one PostgreSQL never wait on each other's counters; readers sum the rows.
 */
export interface CounterTable {
  system: string;
  instance: string;
  events_accepted: number;
  events_rejected: number;
  feedback_accepted: number;
  feedback_rejected: number;
}

export interface FindingTable {
  system: string;
  phase: string;
  fingerprint: string;
  rule: string;
  category: string;
  severity: string;
  status: 'open' | 'resolved';
  first_seen: string;
  last_seen: string;
  resolved_at: string | null;
  /** How many checks (design) or windows (run time) showed it. */
  occurrences: number;
  /** The window that last showed it (run time only). */
  window: string | null;
  /** Place in the last check that showed it, so findings list in the rule engine's order. */
  position: number;
  /** The finding as `check --format json` prints it. */
  finding: string;
}

/** A window of live traffic as one instance saw it; the instances' partial observations of it merge. */
export interface WindowTable {
  system: string;
  /** The window module's id: model and span. */
  id: string;
  instance: string;
  model: string | null;
  start: string;
  end: string;
  closed_at: string;
  events: number;
  /**
   * The arrival position up to which the instance had windowed the model's events when it closed
   * the window (null for windows of stores older than this column that had no events before them).
   */
  last_seq: number | null;
}

/** What one instance measured in a closed window (the window module's observation), for the rule engine. */
export interface ObservationTable {
  system: string;
  window: string;
  instance: string;
  /** When the window was closed. */
  at: string;
  observation: string;
}

export interface Tables {
  event_batches: EventBatchTable;
  event_ids: EventIdTable;
  feedback: FeedbackTable;
  counters: CounterTable;
  findings: FindingTable;
  windows: WindowTable;
  observations: ObservationTable;
}
