// Rule tests in the spirit of ESLint's RuleTester: for each rule, systems where it must stay quiet
// (valid) and systems where it must report, with what it must say and where (invalid).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stringify } from 'yaml';
import type { Profile } from '../../src/data/profile/profile.js';
import { systemFromTexts } from '../../src/descriptors/load.js';
import type { ProjectFile } from '../../src/descriptors/project.js';
import type { System } from '../../src/descriptors/system.js';
import { runRules } from '../../src/rules/engine.js';
import type { ModelObserved } from '../../src/rules/observed.js';
import type { Finding, Phase, Rule, Severity } from '../../src/rules/types.js';

/** A descriptor as a plain object (`kind` and `name` required), written to `<kind>-<name>.yaml`. */
export type Doc = Record<string, unknown> & { kind: string; name: string };

export interface ExpectedFinding {
  message: RegExp;
  severity?: Severity;
  /** `kind/name:/json/pointer` of each evidence, in order. */
  evidence?: string[];
  roles?: string[];
}

export interface Case {
  name: string;
  docs: Doc[];
  project?: ProjectFile;
  phase?: Phase;
  /** The profiles of data descriptors, by `kind/name`, as if read from the files they name. */
  profiles?: Record<string, Profile>;
  /**
   * What the monitor observed, by trained-model name: the facts of the runtime phase. A function of
   * the loaded system when the observation needs it (to check events against the model's contract).
   */
  observed?: Record<string, ModelObserved> | ((system: System) => Record<string, ModelObserved>);
}

export interface InvalidCase extends Case {
  findings: ExpectedFinding[];
}

export async function findingsOf(rule: Rule, c: Case): Promise<Finding[]> {
  const system = await systemFromTexts(
    c.docs.map((d) => ({ file: `${d.kind}-${d.name}.yaml`, text: stringify(d) })),
    { project: c.project, profiles: c.profiles },
  );
  const errors = system.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], `the test system of "${c.name}" is not valid`);
  const result = runRules(system, [rule], {
    phase: c.phase ?? (c.observed ? 'runtime' : 'design'),
    today: '2026-06-01',
    observed: c.observed && new Map(Object.entries(typeof c.observed === 'function' ? c.observed(system) : c.observed)),
  });
  assert.deepEqual(result.failures, [], `the rule threw on "${c.name}"`);
  return result.findings;
}

export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    test('has complete metadata', () => {
      const m = rule.meta;
      assert.match(m.id, new RegExp(`^${m.category}/[a-z0-9-]+$`));
      for (const field of ['description', 'rationale', 'remedy'] as const) assert.ok(m[field].length > 20, field);
      assert.ok(m.phases.length > 0 && m.roles.length > 0);
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'a rule needs valid and invalid cases');
    });
    for (const c of cases.valid) {
      test(`valid: ${c.name}`, async () => {
        const findings = await findingsOf(rule, c);
        assert.deepEqual(
          findings.map((f) => f.message),
          [],
        );
      });
    }
    for (const c of cases.invalid) {
      test(`invalid: ${c.name}`, async () => {
        const findings = await findingsOf(rule, c);
        assert.equal(findings.length, c.findings.length, `findings: ${findings.map((f) => f.message).join(' | ')}`);
        c.findings.forEach((expected, i) => {
          const f = findings.find((x) => expected.message.test(x.message));
          assert.ok(
            f,
            `no finding matches ${expected.message}; got ${findings.map((x) => x.message).join(' | ')} (#${i})`,
          );
          if (expected.severity) assert.equal(f.severity, expected.severity);
          if (expected.evidence) {
            assert.deepEqual(
              f.evidence.map((e) => `${e.descriptor}:${e.path}`),
              expected.evidence,
            );
          }
          if (expected.roles) assert.deepEqual(f.roles, expected.roles);
          assert.match(f.fingerprint, /^[0-9a-f]{16}$/);
        });
      });
    }
  });
}
