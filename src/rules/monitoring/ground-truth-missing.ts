// Accuracy-type metrics (recall, precision, ROC-AUC, MAE...) need the true outcome of each
// prediction; in operation it arrives as feedback. A model that asks for such metrics while nobody
// provides any feedback asks for numbers that cannot be computed. Production collects only feedback
// the model declares (the loader rejects other names), so the model's user_system_feedback decides;
// feedback it declares but production does not collect is feedback-not-collected's finding.
import { metricKind } from '../metrics.js';
import { rule } from '../types.js';

export const groundTruthMissing = rule(
  {
    id: 'monitoring/ground-truth-missing',
    category: 'monitoring',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      'Algorithm metrics that need ground truth (accuracy, recall, precision, F1, ROC-AUC, error rates, MAE...) have a source of it: user or system feedback in the trained model or in production.',
    rationale:
      'Without the true outcomes, production cannot compute recall, precision or any other accuracy metric: the thresholds never fire, and a model that got worse looks as healthy as on its first day.',
    remedy:
      'Declare the feedback that carries the true outcome (a later event, a human label, a user correction) in the trained model and collect it in production, or replace the metrics with ones computable without labels (input drift, output distribution).',
    tec: [],
    examples: ['M04-04', 'M19-07', 'M12-08'],
    needs: ['trained-model'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const needing = (model.data.algorithm_metrics ?? [])
        .map((m, i) => ({ name: m.metric, kind: metricKind(m.metric), i }))
        .filter((m) => m.kind !== undefined && m.kind !== 'other');
      if (needing.length === 0 || (model.data.user_system_feedback?.length ?? 0) > 0) continue;
      report({
        message: `trained-model \`${model.name}\` asks for ${needing.map((m) => `\`${m.name}\``).join(', ')}, which need the true outcome of each prediction, but declares no user or system feedback to compute them from`,
        cite: needing.map((m) => ({ descriptor: model, path: ['algorithm_metrics', m.i, 'metric'] })),
        key: 'ground-truth',
      });
    }
  },
);
