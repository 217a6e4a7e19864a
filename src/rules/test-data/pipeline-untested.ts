// A data pipeline without tests (TEC never looks at test_cases). The pipeline runs in training and in
// production; without tests, nobody can show the two compute the same features, or re-verify it after
// an engineer changes it.
import { rule } from '../types.js';

export const pipelineUntested = rule(
  {
    id: 'test-data/pipeline-untested',
    category: 'test-data',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-engineer', 'software-engineer'],
    description: 'Every data pipeline lists its test cases.',
    rationale:
      'An untested pipeline can silently compute other features in production than in training (time zones, units, unknown categories), and a change made for speed can alter the model inputs without anyone noticing.',
    remedy:
      'Add test cases for the pipeline (training/serving parity, each validation and error-handling rule, edge cases) and list them in test_cases with where they are.',
    tec: [],
    examples: ['M02-03', 'M08-08', 'M18-04'],
    needs: ['data-pipeline'],
  },
  ({ facts, report }) => {
    for (const pipeline of facts.all('data-pipeline')) {
      if ((pipeline.data.test_cases?.length ?? 0) > 0) continue;
      report({
        message: `data-pipeline \`${pipeline.name}\` lists no test cases`,
        cite: [{ descriptor: pipeline, path: pipeline.data.test_cases ? ['test_cases'] : [] }],
        key: 'test_cases',
      });
    }
  },
);
