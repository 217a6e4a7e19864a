import { goalNotMeasured } from '../../../src/rules/requirements/goal-not-measured.js';
import { ruleTester } from '../tester.js';

const context = (...ids: string[]) => ({
  kind: 'system-context',
  name: 'ctx',
  goals: ids.map((id) => ({ id, goal: `goal ${id}`, metric: 'recall', operator: '>=', baseline: 0.5 })),
});
const model = (name: string, algorithm: Record<string, unknown>[] = [], business: Record<string, unknown>[] = []) => ({
  kind: 'trained-model',
  name,
  algorithm_metrics: algorithm,
  business_metrics: business,
});

ruleTester(goalNotMeasured, {
  valid: [
    {
      name: 'every goal mapped, one by an algorithm metric and one by a business metric',
      docs: [
        context('G-01', 'G-02'),
        model('m', [{ metric: 'recall-7d', goal_mapping: 'G-01' }], [{ metric: 'calls', goal_mapping: 'G-02' }]),
      ],
    },
    {
      name: 'no trained model yet: nothing to compare (TEC R1 flags every goal)',
      docs: [context('G-01', 'G-02')],
    },
    {
      name: 'with two models, one mapping the goal is enough',
      docs: [context('G-01'), model('a'), model('b', [{ metric: 'recall', goal_mapping: 'G-01' }])],
    },
    { name: 'a context without goals', docs: [{ kind: 'system-context', name: 'ctx' }, model('m')] },
  ],
  invalid: [
    {
      name: 'a goal no metric maps to (TEC R1)',
      docs: [context('G-01', 'G-02'), model('m', [{ metric: 'recall-7d', goal_mapping: 'G-01' }])],
      findings: [
        {
          message:
            /^goal G-02 of system-context `ctx` is verified by no metric: no algorithm or business metric of trained-model `m` maps to it$/,
          severity: 'warning',
          evidence: ['system-context/ctx:/goals/1/id', 'trained-model/m:/algorithm_metrics'],
          roles: ['product-owner', 'data-scientist'],
        },
      ],
    },
    {
      name: 'metrics without goal_mapping verify nothing: one finding per goal',
      docs: [context('G-01', 'G-02'), { kind: 'trained-model', name: 'm', business_metrics: [{ metric: 'recall' }] }],
      findings: [
        { message: /goal G-01 .* trained-model `m`/, evidence: ['system-context/ctx:/goals/0/id', 'trained-model/m:'] },
        { message: /goal G-02/ },
      ],
    },
  ],
});
