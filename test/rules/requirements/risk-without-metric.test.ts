import { riskWithoutMetric } from '../../../src/rules/requirements/risk-without-metric.js';
import { ruleTester } from '../tester.js';

const context = (fields: Record<string, unknown>) => ({
  kind: 'system-context',
  name: 'ctx',
  ml_problem_type: 'classification',
  risks: { risk_fn: 'a missed fraud costs the full amount', risk_fp: 'a blocked card annoys a customer' },
  ...fields,
});
const model = (...metrics: string[]) => ({
  kind: 'trained-model',
  name: 'm',
  algorithm_metrics: metrics.map((metric) => ({ metric })),
});

ruleTester(riskWithoutMetric, {
  valid: [
    {
      name: 'goals watch both errors',
      docs: [
        context({
          goals: [
            { id: 'G-01', goal: 'catch fraud', metric: 'recall' },
            { id: 'G-02', goal: 'few blocks', metric: 'fpr' },
          ],
        }),
        model(),
      ],
    },
    {
      name: 'model metrics watch both, with free names',
      docs: [context({}), model('recall-7d', 'precision (weekly)')],
    },
    { name: 'F1 counts for both', docs: [context({}), model('f1-score-30d')] },
    {
      name: 'placeholder risks say nothing',
      docs: [context({ risks: { risk_fn: 'N/A', risk_fp: 'none' } }), model('accuracy')],
    },
    { name: 'a regression has no false negatives', docs: [context({ ml_problem_type: 'regression' }), model('mae')] },
    { name: 'no trained model yet: its metrics are not written', docs: [context({})] },
  ],
  invalid: [
    {
      name: 'costly misses watched by accuracy and ROC-AUC only',
      docs: [
        context({ goals: [{ id: 'G-01', goal: 'few blocks', metric: 'precision' }] }),
        model('accuracy-7d', 'roc-auc-7d'),
      ],
      findings: [
        {
          message:
            /^system-context `ctx` says false negatives are costly, but no goal and no metric of trained-model `m` watches them \(recall, false-negative-rate, f1, npv\)$/,
          severity: 'warning',
          evidence: ['system-context/ctx:/risks/risk_fn', 'trained-model/m:/algorithm_metrics'],
          roles: ['product-owner', 'data-scientist'],
        },
      ],
    },
    {
      name: 'both risks unwatched',
      docs: [context({}), { kind: 'trained-model', name: 'm' }],
      findings: [
        { message: /false negatives are costly/, evidence: ['system-context/ctx:/risks/risk_fn', 'trained-model/m:'] },
        { message: /false positives are costly/, evidence: ['system-context/ctx:/risks/risk_fp', 'trained-model/m:'] },
      ],
    },
  ],
});
