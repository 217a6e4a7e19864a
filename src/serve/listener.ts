// What the monitor tells the parts that watch it (Prometheus metrics, webhook alerts): batches
// ingested, windows observed with their drift scores, and findings that opened, changed or resolved.
// Listeners are called after the facts are stored; one that throws is reported, never fatal.
import type { ColumnDrift } from '../data/drift/columns.js';
import type { Phase } from '../rules/types.js';
import type { RecordedFindings, TrackedFinding } from './store/store.js';
import type { Observation } from './window.js';

/** One column's drift in a closed window, against the training profile it is compared with. */
export interface DriftScore extends ColumnDrift {
  model?: string;
  /** `inputs` or `outputs` of the events. */
  side: 'inputs' | 'outputs';
}

/** How one check (a design check at start, or a run-time check after a window) changed the findings. */
export interface FindingChanges extends RecordedFindings {
  phase: Phase;
  /** Every finding of the system open after this check, of both phases. */
  open: TrackedFinding[];
}

export interface MonitorListener {
  /** A batch of events or feedback was answered: `accepted` stored, `rejected` refused. */
  ingested?(system: string, what: 'events' | 'feedback', accepted: number, rejected: number): void;
  /** A window closed: what it measured and how its columns compare with training. */
  observed?(system: string, observation: Observation, drift: readonly DriftScore[]): void;
  /** Findings were recorded. */
  findingsChanged?(system: string, changes: FindingChanges): void | Promise<void>;
  /** Stops timers and waits for work under way (pending webhook deliveries), on shutdown. */
  close?(): Promise<void>;
}
