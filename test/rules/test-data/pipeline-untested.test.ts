import { pipelineUntested } from '../../../src/rules/test-data/pipeline-untested.js';
import { ruleTester } from '../tester.js';

ruleTester(pipelineUntested, {
  valid: [
    {
      name: 'a pipeline with test cases',
      docs: [
        { kind: 'data-pipeline', name: 'p', test_cases: [{ test_case_name: 'parity', file: 'tests/test_parity.py' }] },
      ],
    },
    { name: 'no pipeline', docs: [{ kind: 'trained-model', name: 'm' }] },
  ],
  invalid: [
    {
      name: 'no test cases (TEC misses this: it never reads test_cases)',
      docs: [{ kind: 'data-pipeline', name: 'p' }],
      findings: [
        {
          message: /^data-pipeline `p` lists no test cases$/,
          severity: 'warning',
          evidence: ['data-pipeline/p:'],
          roles: ['data-engineer'],
        },
      ],
    },
    {
      name: 'an empty list, in one of two pipelines',
      docs: [
        { kind: 'data-pipeline', name: 'p', test_cases: [] },
        { kind: 'data-pipeline', name: 'q', test_cases: [{ test_case_name: 't' }] },
      ],
      findings: [{ message: /`p` lists no test cases/, evidence: ['data-pipeline/p:/test_cases'] }],
    },
  ],
});
