import { taskAndPurpose } from '../../../src/rules/missing-information/task-and-purpose.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const sc = (change: Record<string, unknown>) => one('system-context', change);

ruleTester(taskAndPurpose, {
  valid: [
    { name: 'complete system context', docs: system() },
    {
      name: 'an `other` problem named in other_problem',
      docs: [sc({ ml_problem_type: 'other', other_problem: 'Route planning' })],
    },
    {
      name: 'no system context: nothing to check (the descriptor rule says it is missing)',
      docs: [one('trained-model')],
    },
  ],
  invalid: [
    {
      name: 'an empty system context: one finding listing every gap',
      docs: [{ kind: 'system-context', name: 'sys' }],
      findings: [
        {
          message:
            /^system-context `sys` does not say: task, ml_problem_type, usage_context, available_data, goals, success_criteria$/,
          severity: 'warning',
          evidence: ['system-context/sys:'],
          roles: ['product-owner'],
        },
      ],
    },
    {
      name: 'blank text, a list of blanks and an empty list say nothing (TEC lets empty lists through)',
      docs: [sc({ task: '   ', success_criteria: [''], goals: [] })],
      findings: [{ message: /does not say: task, goals, success_criteria$/ }],
    },
    {
      name: 'an `other` problem without its name',
      docs: [sc({ ml_problem_type: 'other' })],
      findings: [{ message: /does not say: other_problem$/, evidence: ['system-context/sys:'] }],
    },
    {
      name: 'a goal without its text, pointed at the goal',
      docs: [
        sc({
          goals: [
            { id: 'G-01', goal: 'Warn about late flights.', metric: 'recall', baseline: 0.5 },
            { id: 'G-02', goal: '', metric: 'precision', baseline: 0.27 },
          ],
        }),
      ],
      findings: [
        {
          message: /^system-context `sys` does not say: goals\.goal of `G-02`$/,
          evidence: ['system-context/sys:/goals/1'],
        },
      ],
    },
  ],
});
