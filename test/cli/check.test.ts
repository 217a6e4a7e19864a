// `dovetail check` and `dovetail rules` as users and CI run them.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ruleDocs } from '../../src/report/rule-docs.js';
import { catalogue } from '../../src/rules/catalogue.js';
import { CATEGORIES } from '../../src/rules/types.js';
import { BIN, dovetail, EXAMPLE, ROOT, tempDir } from '../helpers.js';

describe('dovetail check', () => {
  test('JSON output is {tool, system, findings, summary} with the finding fields of DESIGN §2', () => {
    const r = dovetail(['check', EXAMPLE, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['tool', 'system', 'findings', 'summary']);
    assert.equal(out.system, 'flight-delays');
    for (const f of out.findings) {
      for (const key of [
        'rule',
        'category',
        'severity',
        'phase',
        'message',
        'evidence',
        'roles',
        'rationale',
        'remedy',
        'fingerprint',
      ]) {
        assert.ok(key in f, `${key} missing`);
      }
      assert.equal(f.phase, 'design');
    }
  });

  test('exit codes follow --fail-on', () => {
    assert.equal(dovetail(['check', EXAMPLE]).code, 1);
    assert.equal(dovetail(['check', EXAMPLE, '--fail-on', 'none']).code, 0);
    assert.equal(dovetail(['check', EXAMPLE, '--rule', 'api/output-type', '--fail-on', 'error']).code, 1);
    assert.equal(dovetail(['check', join(EXAMPLE, 'consistent'), '--fail-on', 'warning']).code, 0);
  });

  test('invalid input exits 2 naming file and line, and checks nothing', () => {
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const file = join(dir, 'trained-model.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('memory: 6Gi', 'memory: lots'));
    const r = dovetail(['check', dir, '--format', 'json']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /trained-model\.yaml:\d+:\d+ error \/computing_resource_reqs\/memory/);
  });

  test('--rule and --category select, unknown ones are refused', () => {
    const only = JSON.parse(dovetail(['check', EXAMPLE, '--format', 'json', '--category', 'api']).stdout);
    assert.ok(only.findings.length > 0);
    assert.ok(only.findings.every((f: { category: string }) => f.category === 'api'));
    const r = dovetail(['check', EXAMPLE, '--rule', 'api/nope']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no rule "api\/nope"/);
    assert.equal(dovetail(['check', EXAMPLE, '--category', 'apis']).code, 2);
  });

  test('waivers in dovetail.yaml: reported as waived, not failing; expired fails again', () => {
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const project = join(dir, 'dovetail.yaml');
    const base = readFileSync(project, 'utf8');
    const waive = (expires: string) =>
      writeFileSync(
        project,
        `${base}\nwaivers:\n  - rule: computing-resource/production-resources\n    descriptor: production-environment/production\n    reason: quantised before deployment\n    expires: ${expires}\n`,
      );
    waive('2999-01-01');
    const waived = JSON.parse(
      dovetail(['check', dir, '--format', 'json', '--rule', 'computing-resource/production-resources']).stdout,
    );
    assert.ok(waived.findings.length > 0);
    assert.ok(
      waived.findings.every((f: { waiver?: { reason: string } }) => f.waiver?.reason === 'quantised before deployment'),
    );
    assert.equal(dovetail(['check', dir, '--rule', 'computing-resource/production-resources']).code, 0);
    waive('2000-01-01');
    const r = dovetail(['check', dir, '--rule', 'computing-resource/production-resources']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /waiver expired 2000-01-01/);
  });

  test('TEC input checks with the same command', () => {
    const r = dovetail([
      'check',
      join(ROOT, 'test', 'fixtures', 'tec', '1.1'),
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.system, '1.1');
    assert.ok(out.findings.length > 0);
    assert.ok(
      out.findings.every((f: { evidence: { file: string }[] }) => f.evidence.every((e) => e.file.endsWith('.json'))),
    );
  });

  test('a reader that closes the pipe early (| head) ends the run quietly', async () => {
    const { spawn } = await import('node:child_process');
    // @ts-expect-error: a plain JavaScript module of the benchmarks
    const { generateSystem } = await import('../../bench/check.mjs');
    const big = join(tempDir(), 'big');
    generateSystem(big, 5); // a report far larger than a pipe's buffer
    const child = spawn(process.execPath, [BIN, 'check', big, '--format', 'json', '--fail-on', 'none'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    assert.doesNotMatch(stderr, /EPIPE|Error/);
  });

  test('--output writes the report to a file', () => {
    const file = join(tempDir(), 'report.html');
    const r = dovetail(['check', EXAMPLE, '--format', 'html', '--output', file, '--fail-on', 'none']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(readFileSync(file, 'utf8'), /^<!doctype html>/);
  });
});

describe('dovetail rules', () => {
  test('--format json lists every rule with the DESIGN §8 fields', () => {
    const list = JSON.parse(dovetail(['rules', '--format', 'json']).stdout);
    assert.equal(list.length, catalogue.length);
    for (const r of list)
      assert.deepEqual(Object.keys(r), ['id', 'category', 'severity', 'phases', 'roles', 'tec', 'description']);
  });

  test('rule ids are unique and every category of DESIGN §2 has rules', () => {
    const ids = catalogue.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    const used = new Set(catalogue.map((r) => r.meta.category));
    assert.deepEqual(
      CATEGORIES.filter((c) => !used.has(c)),
      [],
    );
  });

  test('every TEC rule has a counterpart', () => {
    const tec = new Set(catalogue.flatMap((r) => r.meta.tec));
    const expected = [
      'R1',
      'R2',
      'R3A',
      'R3B',
      'R3C',
      'R4A',
      'R4B',
      'R4C',
      'R5A',
      'R5B',
      'R5C',
      'R6',
      'R7',
      'R8',
      'R9',
      'R10',
      'R11',
      'R12',
      'R13',
      'R14A',
      'R14B',
      'R14C',
      'R15',
      'R16',
    ];
    assert.deepEqual(
      expected.filter((id) => !tec.has(id)),
      [],
    );
  });

  test('one rule in full, and a clear error for an unknown id', () => {
    const r = dovetail(['rules', 'api/output-type']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Why: /);
    assert.equal(dovetail(['rules', 'api/none']).code, 2);
  });

  test('docs/rules is generated from the metadata (run `npm run docs` when this fails)', () => {
    const pages = ruleDocs(catalogue);
    const dir = join(ROOT, 'docs', 'rules');
    assert.deepEqual(readdirSync(dir).sort(), [...pages.keys()].sort());
    for (const [file, text] of pages)
      assert.equal(readFileSync(join(dir, file), 'utf8'), text, `docs/rules/${file} is stale`);
  });
});
