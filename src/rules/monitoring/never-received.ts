// Run time: what the trained model says production must collect (metrics, logs, feedback) against
// what has actually reached the monitor since it started. A metric the monitor computes itself from
// ground truth (recall, precision, accuracy and the rates) counts as collected once ground truth
// arrives; every other metric must come in events' `metrics`.
import { metricKind } from '../metrics.js';
import { computable } from '../observed-metrics.js';
import { rule } from '../types.js';

/** `since 2001-05-01T10:00Z (3 windows, 1,234 events)` */
function since(received: { since: string; windows: number; events: number }): string {
  const n = received.events.toLocaleString('en-US');
  const at = received.since.replace(/:00\.000Z$/, 'Z');
  return `since ${at} (${received.windows} window${received.windows === 1 ? '' : 's'}, ${n} event${received.events === 1 ? '' : 's'})`;
}

export const neverReceived = rule(
  {
    id: 'monitoring/never-received',
    category: 'monitoring',
    severity: 'warning',
    phases: ['runtime'],
    roles: ['operations', 'data-scientist'],
    description:
      'Every metric, log and feedback the trained model needs production to collect reaches the monitor: metrics in events, log records in events, feedback by name; metrics the monitor computes from ground truth once ground truth arrives.',
    rationale:
      'A metric written into a descriptor but never collected is a blind spot that looks like a safeguard: the team believes recall is watched, no alert can ever fire, and the degradation it was meant to catch goes unseen. Descriptors say what should be collected; only the traffic shows what is.',
    remedy:
      'Wire the missing item: send the metric in events’ `metrics`, the log name in events’ `logs`, feedback with its `name` to the feedback endpoint (ground truth with `kind: ground_truth`); or, if the item is no longer wanted, remove it from the trained-model descriptor.',
    tec: ['R9', 'R10', 'R11', 'R13'],
    examples: ['M09-02', 'M08-03', 'M17-07', 'M18-02', 'M17-09', 'M19-07'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    const classified = facts.system.project?.settings?.classification ?? [];
    for (const model of facts.all('trained-model')) {
      const observed = facts.observed(model);
      if (!observed) continue;
      const { received } = observed;
      const computes =
        received.ground_truth > 0 && classified.some((c) => c.model === model.name || c.model === undefined);
      const lists = [
        (['algorithm_metrics', 'business_metrics'] as const).flatMap((list) =>
          (model.data[list] ?? []).map((m, i) => ({
            what: 'metric',
            name: m.metric,
            path: [list, i, 'metric'],
            got: received.metrics.has(m.metric) || (computes && computable(metricKind(m.metric))),
            how: "in events' `metrics`",
          })),
        ),
        (model.data.log_data ?? []).map((l, i) => ({
          what: 'log',
          name: l.log,
          path: ['log_data', i, 'log'],
          got: received.logs.has(l.log),
          how: "in events' `logs`",
        })),
        (model.data.user_system_feedback ?? []).map((f, i) => ({
          what: 'feedback',
          name: f.short_name,
          path: ['user_system_feedback', i, 'short_name'],
          got: received.feedback.has(f.short_name),
          how: 'to the feedback endpoint with this `name`',
        })),
      ].flat();
      for (const item of lists) {
        if (item.got || item.name === undefined) continue;
        report({
          message: `${since(received)}, the monitor received no ${item.what} \`${item.name}\` for trained-model \`${model.name}\`, which needs it collected (expected ${item.how})`,
          cite: [{ descriptor: model, path: item.path }],
          key: `${item.what}:${item.name}`,
        });
      }
    }
  },
);
