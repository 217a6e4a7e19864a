import { outputContract } from '../../src/rules/api/output-contract.js';
import { inputContract } from '../../src/rules/data-schema/input-contract.js';
import { Contract } from '../../src/serve/contract.js';
import { MAX_NAMES } from '../../src/serve/names.js';
import { observed } from './observed.js';
import { type Doc, ruleTester } from './tester.js';

const pipeline: Doc = {
  kind: 'data-pipeline',
  name: 'features',
  input_spec: [
    { item_name: 'distance', item_type: 'integer', item_specification: { min_value: 10, max_value: 5100 } },
    { item_name: 'origin', item_type: 'string' },
  ],
};
const training: Doc = {
  kind: 'training-data',
  name: 't',
  schema: [
    { field_name: 'distance', field_type: 'integer' },
    { field_name: 'origin', field_type: 'category', item_specification: { allowed_values: ['ORD', 'DFW'] } },
  ],
};
const model: Doc = {
  kind: 'trained-model',
  name: 'm',
  data_pipeline: 'features',
  training_data: 't',
  output_spec: [{ item_name: 'p', item_type: 'float', item_specification: { min_value: 0, max_value: 1 } }],
};
const docs = [pipeline, training, model];

/** A window of the given requests and answers, each checked against `m`'s contract as the monitor does. */
const traffic =
  (...events: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[]) =>
  (system: Parameters<typeof Contract.compile>[0]) => ({
    m: observed('m', { events, contract: Contract.compile(system, { model: 'm' }) }),
  });

const good = { inputs: { distance: 740, origin: 'ORD' }, outputs: { p: 0.2 } };

ruleTester(inputContract, {
  valid: [
    { name: 'requests that keep the contract', docs, observed: traffic(good, good) },
    { name: 'answers breaking theirs are api/output-contract’s', docs, observed: traffic(good, { outputs: { p: 2 } }) },
    { name: 'nothing observed', docs, phase: 'runtime' },
  ],
  invalid: [
    {
      name: 'distances in kilometres beyond the declared range, and an airport training never saw',
      docs,
      observed: traffic(
        good,
        { inputs: { distance: 8046, origin: 'ORD' } },
        { inputs: { distance: 900, origin: 'XXX' } },
        good,
      ),
      findings: [
        {
          message:
            /^in window 2001-05-01T10:00Z–10:05Z of trained-model `m` \(4 events\), 1 of 4 events \(25%\) had input `distance` out of its declared range: expected 10 to 5100; found 8046 \(event e2\)$/,
          severity: 'warning',
          evidence: ['data-pipeline/features:/input_spec/0'],
          roles: ['data-engineer'],
        },
        {
          message:
            /1 of 4 events \(25%\) had values of input `origin` that training never saw: expected a value seen in training; found "XXX" \(event e3\)$/,
          evidence: ['training-data/t:/schema/1'],
        },
      ],
    },
    {
      name: 'inputs nobody declared: one finding for all of them, the most frequent first',
      docs,
      observed: traffic(
        { inputs: { distance: 900, origin: 'ORD', user_42: 1 } },
        { inputs: { distance: 900, origin: 'ORD', session: 'a', user_43: 2 } },
        { inputs: { distance: 900, origin: 'ORD', session: 'b' } },
      ),
      findings: [
        {
          message:
            /, events had inputs that are not declared: `session` \(2 of 3 events, 67%\), `user_42` \(1 of 3 events, 33%\), `user_43` \(1 of 3 events, 33%\): expected only distance, origin; found "a" \(event e2\), "b" \(event e3\)$/,
          evidence: ['data-pipeline/features:/input_spec'],
        },
      ],
    },
    {
      name: 'more inputs nobody declared than a window keeps apart: the others are counted',
      docs,
      observed: traffic(
        ...Array.from({ length: MAX_NAMES + 4 }, (_, i) => ({
          inputs: { distance: 900, origin: 'ORD', [`f${i}`]: i },
        })),
      ),
      findings: [
        {
          message: new RegExp(
            `, events had inputs that are not declared: \`f0\` \\(1 of 260 events, 0\\.38%\\), .* and more than ${MAX_NAMES - 5} other fields: expected only distance, origin; found 0 \\(event e1\\)$`,
          ),
        },
      ],
    },
    {
      name: 'a required input missing',
      docs,
      observed: traffic({ inputs: { distance: 900 } }),
      findings: [
        {
          message:
            /1 of 1 events \(100%\) lacked the required input `origin`: expected a string value; found absent \(event e1\)$/,
        },
      ],
    },
  ],
});

ruleTester(outputContract, {
  valid: [{ name: 'answers that keep the contract', docs, observed: traffic(good) }],
  invalid: [
    {
      name: 'a probability above 1',
      docs,
      observed: traffic(good, { outputs: { p: 1.7 } }, { outputs: { p: 3 } }),
      findings: [
        {
          message:
            /, 2 of 3 events \(67%\) had output `p` out of its declared range: expected 0 to 1; found 1\.7 \(event e2\), 3 \(event e3\)$/,
          severity: 'error',
          evidence: ['trained-model/m:/output_spec/0'],
        },
      ],
    },
  ],
});
