// A notification threshold against the model's own test result and against the goal it verifies.
// The metric's kind comes from its free name (`recall-7d` is recall). A threshold whose operator runs
// against the metric's natural direction (`accuracy-drop < 0.05`) measures a change, not the metric,
// so it is not compared with results or baselines.
import type { Operator } from '../../descriptors/vocabulary.js';
import {
  describeResult,
  direction,
  EPSILON,
  goalOperator,
  metricKind,
  naturalOperator,
  resultOf,
  satisfies,
} from '../metrics.js';
import { rule } from '../types.js';

/** When a metric healthy under `value op threshold` raises an alert, in words. */
function alertsWhen(op: Operator, threshold: number): string {
  switch (op) {
    case '>=':
      return `below ${threshold}`;
    case '>':
      return `at ${threshold} or below`;
    case '<=':
      return `above ${threshold}`;
    case '<':
      return `at ${threshold} or above`;
    case '==':
      return `away from ${threshold}`;
    case '!=':
      return `at ${threshold}`;
  }
}

export const thresholdVsTest = rule(
  {
    id: 'requirements/threshold-vs-test',
    category: 'requirements',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'product-owner'],
    description:
      "A metric's notification threshold is met by the model's own test result, and is not looser than the baseline of the goal it verifies.",
    rationale:
      'A threshold the model already fails on its test set alerts from the first day, and alerts that always fire are ignored. A threshold looser than the goal baseline stays silent while the goal is missed, so the product owner learns of it from users.',
    remedy:
      'Set the threshold between the goal baseline and the test result (or improve the model until its test result meets it), and state the reason in the goal or the model descriptor.',
    tec: [],
    examples: ['M17-07', 'M18-02'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    const goals = facts
      .all('system-context')
      .flatMap((context) => (context.data.goals ?? []).map((goal, index) => ({ context, goal, index })));
    for (const model of facts.all('trained-model')) {
      for (const list of ['algorithm_metrics', 'business_metrics'] as const) {
        for (const [i, m] of (model.data[list] ?? []).entries()) {
          const { operator: op, threshold } = m;
          const kind = metricKind(m.metric);
          if (!op || threshold === undefined || !kind || kind === 'other') continue;
          const healthy = direction(op);
          if (!healthy || healthy !== direction(naturalOperator(kind))) continue;
          const at = { descriptor: model, path: [list, i, 'threshold'] };
          const result = resultOf(model, kind);
          if (result && !satisfies(result.value, op, threshold)) {
            report({
              message: `\`${m.metric}\` of trained-model \`${model.name}\` notifies when it is ${alertsWhen(op, threshold)}, and the model's own ${describeResult(kind, result)} already is: it will alert from day one`,
              cite: [at, { descriptor: model, path: [result.list, result.index, 'result'] }],
              key: `${m.metric}:result`,
            });
          }
          const target = goals.find((g) => g.goal.id === m.goal_mapping);
          if (!target || target.goal.metric !== kind || target.goal.baseline === undefined) continue;
          const goalOp = goalOperator(target.goal);
          if (!goalOp || direction(goalOp) !== healthy) continue;
          const baseline = target.goal.baseline;
          const looser = healthy === 'higher' ? threshold < baseline - EPSILON : threshold > baseline + EPSILON;
          if (!looser) continue;
          report({
            message: `\`${m.metric}\` of trained-model \`${model.name}\` notifies only when it is ${alertsWhen(op, threshold)}, but goal ${target.goal.id} of system-context \`${target.context.name}\` needs ${kind} ${goalOp} ${baseline}: the goal can be missed without anyone being notified`,
            cite: [at, { descriptor: target.context, path: ['goals', target.index, 'baseline'] }],
            key: `${m.metric}:goal`,
          });
        }
      }
    }
  },
);
