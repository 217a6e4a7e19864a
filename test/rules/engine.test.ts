// The engine: fingerprints that survive edits elsewhere, waivers (kept visible, expiry), partial systems.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stringify } from 'yaml';
import { systemFromTexts } from '../../src/descriptors/load.js';
import type { ProjectFile } from '../../src/descriptors/project.js';
import { catalogue } from '../../src/rules/catalogue.js';
import { productionResources } from '../../src/rules/computing-resource/resources.js';
import { counts, runRules, summarize } from '../../src/rules/engine.js';
import { rule } from '../../src/rules/types.js';

const model = { kind: 'trained-model', name: 'm', computing_resource_reqs: { memory: '6Gi', cpu: 4 } };
const prod = { kind: 'production-environment', name: 'prod', computing_resources: { memory: '4Gi', cpu: 2 } };

async function system(docs: Record<string, unknown>[], project?: ProjectFile) {
  return systemFromTexts(
    docs.map((d) => ({ file: `${d.kind}.yaml`, text: stringify(d) })),
    { project },
  );
}

describe('fingerprints', () => {
  test('are stable across edits elsewhere and distinct per problem', async () => {
    const before = runRules(await system([model, prod]), [productionResources]).findings;
    const edited = runRules(
      await system([
        { description: 'now with a description', ...model },
        { ...prod, version: '2' },
      ]),
      [productionResources],
    ).findings;
    assert.equal(before.length, 2);
    assert.deepEqual(before.map((f) => f.fingerprint).sort(), edited.map((f) => f.fingerprint).sort());
    assert.notEqual(before[0]?.fingerprint, before[1]?.fingerprint);
  });

  test('lines move with the edit, fingerprints do not', async () => {
    const a = runRules(await system([model, prod]), [productionResources]).findings[0];
    const b = runRules(await system([{ a: undefined, description: 'x\ny', ...model }, prod]), [productionResources])
      .findings[0];
    assert.equal(a?.fingerprint, b?.fingerprint);
  });
});

describe('waivers', () => {
  const project = (expires?: string): ProjectFile => ({
    dovetail: 1,
    name: 's',
    waivers: [
      {
        rule: 'computing-resource/production-resources',
        descriptor: 'production-environment/prod',
        path: '/computing_resources/memory',
        reason: 'quantised to 3 GiB before deployment',
        ...(expires ? { expires } : {}),
      },
    ],
  });

  test('a waived finding stays in the report, marked, and does not count', async () => {
    const { findings } = runRules(await system([model, prod], project()), [productionResources], {
      today: '2026-06-01',
    });
    const memory = findings.find((f) => /memory/.test(f.message));
    const cpu = findings.find((f) => /CPU/.test(f.message));
    assert.deepEqual(memory?.waiver, {
      reason: 'quantised to 3 GiB before deployment',
      expires: undefined,
      expired: false,
    });
    assert.equal(cpu?.waiver, undefined, 'the path limits the waiver to memory');
    assert.ok(memory);
    assert.equal(counts(memory), false);
    assert.deepEqual(summarize(findings).by_severity, { error: 1, warning: 0, info: 0 });
    assert.equal(summarize(findings).waived, 1);
  });

  test('an expired waiver fails again, with a note', async () => {
    const { findings } = runRules(await system([model, prod], project('2026-05-31')), [productionResources], {
      today: '2026-06-01',
    });
    const memory = findings.find((f) => /memory/.test(f.message));
    assert.ok(memory);
    assert.equal(memory.waiver?.expired, true);
    assert.equal(counts(memory), true);
    assert.equal(summarize(findings).expired_waivers, 1);
  });

  test('a waiver that matches nothing is reported as unused', async () => {
    const result = runRules(
      await system([model, { ...prod, computing_resources: { memory: '8Gi', cpu: 8 } }], project()),
      [productionResources],
    );
    assert.equal(result.findings.length, 0);
    assert.equal(result.unusedWaivers.length, 1);
  });
});

describe('robustness', () => {
  test('a rule that throws is reported, and the others still run', async () => {
    const broken = rule({ ...productionResources.meta, id: 'computing-resource/broken' }, () => {
      throw new Error('boom');
    });
    const result = runRules(await system([model, prod]), [broken, productionResources]);
    assert.deepEqual(result.failures, [{ rule: 'computing-resource/broken', message: 'boom' }]);
    assert.equal(result.findings.length, 2);
  });

  test('every rule of the catalogue runs on partial systems without throwing', async () => {
    const partials = [
      [],
      [{ kind: 'trained-model', name: 'm' }],
      [{ kind: 'production-environment', name: 'p' }],
      [{ kind: 'system-context', name: 's', goals: [{ id: 'G-1', goal: 'g' }] }],
      [
        { kind: 'training-data', name: 't', schema: [{ field_name: 'a' }] },
        { kind: 'production-data', name: 'p' },
      ],
      [{ kind: 'development-environment', name: 'd', upstream_components: [{ component_name: 'u' }] }],
    ];
    for (const docs of partials) {
      const result = runRules(await system(docs), catalogue);
      assert.deepEqual(result.failures, [], JSON.stringify(docs));
    }
  });
});
