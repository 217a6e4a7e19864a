// A goal measured by a metric the model was never evaluated on: nobody knows whether the model can
// reach the baseline. Goals on `other` metrics are business figures (calls, revenue) that only
// operation can measure, so they are left to goal-not-measured; a model with no results at all is
// left to test-data/no-test-set, rather than repeated once per goal.
import { metricName, resultOf } from '../metrics.js';
import { rule } from '../types.js';

export const goalMetricUnevaluated = rule(
  {
    id: 'requirements/goal-metric-unevaluated',
    category: 'requirements',
    severity: 'warning',
    phases: ['design'],
    roles: ['product-owner', 'data-scientist'],
    description: 'The trained model reports an evaluation or test result for the metric of each goal.',
    rationale:
      'When the model was evaluated on other metrics than the goals use, nobody can tell whether it meets the goals: the expected performance is unknown until operation, and the model may go unused.',
    remedy:
      "Evaluate the model on the goal's metric and add the result to test_metrics (or evaluation_metrics); if the goal's metric is not the right one, agree on another with the product owner.",
    tec: [],
    examples: ['M05-03', 'M18-06', 'M11-06'],
    needs: ['system-context', 'trained-model'],
  },
  ({ facts, report }) => {
    const models = facts
      .all('trained-model')
      .filter((m) => (m.data.test_metrics?.length ?? 0) + (m.data.evaluation_metrics?.length ?? 0) > 0);
    for (const context of facts.all('system-context')) {
      for (const [i, goal] of (context.data.goals ?? []).entries()) {
        if (!goal.metric || goal.metric === 'other') continue;
        for (const model of models) {
          if (resultOf(model, goal.metric)) continue;
          const reported = [...(model.data.test_metrics ?? []), ...(model.data.evaluation_metrics ?? [])].map(
            (m) => metricName(m) ?? 'other',
          );
          report({
            message: `goal ${goal.id} of system-context \`${context.name}\` is measured by ${goal.metric}; trained-model \`${model.name}\` reports no evaluation or test ${goal.metric} (it reports ${[...new Set(reported)].join(', ')})`,
            cite: [
              { descriptor: context, path: ['goals', i, 'metric'] },
              { descriptor: model, path: model.data.test_metrics ? ['test_metrics'] : ['evaluation_metrics'] },
            ],
            key: goal.id,
          });
        }
      }
    }
  },
);
