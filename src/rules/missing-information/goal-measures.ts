// How each goal is measured: its metric, the baseline the metric must reach and, when the direction
// cannot be told from the metric, the comparison. TEC never checks metric or baseline, so goals cannot
// be compared with the model's results.
import { blank, type Gap, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const goalMeasuresImportance = importance(['TP Business Goals']);

export const goalMeasures = presenceRule(
  {
    topic: 'goal-measures',
    description:
      'Each goal of the system context has a metric and a baseline, and an operator when the metric is `other` (whose better direction is unknown).',
    rationale:
      'A goal without a metric and a baseline cannot be verified: the data scientist optimises a metric of their own choice, nobody can tell whether the model’s results meet the business need, and production has nothing to monitor against.',
    remedy:
      'For each goal, the product owner states the metric (name it in other_metric when it is `other`), the baseline it must reach and why (baseline_rationale), and for a custom metric the operator (>= or <=).',
    tec: [],
    examples: ['M06-03', 'M06-06', 'M19-06', 'M19-03', 'M05-03', 'M18-06'],
    importance: goalMeasuresImportance,
  },
  {
    'system-context': {
      gaps: (sc) =>
        (sc.data.goals ?? []).flatMap((g, i): Gap[] => {
          const missing: string[] = [];
          if (blank(g.metric)) missing.push('metric');
          else if (g.metric === 'other' && blank(g.other_metric)) missing.push('other_metric');
          if (g.baseline === undefined) missing.push('baseline');
          if (g.metric === 'other' && g.operator === undefined) missing.push('operator');
          return missing.map((f) => ({ field: `goals.${f}`, item: g.id, path: ['goals', i, f] }));
        }),
    },
  },
);
