import { rangeMismatch } from '../../../src/rules/api/range-mismatch.js';
import { ruleTester } from '../tester.js';
import { modelToDownstream, upstreamToPipeline } from './helpers.js';

type Item = Record<string, unknown>;
const { upstream, pipeline } = upstreamToPipeline('distance');
const { model, downstream } = modelToDownstream('decision', 'decide', 'action');
const spec = (s: Item) => ({ item_specification: s });

ruleTester(rangeMismatch, {
  valid: [
    {
      name: 'the producer’s range inside the consumer’s',
      docs: [pipeline(spec({ min_value: 10, max_value: 5100 })), upstream(spec({ min_value: 31, max_value: 4962 }))],
    },
    {
      name: 'the consumer sets no limit',
      docs: [pipeline(spec({ min_value: 0 })), upstream(spec({ min_value: 0, max_value: 99999 }))],
    },
    {
      name: 'the producer declares no limit: nothing is guessed',
      docs: [pipeline(spec({ min_value: 10, max_value: 5100 })), upstream({})],
    },
    {
      name: 'ranges in different units are unit-mismatch’s concern (the flight-delays example)',
      docs: [
        pipeline({ unit: 'miles', ...spec({ min_value: 10, max_value: 5100 }) }),
        upstream({ unit: 'km', ...spec({ min_value: 16, max_value: 8208 }) }),
      ],
    },
    {
      name: 'ranges across incompatible types are output-type’s concern',
      docs: [
        model({ item_type: 'float', ...spec({ min_value: 0, max_value: 1 }) }),
        downstream({ item_type: 'boolean', ...spec({ allowed_values: [true, false] }) }),
      ],
    },
    {
      name: 'allowed values a subset',
      docs: [
        model(spec({ allowed_values: ['approve', 'decline'] })),
        downstream(spec({ allowed_values: ['approve', 'review', 'decline'] })),
      ],
    },
    {
      name: 'same image, format spelt differently',
      docs: [
        pipeline({
          item_type: 'image',
          ...spec({ resolution_x: 224, resolution_y: 224, channels: 3, image_format: 'JPEG' }),
        }),
        upstream({
          item_type: 'image',
          ...spec({ resolution_x: 224, resolution_y: 224, channels: 3, image_format: 'jpg' }),
        }),
      ],
    },
    {
      name: 'free batch dimension on both sides',
      docs: [pipeline(spec({ shape: [null, 3] })), upstream(spec({ shape: [null, 3] }))],
    },
  ],
  invalid: [
    {
      name: 'a wider range on both ends, with the pipeline’s error handling',
      docs: [
        {
          ...pipeline(spec({ min_value: 10, max_value: 5100 })),
          input_spec: [
            {
              item_name: 'distance',
              ...spec({ min_value: 10, max_value: 5100 }),
              error_handling: { error_type: 'return-error-code', error_code_value: 422 },
              component_mapping: { component: 'booking-api', data_item: 'distance' },
            },
          ],
        },
        upstream(spec({ min_value: 0, max_value: 8208 })),
      ],
      findings: [
        {
          message:
            /^upstream component `booking-api` may send `distance` from 0 to 8208; data-pipeline `features` accepts `distance` only from 10 to 5100 \(its error handling: return-error-code 422\)$/,
          severity: 'warning',
          evidence: [
            'development-environment/dev:/upstream_components/0/output_spec/0/item_specification',
            'data-pipeline/features:/input_spec/0/item_specification',
          ],
          roles: ['software-engineer', 'data-engineer'],
        },
      ],
    },
    {
      name: 'only the maximum exceeds',
      docs: [pipeline(spec({ max_value: 5100 })), upstream(spec({ min_value: 16, max_value: 8208 }))],
      findings: [
        {
          message: /may send `distance` up to 8208; .* accepts `distance` only up to 5100$/,
          evidence: [
            'development-environment/dev:/upstream_components/0/output_spec/0/item_specification/max_value',
            'data-pipeline/features:/input_spec/0/item_specification/max_value',
          ],
        },
      ],
    },
    {
      name: 'a category the downstream component does not know',
      docs: [
        model(spec({ allowed_values: ['approve', 'review', 'decline', 'escalate'] })),
        downstream(spec({ allowed_values: ['approve', 'review', 'decline'] })),
      ],
      findings: [
        {
          message:
            /^trained-model `m` may send `decision` as `escalate`; downstream component `decide` accepts `action` only `approve`, `review`, `decline`$/,
          evidence: [
            'trained-model/m:/output_spec/0/item_specification/allowed_values',
            'development-environment/dev:/downstream_components/0/input_spec/0/item_specification/allowed_values',
          ],
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
    {
      name: 'codes outside the accepted range',
      docs: [model(spec({ allowed_values: [0, 1, 2, 7] })), downstream(spec({ min_value: 0, max_value: 6 }))],
      findings: [{ message: /may send `decision` as `7`; .* accepts `action` only values from 0 to 6$/ }],
    },
    {
      name: 'longer text than the consumer takes, and characters it refuses',
      docs: [
        model(spec({ max_length: 40, characters: { spaces: true, special: true, numeric: true } })),
        downstream(spec({ max_length: 20, characters: { spaces: false, special: false } })),
      ],
      findings: [
        {
          message: /may send `decision` as long as 40 characters; .* accepts `action` at most 20 characters$/,
          evidence: [
            'trained-model/m:/output_spec/0/item_specification/max_length',
            'development-environment/dev:/downstream_components/0/input_spec/0/item_specification/max_length',
          ],
        },
        {
          message:
            /may send `decision` with spaces, special characters; .* accepts `action` no spaces, special characters$/,
        },
      ],
    },
    {
      name: 'image resolution and channels differ: errors',
      docs: [
        pipeline({
          item_type: 'image',
          ...spec({ resolution_x: 224, resolution_y: 224, channels: 3, image_format: 'PNG' }),
        }),
        upstream({
          item_type: 'image',
          ...spec({ resolution_x: 1920, resolution_y: 1080, channels: 1, image_format: 'JPG' }),
        }),
      ],
      findings: [
        {
          message: /may send `distance` as 1920×1080 pixel images; .* accepts `distance` only 224×224 pixel images$/,
          severity: 'error',
        },
        { message: /with 1 channel; .* only 3 channels$/, severity: 'error' },
        { message: /as JPG; .* only PNG$/, severity: 'error' },
      ],
    },
    {
      name: 'tensor shapes: another rank is an error, a free dimension the consumer fixes a warning',
      docs: [model(spec({ shape: [null, 10] })), downstream(spec({ shape: [1, 10] }))],
      findings: [{ message: /with shape \[any, 10\]; .* only shape \[1, 10\]$/, severity: 'warning' }],
    },
    {
      name: 'a tensor of another rank',
      docs: [pipeline(spec({ shape: [null, 3, 224, 224] })), upstream(spec({ shape: [3, 224, 224] }))],
      findings: [{ message: /with shape \[3, 224, 224\]; .* only shape \[any, 3, 224, 224\]$/, severity: 'error' }],
    },
  ],
});
