// A monitored metric with no notification condition. Unlike TEC's missing-field check, a threshold
// of 0 is a threshold ("alert if errors > 0"), and a metric tracked on a dashboard without an alert
// is only worth knowing, unless it verifies a goal or has half a condition.
import { rule } from '../types.js';

export const thresholdMissing = rule(
  {
    id: 'monitoring/threshold-missing',
    category: 'monitoring',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description: 'Every algorithm and business metric of the trained model has an operator and a threshold.',
    rationale:
      'A metric without a notification condition is computed but never acted on: nobody is notified when it degrades, and an operator without a threshold (or the reverse) cannot be evaluated at all.',
    remedy:
      'Give the metric an operator and a threshold (how the value compares with the threshold when all is well), agreed with operations who receive the notifications.',
    tec: ['MF-trained-model'],
    examples: ['M17-07', 'M18-02'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      for (const list of ['algorithm_metrics', 'business_metrics'] as const) {
        const what = list === 'algorithm_metrics' ? 'algorithm metric' : 'business metric';
        for (const [i, m] of (model.data[list] ?? []).entries()) {
          const hasOp = m.operator !== undefined;
          const hasThreshold = m.threshold !== undefined;
          if (hasOp && hasThreshold) continue;
          const cite = [{ descriptor: model, path: [list, i] }];
          if (hasOp || hasThreshold) {
            report({
              message: `the ${what} \`${m.metric}\` of trained-model \`${model.name}\` has ${hasOp ? `operator ${m.operator} but no threshold` : `threshold ${m.threshold} but no operator`}: its notification condition cannot be evaluated`,
              cite,
              key: m.metric,
            });
          } else if (m.goal_mapping) {
            report({
              message: `the ${what} \`${m.metric}\` of trained-model \`${model.name}\` verifies goal ${m.goal_mapping} but has no operator and threshold: nobody will be notified when the goal is missed`,
              cite,
              key: m.metric,
            });
          } else {
            report({
              message: `the ${what} \`${m.metric}\` of trained-model \`${model.name}\` has no operator and threshold: it is tracked, but nobody will be notified when it degrades`,
              cite,
              key: m.metric,
              severity: 'info',
            });
          }
        }
      }
    }
  },
);
