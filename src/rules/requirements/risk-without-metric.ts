// The costs the product owner names for false negatives and false positives against the metrics
// that would show them: goals, and the metrics the trained model asks production to watch.
// Runs once a trained model exists (before that, its metrics are simply not written yet), and only
// for problems that have positives and negatives.
import type { MetricId } from '../../descriptors/vocabulary.js';
import { CLASS_PROBLEMS } from '../facts.js';
import { isPlaceholder } from '../match.js';
import { metricKind } from '../metrics.js';
import { rule } from '../types.js';

const WATCHERS = {
  risk_fn: {
    errors: 'false negatives',
    metrics: ['recall', 'false-negative-rate', 'f1', 'npv'] as MetricId[],
  },
  risk_fp: {
    errors: 'false positives',
    metrics: ['precision', 'false-positive-rate', 'specificity', 'f1'] as MetricId[],
  },
} as const;

/** Whether an output is a positive or a negative: a class problem, or a type not said or not listed. */
const binary = (type: string | undefined) => type === undefined || type === 'other' || CLASS_PROBLEMS.has(type);

export const riskWithoutMetric = rule(
  {
    id: 'requirements/risk-without-metric',
    category: 'requirements',
    severity: 'warning',
    phases: ['design'],
    roles: ['product-owner', 'data-scientist'],
    description:
      'A false-negative (or false-positive) risk of the system context is watched by a goal or model metric that counts false negatives (or false positives).',
    rationale:
      'When the costly error is not measured, the model is tuned and monitored on metrics that hide it: accuracy or ROC-AUC can stay high while the misses the product owner fears pile up.',
    remedy:
      'Add a goal or an algorithm metric that counts the costly error (recall or false-negative rate for misses; precision, specificity or false-positive rate for false alarms), with a baseline or threshold.',
    tec: [],
    examples: ['M06-03', 'M06-06', 'M19-06'],
    needs: ['system-context'],
  },
  ({ facts, report }) => {
    const models = facts.all('trained-model');
    if (models.length === 0) return;
    const modelKinds = models.flatMap((m) =>
      [...(m.data.algorithm_metrics ?? []), ...(m.data.business_metrics ?? [])].map((x) => metricKind(x.metric)),
    );
    for (const context of facts.all('system-context')) {
      if (!binary(context.data.ml_problem_type)) continue;
      const kinds = new Set([...(context.data.goals ?? []).map((g) => g.metric), ...modelKinds]);
      for (const field of ['risk_fn', 'risk_fp'] as const) {
        const risk = context.data.risks?.[field];
        const { errors, metrics } = WATCHERS[field];
        if (isPlaceholder(risk) || metrics.some((k) => kinds.has(k))) continue;
        report({
          message: `system-context \`${context.name}\` says ${errors} are costly, but no goal and no metric of ${models.map((m) => `trained-model \`${m.name}\``).join(', ')} watches them (${metrics.join(', ')})`,
          cite: [
            { descriptor: context, path: ['risks', field] },
            ...models.map((m) => ({ descriptor: m, path: m.data.algorithm_metrics ? ['algorithm_metrics'] : [] })),
          ],
          key: field,
        });
      }
    }
  },
);
