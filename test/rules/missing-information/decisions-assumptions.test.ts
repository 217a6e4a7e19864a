import { decisionsAssumptions } from '../../../src/rules/missing-information/decisions-assumptions.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const tm = (change: Record<string, unknown>) => one('trained-model', change);
const components = [
  { algorithm: 'gradient-boosting', programming_languages: ['Python'] },
  { algorithm: 'logistic-regression', programming_languages: ['Python'] },
];

ruleTester(decisionsAssumptions, {
  valid: [
    { name: 'complete', docs: system() },
    {
      name: 'an ensemble that says how its parts combine',
      docs: [
        tm({ ensemble: true, model_components: components, model_composition_details: 'Averaged probabilities.' }),
      ],
    },
  ],
  invalid: [
    {
      name: 'an empty list says nothing (TEC misses this: it lets `decisions_assumptions: []` through, B-M3)',
      docs: [tm({ decisions_assumptions: [] })],
      findings: [
        {
          message: /^trained-model `m` does not say: decisions_assumptions$/,
          severity: 'warning',
          evidence: ['trained-model/m:'],
        },
      ],
    },
    {
      name: 'two components without composition details, even without the ensemble flag',
      docs: [tm({ model_components: components, decisions_assumptions: undefined })],
      findings: [{ message: /^trained-model `m` does not say: decisions_assumptions, model_composition_details$/ }],
    },
  ],
});
