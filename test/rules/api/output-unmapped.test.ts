import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadSystem } from '../../../src/descriptors/load.js';
import { outputUnmapped } from '../../../src/rules/api/output-unmapped.js';
import { runRules } from '../../../src/rules/engine.js';
import { ruleTester } from '../tester.js';

const dev = (
  components = [{ component_name: 'notify', input_spec: [{ item_name: 'warn', item_type: 'boolean' }] }],
) => ({
  kind: 'development-environment',
  name: 'dev',
  downstream_components: components,
});
const mapped = { component: 'notify', data_item: 'warn' };
const model = (outputs: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  kind: 'trained-model',
  name: 'm',
  output_spec: outputs,
  ...extra,
});

ruleTester(outputUnmapped, {
  valid: [
    { name: 'every output mapped', docs: [model([{ item_name: 'p', component_mapping: mapped }]), dev()] },
    { name: 'no downstream components: outputs go elsewhere', docs: [model([{ item_name: 'p' }]), dev([])] },
    { name: 'no development environment yet (TEC R3B flags every output)', docs: [model([{ item_name: 'p' }])] },
    {
      name: 'raw outputs of a post-processing model are internal (TEC R4B’s precedence bug flags the blank row TEC keeps)',
      docs: [
        model([{ item_name: 'raw_score' }], {
          post_processing: true,
          final_output_spec: [{ item_name: 'w', component_mapping: mapped }],
        }),
        dev(),
      ],
    },
  ],
  invalid: [
    {
      name: 'an output no downstream component takes (TEC R3B finds it)',
      docs: [model([{ item_name: 'p', component_mapping: mapped }, { item_name: 'confidence' }]), dev()],
      findings: [
        {
          message:
            /^trained-model `m` delivers `confidence` \(output_spec\) but maps it to no downstream component; the downstream components are `notify`$/,
          severity: 'warning',
          evidence: ['trained-model/m:/output_spec/1', 'development-environment/dev:/downstream_components'],
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
    {
      name: 'a final output with no mapping (TEC R4B finds it)',
      docs: [
        model([{ item_name: 'raw', component_mapping: mapped }], {
          post_processing: true,
          final_output_spec: [{ item_name: 'w' }],
        }),
        dev(),
      ],
      findings: [
        {
          message: /delivers `w` \(final_output_spec\)/,
          evidence: ['trained-model/m:/final_output_spec/0', 'development-environment/dev:/downstream_components'],
        },
      ],
    },
  ],
});

test('TEC R4B: the blank final-output row TEC forms always save is not reported', async () => {
  const dir = fileURLToPath(new URL('../../fixtures/tec/1.2/', import.meta.url));
  const tec = JSON.parse(readFileSync(`${dir}trained-model.json`, 'utf8'));
  // The premise: the fixture holds the blank row TEC's R4B condition flags.
  assert.equal(tec.final_output_spec.at(-1).item_name, '');
  const result = runRules(await loadSystem([dir]), [outputUnmapped]);
  assert.deepEqual(result.failures, []);
  assert.deepEqual(
    result.findings.map((f) => f.message),
    [],
  );
});
