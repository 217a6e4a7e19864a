import { risks } from '../../../src/rules/missing-information/risks.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const sc = (change: Record<string, unknown>) => one('system-context', change);

ruleTester(risks, {
  valid: [
    { name: 'false positives and negatives costed', docs: system() },
    {
      name: 'a regression model: false positives mean nothing, one account of the risks is enough',
      docs: [
        sc({ ml_problem_type: 'regression', risks: { risk_other: 'A forecast 20% too low empties the shelves.' } }),
      ],
    },
  ],
  invalid: [
    {
      name: 'a classifier without the cost of a false negative, pointed at the risks',
      docs: [sc({ risks: { risk_fp: 'Needless rebooking.' } })],
      findings: [
        {
          message: /^system-context `sys` does not say: risks\.risk_fn$/,
          severity: 'info',
          evidence: ['system-context/sys:/risks'],
          roles: ['product-owner'],
        },
      ],
    },
    {
      name: 'no problem type and no risks: asked as for a classifier',
      docs: [sc({ ml_problem_type: undefined, risks: undefined })],
      findings: [
        {
          message: /^system-context `sys` does not say: risks\.risk_fp, risks\.risk_fn$/,
          evidence: ['system-context/sys:'],
        },
      ],
    },
    {
      name: 'a regression model with no risks at all',
      docs: [sc({ ml_problem_type: 'regression', risks: undefined })],
      findings: [{ message: /^system-context `sys` does not say: risks\.risk_other$/ }],
    },
  ],
});
