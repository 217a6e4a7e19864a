import { goalMeasures } from '../../../src/rules/missing-information/goal-measures.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const sc = (goals: Record<string, unknown>[]) => one('system-context', { goals });

ruleTester(goalMeasures, {
  valid: [
    { name: 'every goal measured', docs: system() },
    {
      name: 'a custom metric with its name and direction; a baseline of 0 is a baseline',
      docs: [
        sc([
          {
            id: 'G-01',
            goal: 'Fewer calls.',
            metric: 'other',
            other_metric: 'calls per 1,000 bookings',
            operator: '<=',
            baseline: 12,
          },
          { id: 'G-02', goal: 'No false alarms.', metric: 'fpr', baseline: 0 },
        ]),
      ],
    },
    {
      name: 'a known metric needs no operator: its direction is known',
      docs: [sc([{ id: 'G-01', goal: 'Catch delays.', metric: 'recall', baseline: 0.5 }])],
    },
  ],
  invalid: [
    {
      name: 'a goal in words only (TEC misses this: it never checks metric or baseline)',
      docs: [sc([{ id: 'G-01', goal: 'Catch delays.' }])],
      findings: [
        {
          message: /^system-context `sys` does not say: goals\.metric of `G-01`; goals\.baseline of `G-01`$/,
          severity: 'info',
          evidence: ['system-context/sys:/goals/0'],
          roles: ['product-owner'],
        },
      ],
    },
    {
      name: 'a custom metric without name or direction; goals listed together',
      docs: [
        sc([
          { id: 'G-01', goal: 'Catch delays.', metric: 'recall' },
          { id: 'G-02', goal: 'Fewer calls.', metric: 'other', baseline: 12 },
        ]),
      ],
      findings: [
        {
          message:
            /^system-context `sys` does not say: goals\.baseline of `G-01`; goals\.other_metric of `G-02`; goals\.operator of `G-02`$/,
          evidence: ['system-context/sys:/goals'],
        },
      ],
    },
  ],
});
