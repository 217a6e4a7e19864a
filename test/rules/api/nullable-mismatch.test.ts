import { nullableMismatch } from '../../../src/rules/api/nullable-mismatch.js';
import { ruleTester } from '../tester.js';
import { modelToDownstream, upstreamToPipeline } from './helpers.js';

const { upstream, pipeline } = upstreamToPipeline('origin');
const { model, downstream } = modelToDownstream('p', 'notify', 'warn');

ruleTester(nullableMismatch, {
  valid: [
    { name: 'both sides take null', docs: [pipeline({ nullable: true }), upstream({ nullable: true })] },
    { name: 'the producer never sends null', docs: [pipeline({ nullable: false }), upstream({ nullable: false })] },
    {
      name: 'the pipeline handles invalid values',
      docs: [
        pipeline({ nullable: false, error_handling: { error_type: 'use-default' } }),
        upstream({ nullable: true }),
      ],
    },
    { name: 'unstated on the consumer side is missing information', docs: [model({ nullable: true }), downstream({})] },
  ],
  invalid: [
    {
      name: 'null into a pipeline input with no error handling',
      docs: [pipeline({ nullable: false }), upstream({ nullable: true })],
      findings: [
        {
          message:
            /^upstream component `booking-api` may send `origin` as null; data-pipeline `features` does not accept null for `origin` and has no error_handling$/,
          severity: 'error',
          evidence: [
            'development-environment/dev:/upstream_components/0/output_spec/0/nullable',
            'data-pipeline/features:/input_spec/0/nullable',
          ],
          roles: ['software-engineer', 'data-engineer'],
        },
      ],
    },
    {
      name: 'a model that may return null into a downstream input that needs a value',
      docs: [model({ nullable: true }), downstream({ nullable: false })],
      findings: [
        {
          message:
            /^trained-model `m` may send `p` as null; downstream component `notify` does not accept null for `warn`$/,
          evidence: [
            'trained-model/m:/output_spec/0/nullable',
            'development-environment/dev:/downstream_components/0/input_spec/0/nullable',
          ],
        },
      ],
    },
  ],
});
