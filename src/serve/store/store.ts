// What the monitor keeps, behind one interface: events, feedback joined to them, findings over time,
// and the windows with their observations. One implementation, two dialects.
import type { Finding, Phase } from '../../rules/types.js';
import type { Observation } from '../window.js';

/** An event as ingested: id and timestamp filled in, everything else as sent. */
export interface EventRecord {
  id: string;
  /** ISO 8601, UTC. */
  timestamp: string;
  model?: string;
  model_version?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  latency_ms?: number;
  resources?: { cpu?: number; memory?: number; gpu?: number };
  metrics?: Record<string, number>;
  logs?: unknown[];
}

export interface StoredEvent extends EventRecord {
  seq: number;
  received_at: string;
}

/** An event addEvents stored, with its arrival position. */
export interface Sequenced {
  event: EventRecord;
  seq: number;
}

/**
 * A window this instance closed: what it measured, and the arrival position of the last event the
 * instance had windowed for the window's model when it closed: every event of that model up to
 * there is in a closed window, the later ones are what a restart refills.
 */
export interface ClosedWindow {
  observation: Observation;
  lastSeq: number;
}

export interface FeedbackRecord {
  event_id: string;
  kind: 'ground_truth' | 'user';
  /** The trained model's user_system_feedback item this is (its short_name). */
  name?: string;
  actual: Record<string, unknown>;
  /** When the truth was known (ISO 8601, UTC); the time it arrived when not sent. */
  timestamp: string;
  comment?: string;
}

export interface StoredFeedback extends FeedbackRecord {
  seq: number;
  received_at: string;
}

export interface SystemCounts {
  events: { accepted: number; rejected: number };
  feedback: { accepted: number; rejected: number };
  findings: { open: number };
}

export type FindingStatus = 'open' | 'resolved';

/** A finding as `check --format json` prints it, plus its history. */
export interface TrackedFinding extends Finding {
  status: FindingStatus;
  first_seen: string;
  last_seen: string;
  resolved_at?: string;
  occurrences: number;
  window?: string;
}

/** How one check changed the findings of its phase. */
export interface RecordedFindings {
  /** Not open before (new, or resolved earlier and back). */
  opened: TrackedFinding[];
  /** Open before and shown again. */
  updated: TrackedFinding[];
  /** Open before and no longer shown. */
  resolved: TrackedFinding[];
}

/** The stored event a feedback item is about: what the windows need of it. */
export interface JoinedEvent {
  model?: string;
  outputs?: Record<string, unknown>;
}

/**
 * What became of a feedback item: stored, joined to its event; `repeated`, ground truth its event
 * was given before under the same name, acknowledged but neither stored nor counted again; or
 * undefined, its event unknown.
 */
export type FeedbackJoin = JoinedEvent | 'repeated' | undefined;

/** A window one instance closed; its observation holds what was measured. */
export interface StoredWindow {
  id: string;
  instance: string;
  model?: string;
  start: string;
  end: string;
  closed_at: string;
  events: number;
}

export interface StoredObservation {
  window: string;
  instance: string;
  /** When the window was closed. */
  at: string;
  observation: Observation;
}

export interface Page {
  /** Only rows after this arrival position. */
  after?: number;
  limit?: number;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Stores a batch in one transaction, durable when the promise resolves. An event whose id is
   * already stored is kept once. `rejected` counts the batch's events that failed validation.
   * Returns the events this call stored, in batch order, with their arrival positions: those whose
   * id was not stored before. `json`, when given, is the events' JSON array text (the caller has it
   * already): stored as it is.
   */
  addEvents(system: string, events: readonly EventRecord[], rejected: number, json?: string): Promise<Sequenced[]>;
  /**
   * Stores the feedback whose event is stored, in one transaction, but ground truth an event was
   * given before under the same name (a retry); returns what became of each item of `feedback`.
   * `rejected` counts the items that failed validation.
   */
  addFeedback(system: string, feedback: readonly FeedbackRecord[], rejected: number): Promise<FeedbackJoin[]>;
  events(system: string, page?: Page): Promise<StoredEvent[]>;
  /**
   * What open windows may have held before a restart: the events after arrival position
   * `page.after`, in arrival order, at most `page.limit`. A named instance finds the events it
   * stored itself (the other instances sharing the database hold theirs); an instance without a
   * name finds every instance's.
   */
  eventsToRefill(system: string, page?: Page): Promise<StoredEvent[]>;
  /** Deletes the events received before `at` (ISO 8601), with their ids; returns how many. Feedback stays. */
  deleteEventsReceivedBefore(system: string, at: string): Promise<number>;
  /**
   * Up to which arrival position each model's events are in closed windows (the largest `lastSeq`
   * stored with its windows), by model name: windows this instance closed when it is named, else
   * any instance's.
   */
  lastClosed(system: string): Promise<Map<string, number>>;
  feedback(system: string, page?: Page): Promise<StoredFeedback[]>;
  counts(system: string): Promise<SystemCounts>;
  /**
   * The findings of one check of `phase` at time `at`: each opens or is updated; every open finding
   * of that phase the check no longer shows is resolved. Returns what changed.
   */
  recordFindings(
    system: string,
    phase: Phase,
    findings: readonly Finding[],
    at: string,
    window?: string,
  ): Promise<RecordedFindings>;
  findings(system: string, filter?: { phase?: Phase; status?: FindingStatus }): Promise<TrackedFinding[]>;
  /**
   * Stores closed windows with their observations, written by this instance at `at`, in one
   * transaction. A window this instance stored before is replaced: the caller passes it merged.
   */
  addObservations(system: string, closed: readonly ClosedWindow[], at: string): Promise<void>;
  /** The latest `limit` windows, newest (last closed) first. */
  windows(system: string, limit: number): Promise<StoredWindow[]>;
  /** This instance's stored part of each window (by the window module's id) it stored one of. */
  ownObservations(system: string, windows: readonly string[]): Promise<Map<string, Observation>>;
  /** Every instance's partial observation of each window (by the window module's id) stored, by instance. */
  windowObservations(system: string, windows: readonly string[]): Promise<Map<string, Observation[]>>;
  /** The latest `limit` observations, newest (last closed) first. */
  observations(system: string, limit: number): Promise<StoredObservation[]>;
  close(): Promise<void>;
}
