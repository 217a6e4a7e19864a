// What the run-time monitor observed of each trained model, as facts for the rules (DESIGN §3): the
// latest closed window, what has arrived since the monitor started, and short digests of recent
// windows so that a metric declared over a longer span (recall over 7d) is computed over that span.
// Rules read these in the runtime phase; at design time there are none.
import { mergeSummaries, type Observation, type Summary } from '../serve/window.js';

/** What one window measured that outlives it: enough to compute metrics over many windows. */
export interface WindowDigest {
  /** ISO 8601. */
  start: string;
  end: string;
  /** Windows it holds: 1, or more once an old part of a long history is merged (mergeDigests). */
  windows: number;
  events: number;
  metrics: Record<string, Summary>;
  /** Ground truth with a known prediction: counts[actual class][predicted class]; null without a classification. */
  confusion: Record<string, Record<string, number>> | null;
}

/**
 * The names the trained model declares that were received since the monitor started, with how much
 * traffic that covers.
 */
export interface Received {
  /** ISO 8601: start of the first window observed. */
  since: string;
  events: number;
  windows: number;
  metrics: ReadonlySet<string>;
  logs: ReadonlySet<string>;
  /** Feedback names, as the trained model's user_system_feedback declares them. */
  feedback: ReadonlySet<string>;
  ground_truth: number;
  user_feedback: number;
}

export interface ModelObserved {
  /** The latest closed window, merged over the monitor instances that saw it. */
  latest: Observation;
  /** The id of that window (`model@start/end`). */
  window: string;
  received: Received;
  /** Digests of the windows closed so far, oldest first, as far back as the longest declared metric window. */
  history: readonly WindowDigest[];
}

/** Observed facts, by trained-model name. */
export type Observed = ReadonlyMap<string, ModelObserved>;

/** What the history keeps of a window: with `metrics` (the declared ones), only the metrics it names. */
export function digestOf(o: Observation, metrics?: ReadonlySet<string>): WindowDigest {
  return {
    start: o.window.start,
    end: o.window.end,
    windows: 1,
    events: o.events,
    metrics: metrics ? Object.fromEntries(Object.entries(o.metrics).filter(([name]) => metrics.has(name))) : o.metrics,
    confusion: o.feedback.confusion?.counts ?? null,
  };
}

/** Confusion counts added up over digests; undefined when none has any. */
export function sumConfusion(digests: readonly WindowDigest[]): Record<string, Record<string, number>> | undefined {
  let out: Record<string, Record<string, number>> | undefined;
  for (const d of digests) {
    if (!d.confusion) continue;
    out ??= {};
    for (const [actual, row] of Object.entries(d.confusion)) {
      out[actual] ??= {};
      const into = out[actual];
      for (const [predicted, n] of Object.entries(row)) into[predicted] = (into[predicted] ?? 0) + n;
    }
  }
  return out;
}

/** One digest of two consecutive ones: their span, windows, events and metrics together. */
export function mergeDigests(a: WindowDigest, b: WindowDigest): WindowDigest {
  const metrics = { ...a.metrics };
  for (const [name, s] of Object.entries(b.metrics))
    metrics[name] = metrics[name] ? mergeSummaries(metrics[name], s) : s;
  return {
    start: a.start < b.start ? a.start : b.start,
    end: a.end > b.end ? a.end : b.end,
    windows: a.windows + b.windows,
    events: a.events + b.events,
    metrics,
    confusion: sumConfusion([a, b]) ?? null,
  };
}

/** The digests of `history` whose window ends within `spanMs` before the latest end. */
export function recent(history: readonly WindowDigest[], spanMs: number): WindowDigest[] {
  const last = history.at(-1);
  if (!last) return [];
  const from = Date.parse(last.end) - spanMs;
  return history.filter((d) => Date.parse(d.end) > from);
}

/** `in window 2001-05-01T10:00Z–10:05Z of trained-model `m` (1,234 events)`: where run-time figures come from. */
export function windowText(model: string, observed: ModelObserved): string {
  const { start, end } = observed.latest.window;
  const short = (iso: string) => iso.replace(/:00\.000Z$/, 'Z').replace(/\.000Z$/, 'Z');
  const endText = start.slice(0, 10) === end.slice(0, 10) ? short(end).slice(11) : short(end);
  const n = observed.latest.events;
  return `in window ${short(start)}–${endText} of trained-model \`${model}\` (${n.toLocaleString('en-US')} event${n === 1 ? '' : 's'})`;
}
