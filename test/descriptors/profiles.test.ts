// Profiles named by data descriptors: read relative to the descriptor's file and attached to the
// loaded system; a missing or invalid profile is an error at the descriptor's `profile` field that
// carries the profile's own problem, not a crash.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { profileColumns } from '../../src/data/profile/profile.js';
import type { Diagnostic } from '../../src/descriptors/diagnostics.js';
import { loadSystem } from '../../src/descriptors/load.js';
import { dovetail, EXAMPLE, tempDir } from '../helpers.js';

const PROFILE = profileColumns({ delay: [1, 5, 20], origin: ['ORD', 'DFW', 'ORD'] }, { seed: 1 });

/**
 * A copy of the example whose training data names `path` as its profile, written with `text` (none:
 * no file). Returns the folder and the line of the `profile` field.
 */
function withProfile(path: string, text?: string): { dir: string; line: number } {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  const descriptor = join(dir, 'training-data.yaml');
  appendFileSync(descriptor, `profile: ${path}\n`);
  if (text !== undefined) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, line: readFileSync(descriptor, 'utf8').trimEnd().split('\n').length };
}

async function errorsOf(dir: string): Promise<Diagnostic[]> {
  const system = await loadSystem([dir]);
  return system.diagnostics.filter((d) => d.severity === 'error');
}

describe('profiles named by descriptors', () => {
  test('are read relative to the descriptor file and attached to the system', async () => {
    const { dir } = withProfile('profiles/training.json', JSON.stringify(PROFILE));
    const system = await loadSystem([dir]);
    assert.deepEqual(system.diagnostics, []);
    const training = system.descriptors.find((d) => d.kind === 'training-data');
    assert.ok(training);
    assert.deepEqual(system.profiles.get(training), PROFILE);
    assert.equal(system.profiles.size, 1);
  });

  test('none are read when no descriptor names one', async () => {
    const system = await loadSystem([EXAMPLE]);
    assert.equal(system.profiles.size, 0);
  });

  const broken: { name: string; text?: string; message: RegExp; expected?: RegExp }[] = [
    { name: 'a missing profile', message: /^profile training\.profile\.json cannot be read: no such file$/ },
    {
      name: 'a profile that is not JSON',
      text: '{\n  "dovetail_profile": 1,\n  "rows": 3,,\n}',
      message: /^profile training\.profile\.json:3 is not valid: not JSON: /,
      expected: /^JSON$/,
    },
    {
      name: 'a profile whose counts disagree',
      text: JSON.stringify({ ...PROFILE, rows: 4 }),
      message: /^profile training\.profile\.json at \/columns\/delay\/count is not valid: count differs from rows$/,
      expected: /4 \(the profile's rows\)/,
    },
  ];
  for (const c of broken) {
    test(`${c.name} is an error at the descriptor's profile field`, async () => {
      const { dir, line } = withProfile('training.profile.json', c.text);
      const errors = await errorsOf(dir);
      assert.ok(errors.length > 0);
      for (const e of errors) {
        assert.equal(e.file, 'training-data.yaml');
        assert.equal(e.line, line);
        assert.equal(e.pointer, '/profile');
      }
      const error = errors[0] as Diagnostic;
      assert.match(error.message, c.message);
      if (c.expected) assert.match(error.expected ?? '', c.expected);
    });
  }

  test('`dovetail validate` reports an invalid profile with file:line and exits 2', () => {
    const { dir, line } = withProfile('training.profile.json', '[]');
    const r = dovetail(['validate', dir]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(
      r.stdout,
      new RegExp(`training-data\\.yaml:${line}:\\d+ error /profile profile training\\.profile\\.json`),
    );
  });
});
