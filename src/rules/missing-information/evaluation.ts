// How the model was evaluated: the evaluation split and the metric results. A result of 0 (an FPR of
// 0.0) and a holdout of 0 are values, not gaps (TEC counts them missing: B-M2). Test sets and test
// results are the test-data category's.
import { blank, type Gap, missingFields, missingInList, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const evaluationImportance = importance(['TM Evaluation Metrics']);

export const evaluation = presenceRule(
  {
    topic: 'evaluation',
    description:
      'The trained model says how its evaluation data was split off (name, holdout share, method) and what each evaluation metric measured.',
    rationale:
      'Evaluation results set the performance expectations of everyone else and the baseline for monitoring in production; results nobody can trace to a split are not trusted, and a port of the model cannot be re-verified.',
    remedy:
      'Fill in evaluation_dataset (name, holdout_percentage, algorithm: random, stratified, by time) and evaluation_metrics with each metric and its result (name the metric in other_metric when it is `other`).',
    tec: ['MF-TM'],
    examples: ['M11-06', 'M05-03', 'M18-06', 'M11-02', 'M13-03'],
    importance: evaluationImportance,
  },
  {
    'trained-model': {
      gaps: (tm) => {
        const d = tm.data;
        const gaps: Gap[] = blank(d.evaluation_dataset)
          ? missingFields(d, ['evaluation_dataset'])
          : missingFields(d.evaluation_dataset, ['name', 'holdout_percentage', 'algorithm'], ['evaluation_dataset']);
        if (blank(d.evaluation_metrics)) gaps.push(...missingFields(d, ['evaluation_metrics']));
        gaps.push(
          ...missingInList(
            d.evaluation_metrics,
            ['evaluation_metrics'],
            (_, i) => `#${i + 1}`,
            (m) => (m.metric === 'other' && blank(m.other_metric) ? ['other_metric'] : []),
          ),
        );
        return gaps;
      },
    },
  },
);
