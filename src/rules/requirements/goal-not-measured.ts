// TEC R1: a goal that no model metric verifies. Unlike TEC, nothing is reported before a trained
// model exists (TEC flags every goal then), and one model mapping a goal is enough when there are several.
import { rule } from '../types.js';

export const goalNotMeasured = rule(
  {
    id: 'requirements/goal-not-measured',
    category: 'requirements',
    severity: 'warning',
    phases: ['design'],
    roles: ['product-owner', 'data-scientist'],
    description:
      'Each system-context goal is verified by an algorithm or business metric of the trained model (goal_mapping).',
    rationale:
      'A goal no metric maps to is never measured in operation: nobody learns that the model stopped serving it, and the data scientist may have optimised for something else.',
    remedy:
      'Add an algorithm or business metric to the trained model whose goal_mapping is the goal id (with an operator and a threshold), or drop the goal if it no longer applies.',
    tec: ['R1'],
    examples: ['M06-03', 'M06-06', 'M19-03', 'M19-06', 'M17-07', 'M18-02'],
    needs: ['system-context', 'trained-model'],
  },
  ({ facts, report }) => {
    const models = facts.all('trained-model');
    if (models.length === 0) return;
    const mapped = new Set(
      models.flatMap((m) =>
        [...(m.data.algorithm_metrics ?? []), ...(m.data.business_metrics ?? [])].map((x) => x.goal_mapping),
      ),
    );
    for (const context of facts.all('system-context')) {
      for (const [i, goal] of (context.data.goals ?? []).entries()) {
        if (mapped.has(goal.id)) continue;
        const names = models.map((m) => `trained-model \`${m.name}\``).join(', ');
        report({
          message: `goal ${goal.id} of system-context \`${context.name}\` is verified by no metric: no algorithm or business metric of ${names} maps to it`,
          cite: [
            { descriptor: context, path: ['goals', i, 'id'] },
            ...models.map((m) => ({ descriptor: m, path: m.data.algorithm_metrics ? ['algorithm_metrics'] : [] })),
          ],
          key: goal.id,
        });
      }
    }
  },
);
