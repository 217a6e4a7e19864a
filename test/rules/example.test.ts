// The example system's deliberate mismatches (examples/flight-delays/README.md) are each found, with
// the roles who must talk and the places involved; its consistent variant raises no error or warning.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadSystem } from '../../src/descriptors/load.js';
import { catalogue } from '../../src/rules/catalogue.js';
import { runRules } from '../../src/rules/engine.js';
import type { Finding } from '../../src/rules/types.js';
import { EXAMPLE } from '../helpers.js';

async function findingsOf(dir: string): Promise<Finding[]> {
  const system = await loadSystem([dir]);
  assert.deepEqual(system.diagnostics, []);
  const result = runRules(system, catalogue);
  assert.deepEqual(result.failures, []);
  return result.findings;
}

function lineOf(file: string, text: string): number {
  const source = readFileSync(join(EXAMPLE, file), 'utf8');
  const at = source.indexOf(text);
  assert.ok(at >= 0, `${text} not in ${file}`);
  return source.slice(0, at).split('\n').length;
}

const DELIBERATE: { what: string; rule: string; roles: string[]; evidence: string[]; line?: [string, string] }[] = [
  {
    what: 'the booking-api sends distance in km, the pipeline expects miles',
    rule: 'api/unit-mismatch',
    roles: ['software-engineer', 'data-engineer'],
    evidence: [
      'development-environment/integration:/upstream_components/0/output_spec/3/unit',
      'data-pipeline/flight-features:/input_spec/3/unit',
    ],
  },
  {
    what: 'production data is in km, training data in miles',
    rule: 'data-schema/unit-mismatch',
    roles: ['data-scientist', 'operations'],
    evidence: ['training-data/flights-2001-jan-apr:/schema/3/unit', 'production-data/booking-traffic:/schema/3/unit'],
  },
  {
    what: 'the model needs more memory than production has',
    rule: 'computing-resource/production-resources',
    roles: ['data-scientist', 'operations'],
    evidence: [
      'trained-model/delay-classifier:/computing_resource_reqs/memory',
      'production-environment/production:/computing_resources/memory',
    ],
    line: ['trained-model.yaml', 'memory: 6Gi'],
  },
  {
    what: 'the model is slower than production requires',
    rule: 'computing-resource/inference-time',
    roles: ['data-scientist', 'operations'],
    evidence: [
      'trained-model/delay-classifier:/inference_time',
      'production-environment/production:/required_inference_time',
    ],
    line: ['trained-model.yaml', 'inference_time: 35ms'],
  },
  {
    what: 'an algorithm metric nobody collects',
    rule: 'monitoring/algorithm-metric-not-collected',
    roles: ['data-scientist', 'operations'],
    evidence: [
      'trained-model/delay-classifier:/algorithm_metrics/3/metric',
      'production-environment/production:/algorithm_metrics',
    ],
    line: ['trained-model.yaml', 'metric: feature-drift-psi'],
  },
  {
    what: 'a probability where the downstream component expects a yes/no',
    rule: 'api/output-type',
    roles: ['data-scientist', 'software-engineer'],
    evidence: [
      'trained-model/delay-classifier:/final_output_spec/0/item_type',
      'development-environment/integration:/downstream_components/0/input_spec/0/item_type',
    ],
  },
  {
    what: 'no integration test data',
    rule: 'test-data/no-integration-test-data',
    roles: ['data-scientist', 'software-engineer'],
    evidence: ['trained-model/delay-classifier:', 'development-environment/integration:/downstream_components'],
  },
  {
    what: 'a framework the development environment lacks',
    rule: 'toolchain/framework-unsupported',
    roles: ['data-scientist', 'software-engineer'],
    evidence: ['trained-model/delay-classifier:/ml_frameworks/0', 'development-environment/integration:/ml_frameworks'],
    line: ['trained-model.yaml', '- lightgbm 4.3.0'],
  },
];

describe('examples/flight-delays', () => {
  for (const expected of DELIBERATE) {
    test(`finds: ${expected.what}`, async () => {
      const findings = (await findingsOf(EXAMPLE)).filter((f) => f.rule === expected.rule);
      assert.equal(findings.length, 1, findings.map((f) => f.message).join(' | '));
      const f = findings[0];
      assert.ok(f);
      assert.ok(f.severity === 'error' || f.severity === 'warning', f.severity);
      assert.deepEqual(f.roles, expected.roles);
      assert.deepEqual(
        f.evidence.map((e) => `${e.descriptor}:${e.path}`),
        expected.evidence,
      );
      if (expected.line) {
        const [file, text] = expected.line;
        assert.equal(f.evidence[0]?.file, file);
        assert.equal(f.evidence[0]?.line, lineOf(file, text));
      }
    });
  }

  test('the consistent variant has no error and no warning', async () => {
    const findings = await findingsOf(join(EXAMPLE, 'consistent'));
    assert.deepEqual(
      findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.message}`),
      [],
    );
  });
});
