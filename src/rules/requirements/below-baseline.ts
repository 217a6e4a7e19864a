// A goal's baseline against what the model achieved on its test set (or, without a test result, on
// its evaluation split). TEC never compares these (its goal metric and baseline are free text).
import { describeResult, goalOperator, metricName, resultOf, satisfies } from '../metrics.js';
import { rule } from '../types.js';

export const belowBaseline = rule(
  {
    id: 'requirements/below-baseline',
    category: 'requirements',
    severity: 'error',
    phases: ['design'],
    roles: ['product-owner', 'data-scientist'],
    description:
      "The trained model's test result (or evaluation result, when there is no test result) of each goal metric meets the goal's baseline.",
    rationale:
      'A model that misses the baseline on its own test set will miss it in operation too: the business expects a capability the model does not have, and the system ships a feature that fails its goal from day one.',
    remedy:
      'Improve the model until its test result meets the baseline, or agree with the product owner on a baseline the model can reach (and on why it is still worth deploying), then update both descriptors.',
    tec: [],
    examples: ['M05-03', 'M18-06', 'M15-01'],
    needs: ['system-context', 'trained-model'],
  },
  ({ facts, report }) => {
    for (const context of facts.all('system-context')) {
      for (const [i, goal] of (context.data.goals ?? []).entries()) {
        const name = metricName(goal);
        if (!goal.metric || !name || goal.baseline === undefined) continue;
        const op = goalOperator(goal);
        if (!op) continue; // an `other` metric without an operator has no known direction
        for (const model of facts.all('trained-model')) {
          const result = resultOf(model, goal.metric, goal.other_metric);
          if (!result || satisfies(result.value, op, goal.baseline)) continue;
          const implied = goal.operator
            ? ''
            : ` (${op} is implied: ${goal.metric} is better ${op === '<=' ? 'lower' : 'higher'})`;
          report({
            message: `goal ${goal.id} of system-context \`${context.name}\` needs ${name} ${op} ${goal.baseline}${implied}; trained-model \`${model.name}\` has ${result.source === 'test' ? 'a' : 'an'} ${describeResult(name, result)}`,
            cite: [
              { descriptor: context, path: ['goals', i, 'baseline'] },
              { descriptor: model, path: [result.list, result.index, 'result'] },
            ],
            key: goal.id,
          });
        }
      }
    }
  },
);
