// Observed facts for rule tests: events (and feedback) put through a real monitoring window, as the
// monitor does, so a rule is tested on the observations it reads in operation.
import { digestOf, type ModelObserved, type WindowDigest } from '../../src/rules/observed.js';
import type { Contract } from '../../src/serve/contract.js';
import { type Classification, Window, type WindowEvent, type WindowFeedback } from '../../src/serve/window.js';

export const START = Date.parse('2001-05-01T10:00:00Z');
export const FIVE_MINUTES = 5 * 60_000;

export interface ObservedCase {
  events: readonly Omit<WindowEvent, 'timestamp'>[];
  feedback?: readonly WindowFeedback[];
  classification?: Classification;
  /** Earlier windows' digests, oldest first. */
  history?: readonly WindowDigest[];
  durationMs?: number;
  /** Checks each event against this contract, as the monitor does. */
  contract?: Contract;
}

/** The latest window of `model`, made of `events`, every event at the window's start. */
export function observed(model: string, c: ObservedCase): ModelObserved {
  const w = new Window(START, START + (c.durationMs ?? FIVE_MINUTES), {
    model: { name: model },
    classification: c.classification,
  });
  c.events.forEach((e, i) => {
    const event = { id: `e${i + 1}`, ...e, timestamp: START };
    w.add(event, c.contract?.check(event));
  });
  for (const f of c.feedback ?? []) w.addFeedback(f);
  const latest = w.close();
  return {
    latest,
    window: `${model}@${latest.window.start}/${latest.window.end}`,
    history: [...(c.history ?? []), digestOf(latest)],
    received: {
      since: latest.window.start,
      events: latest.events,
      windows: 1 + (c.history?.length ?? 0),
      metrics: new Set(Object.keys(latest.metrics)),
      logs: new Set(Object.keys(latest.logs.by_name)),
      feedback: new Set(Object.keys(latest.feedback.by_name)),
      ground_truth: latest.feedback.ground_truth,
      user_feedback: latest.feedback.user,
    },
  };
}

/** `n` events with latencies spread evenly from `from` to `to` milliseconds. */
export function latencies(n: number, from: number, to: number): { latency_ms: number; outputs: { p: number } }[] {
  return Array.from({ length: n }, (_, i) => ({
    latency_ms: from + ((to - from) * i) / Math.max(1, n - 1),
    outputs: { p: 0.5 },
  }));
}
