// Validation of whole systems: the example is valid, and each broken variant of it is reported
// with the right file, line, JSON pointer, expectation and exit code.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from '../../src/descriptors/diagnostics.js';
import { loadSystem } from '../../src/descriptors/load.js';
import { dovetail, EXAMPLE, tempDir } from '../helpers.js';

/** A copy of the example with `file` edited; returns the folder. */
function variant(file: string, edit: (text: string) => string): string {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `the edit of ${file} changed nothing`);
  writeFileSync(path, after);
  return dir;
}

/** Replaces the first occurrence of `from` and returns the 1-based line where `to` now starts. */
function replaceAt(text: string, from: string, to: string): { text: string; line: number } {
  const at = text.indexOf(from);
  assert.ok(at >= 0, `"${from}" not found`);
  return {
    text: text.slice(0, at) + to + text.slice(at + from.length),
    line: text.slice(0, at).split('\n').length,
  };
}

async function errorsOf(dir: string): Promise<Diagnostic[]> {
  const system = await loadSystem([dir]);
  return system.diagnostics.filter((d) => d.severity === 'error');
}

function lineOf(dir: string, file: string, needle: string): number {
  const text = readFileSync(join(dir, file), 'utf8');
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not in ${file}`);
  return text.slice(0, at).split('\n').length;
}

describe('the example system', () => {
  test('is valid, with all eight kinds and no warnings', async () => {
    const system = await loadSystem([EXAMPLE]);
    assert.deepEqual(system.diagnostics, []);
    assert.equal(system.name, 'flight-delays');
    assert.deepEqual(system.descriptors.map((d) => d.kind).sort(), [
      'data-pipeline',
      'development-environment',
      'production-data',
      'production-environment',
      'raw-data',
      'system-context',
      'trained-model',
      'training-data',
    ]);
  });

  test('its consistent variant is valid too', async () => {
    const system = await loadSystem([join(EXAMPLE, 'consistent')]);
    assert.deepEqual(system.diagnostics, []);
    assert.equal(system.descriptors.length, 8);
  });

  test('quantities are parsed into base units', async () => {
    const system = await loadSystem([EXAMPLE]);
    const model = system.descriptors.find((d) => d.kind === 'trained-model');
    assert.ok(model && model.kind === 'trained-model');
    assert.equal(model.data.computing_resource_reqs?.memory, 6 * 2 ** 30);
    assert.equal(model.data.inference_time, 35);
  });

  test('`dovetail validate` exits 0 and says so', () => {
    const r = dovetail(['validate', EXAMPLE]);
    assert.equal(r.code, 0, r.stderr + r.stdout);
    assert.match(r.stdout, /flight-delays: 8 valid descriptors/);
  });
});

describe('broken variants exit 2 naming file, line and field', () => {
  const cases: {
    name: string;
    file: string;
    from: string;
    to: string;
    pointer: string;
    message: RegExp;
    expected?: RegExp;
    /** The reported line, when it is not the edited line. */
    lineOf?: string;
  }[] = [
    {
      name: 'a size without a known unit',
      file: 'trained-model.yaml',
      from: 'memory: 6Gi',
      to: 'memory: 6 gigs',
      pointer: '/computing_resource_reqs/memory',
      message: /not a valid quantity/,
      expected: /16Gi/,
    },
    {
      name: 'a misspelt field, with a suggestion',
      file: 'production-environment.yaml',
      from: 'required_inference_time:',
      to: 'required_inference_tme:',
      pointer: '/required_inference_tme',
      message: /unknown field "required_inference_tme"; did you mean "required_inference_time"/,
    },
    {
      name: 'an unknown type',
      file: 'trained-model.yaml',
      from: 'item_type: float',
      to: 'item_type: flaot',
      pointer: '/output_spec/0/item_type',
      message: /unknown item type/,
      expected: /integer, float, string/,
    },
    {
      name: 'a statistic written as text',
      file: 'training-data.yaml',
      from: 'value: 729.04',
      to: 'value: "729.04"',
      pointer: '/statistics/0/value',
      message: /mean of a field is a number/,
    },
    {
      name: 'an impossible date',
      file: 'trained-model.yaml',
      from: 'training_date: 2025-03-14',
      to: 'training_date: 2025-13-45',
      pointer: '/training_date',
      message: /not a date/,
      expected: /YYYY-MM-DD/,
    },
    {
      name: 'a percentage above 100',
      file: 'training-data.yaml',
      from: 'percentage: ',
      to: 'percentage: 120 #',
      pointer: '/distribution/0/percentage',
      message: /100/,
    },
    {
      name: 'a dangling training-data reference',
      file: 'trained-model.yaml',
      from: 'training_data: flights-2001-jan-apr@1.1',
      to: 'training_data: flights-2001-jan-may',
      pointer: '/training_data',
      message:
        /training-data "flights-2001-jan-may", which does not exist; did you mean "flights-2001-jan-apr"\?.*training-data\.yaml/,
    },
    {
      name: 'a metric mapped to a goal that does not exist',
      file: 'trained-model.yaml',
      from: 'goal_mapping: G-01',
      to: 'goal_mapping: G-09',
      pointer: '/algorithm_metrics/0/goal_mapping',
      message: /goal "G-09", which no system-context goal has.*system-context\.yaml/,
    },
    {
      name: 'an output mapped to a downstream component that does not exist',
      file: 'trained-model.yaml',
      from: 'component: traveller-notifications',
      to: 'component: traveller-notification',
      pointer: '/final_output_spec/0/component_mapping/component',
      message: /downstream component "traveller-notification".*did you mean "traveller-notifications"/,
    },
    {
      name: 'a production metric the model does not declare',
      file: 'production-environment.yaml',
      from: 'metric: recall-7d',
      to: 'metric: recall-30d',
      pointer: '/algorithm_metrics/0/metric',
      message: /algorithm metric "recall-30d", which trained model "delay-classifier".*does not declare/,
    },
    {
      name: 'a duplicate YAML key',
      file: 'production-environment.yaml',
      from: 'required_inference_time: 20ms',
      to: 'required_inference_time: 20ms\nrequired_inference_time: 30ms',
      pointer: '',
      message: /duplicate key/,
      lineOf: 'required_inference_time: 30ms',
    },
    {
      name: 'a descriptor without a kind',
      file: 'raw-data.yaml',
      from: 'kind: raw-data',
      to: 'kinds: raw-data',
      pointer: '',
      message: /not a descriptor|missing required field "kind"/,
      lineOf: 'kinds: raw-data',
    },
    {
      name: 'an unknown kind, with a suggestion',
      file: 'raw-data.yaml',
      from: 'kind: raw-data',
      to: 'kind: rawdata',
      pointer: '/kind',
      message: /unknown descriptor kind "rawdata"; did you mean "raw-data"/,
    },
    {
      name: 'a wrong type for a count',
      file: 'raw-data.yaml',
      from: 'number_of_instances: ',
      to: 'number_of_instances: many #',
      pointer: '/number_of_instances',
      message: /wrong type/,
      expected: /number/,
    },
  ];

  for (const c of cases) {
    test(c.name, async () => {
      let line = 0;
      const dir = variant(c.file, (text) => {
        const r = replaceAt(text, c.from, c.to);
        line = r.line;
        return r.text;
      });
      if (c.lineOf) line = lineOf(dir, c.file, c.lineOf);
      const errors = await errorsOf(dir);
      const hit = errors.find((e) => e.file === c.file && c.message.test(e.message));
      assert.ok(hit, `no error matching ${c.message} in ${c.file}; got ${JSON.stringify(errors, null, 1)}`);
      assert.equal(hit.line, line, `line of ${JSON.stringify(hit)}`);
      if (c.pointer) assert.equal(hit.pointer, c.pointer);
      if (c.expected) assert.match(hit.expected ?? '', c.expected);
      const cli = dovetail(['validate', dir, '--format', 'json']);
      assert.equal(cli.code, 2);
      const out = JSON.parse(cli.stdout) as { valid: boolean; diagnostics: Diagnostic[] };
      assert.equal(out.valid, false);
      assert.ok(out.diagnostics.some((d) => d.file === c.file && d.line === line));
    });
  }

  test('every error is reported, not only the first', async () => {
    const dir = variant('trained-model.yaml', (text) =>
      text.replace('memory: 6Gi', 'memory: 6 gigs').replace('training_date: 2025-03-14', 'training_date: soon'),
    );
    writeFileSync(
      join(dir, 'production-environment.yaml'),
      readFileSync(join(dir, 'production-environment.yaml'), 'utf8').replace('cpu: 2', 'cpu: two'),
    );
    const pointers = (await errorsOf(dir)).map((e) => `${e.file}${e.pointer}`).sort();
    assert.deepEqual(pointers, [
      'production-environment.yaml/computing_resources/cpu',
      'trained-model.yaml/computing_resource_reqs/memory',
      'trained-model.yaml/training_date',
    ]);
  });

  test('text output names file:line:column, field, expectation and finding', () => {
    const dir = variant('trained-model.yaml', (text) => text.replace('memory: 6Gi', 'memory: 6 gigs'));
    const r = dovetail(['validate', dir]);
    assert.equal(r.code, 2);
    const line = lineOf(dir, 'trained-model.yaml', 'memory: 6 gigs');
    assert.match(
      r.stdout,
      new RegExp(
        `trained-model\\.yaml:${line}:\\d+ error /computing_resource_reqs/memory not a valid quantity \\(expected .*; found "6 gigs"\\)`,
      ),
    );
  });
});

describe('YAML hazards', () => {
  test('an alias bomb is refused with a message', async () => {
    const dir = tempDir();
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    writeFileSync(join(dir, 'bomb.yaml'), `kind: raw-data\nname: bomb\n${levels.join('\n')}\n`);
    const errors = await errorsOf(dir);
    assert.equal(errors.length, 1);
    assert.match(errors[0]?.message ?? '', /alias/);
  });

  test('an oversized file is refused without reading it whole', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'huge.yaml'),
      `kind: raw-data\nname: huge\ndescription: "${'x'.repeat(6 * 1024 * 1024)}"\n`,
    );
    const errors = await errorsOf(dir);
    assert.match(errors[0]?.message ?? '', /MiB; descriptors are limited to 5 MiB/);
  });

  test('a syntax error names its line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'kind: raw-data\nname: [unclosed\nversion: 1\n');
    const errors = await errorsOf(dir);
    assert.ok(errors.length >= 1);
    assert.equal(errors[0]?.file, 'bad.yaml');
    assert.ok((errors[0]?.line ?? 0) >= 2);
  });

  test('a missing path exits 2 with a message', () => {
    const r = dovetail(['validate', '/no/such/system']);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /no such file or folder/);
  });

  test('two descriptors of one kind with the same name are an error naming both files', async () => {
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    writeFileSync(join(dir, 'dovetail.yaml'), 'dovetail: 1\nname: twins\n');
    writeFileSync(join(dir, 'more.yaml'), 'kind: raw-data\nname: bts-ontime-2001-h1\n');
    const errors = await errorsOf(dir);
    const dup = errors.find((e) => /two raw-data descriptors are named/.test(e.message));
    assert.ok(dup, JSON.stringify(errors));
    assert.match(dup.message, /raw-data\.yaml|more\.yaml/);
  });
});
