// Run time: the notification thresholds the trained model declares for its monitored metrics
// (`recall-7d >= 0.5`), evaluated over the metric's own window. A value events report is compared as
// it is (its mean over the window); a proportion the monitor computes from ground truth breaks the
// threshold only when its whole confidence interval is on the wrong side, so a few unlucky labels in
// a quiet hour do not page anyone.
import { formatDuration, round } from '../../descriptors/units.js';
import { metricKind, satisfies } from '../metrics.js';
import {
  CONFIDENCE,
  computable,
  computedMetric,
  describeComputed,
  intervalBreaks,
  reportedMetric,
  spanOf,
} from '../observed-metrics.js';
import { rule } from '../types.js';

export const metricThreshold = rule(
  {
    id: 'monitoring/metric-threshold',
    category: 'monitoring',
    severity: 'warning',
    phases: ['runtime'],
    roles: ['operations', 'data-scientist'],
    description:
      'Each monitored metric of the trained model stays on the healthy side of its threshold (operator and threshold) over its declared window: reported metrics by their mean, recall, precision, accuracy and the rates computed from ground truth by their confidence interval.',
    rationale: `A threshold in a descriptor is a promise that someone is told when the metric crosses it. The monitor keeps that promise: it evaluates every declared threshold as windows close, over the metric's own window (recall-7d over seven days of ground truth). Computed proportions are judged by their ${CONFIDENCE * 100}% Wilson score interval so that a handful of labels cannot raise an alarm, nor hide one once the evidence is there.`,
    remedy:
      'Look at the windows behind the finding (GET /api/v1/systems/{name}/observations): a drifted input, a new population, a broken feature or a stale model; fix the cause or retrain. If the threshold itself is wrong, agree a new one with the data scientist and product owner and update the descriptor.',
    tec: [],
    examples: ['M11-03', 'M12-08', 'M04-04'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const observed = facts.observed(model);
      if (!observed) continue;
      for (const list of ['algorithm_metrics', 'business_metrics'] as const) {
        for (const [i, m] of (model.data[list] ?? []).entries()) {
          if (m.operator === undefined || m.threshold === undefined) continue;
          const span = spanOf(m.window, observed);
          const over = `over the last ${formatDuration(span)}`;
          const cite = [{ descriptor: model, path: [list, i, 'threshold'] }];
          const reported = reportedMetric(observed, m.metric, span);
          if (reported) {
            if (satisfies(reported.mean, m.operator, m.threshold)) continue;
            report({
              message: `\`${m.metric}\` of trained-model \`${model.name}\` averaged ${round(reported.mean)} ${over} (${reported.count} values in ${reported.windows} windows); its threshold is ${m.operator} ${m.threshold}`,
              cite: cite.map((c) => ({ ...c, value: { observed_mean: reported.mean } })),
              key: m.metric,
            });
            continue;
          }
          const kind = metricKind(m.metric);
          if (!computable(kind)) continue;
          const computed = computedMetric(facts, model, kind, span);
          if (!computed || !intervalBreaks(computed, m.operator, m.threshold)) continue;
          report({
            message: `\`${m.metric}\` of trained-model \`${model.name}\` ${over}: ${describeComputed(kind, computed)}; its threshold is ${m.operator} ${m.threshold}`,
            cite: cite.map((c) => ({
              ...c,
              value: { observed: computed.value, low: computed.low, high: computed.high },
            })),
            key: m.metric,
          });
        }
      }
    }
  },
);
