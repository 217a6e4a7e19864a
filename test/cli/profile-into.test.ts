// `dovetail profile <data> --into <descriptor>` as a user runs it: the example system's training data
// filled from a generated CSV, and still valid.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { dovetail, EXAMPLE, tempDir } from '../helpers.js';

function flights(rows: number): string {
  const lines = ['scheduled_departure,origin,destination,distance,dep_hour,dep_day_of_week,delay,delayed,carrier'];
  for (let i = 0; i < rows; i++) {
    const delay = ((i * 37) % 120) - 20;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const hour = 6 + (i % 14);
    lines.push(
      `2001-03-${day} ${String(hour).padStart(2, '0')}:15:00,${['ORD', 'DFW', 'ATL'][i % 3]},${['LAX', 'SEA'][i % 2]},` +
        `${300 + ((i * 53) % 2000)},${hour},${i % 7},${delay},${delay > 15},${['AA', 'UA'][i % 2]}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Whether every line of `original` is still in `edited`, in the same order. */
function keepsLines(original: string, edited: string): boolean {
  const lines = edited.split('\n');
  let at = 0;
  for (const line of original.split('\n')) {
    at = lines.indexOf(line, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

describe('dovetail profile --into', () => {
  let dir: string;
  before(() => {
    dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    writeFileSync(join(dir, 'flights.csv'), flights(400));
  });

  test('fills the training-data descriptor, keeps what it held, and the system still validates', () => {
    const file = join(dir, 'training-data.yaml');
    const original = readFileSync(file, 'utf8');
    const r = dovetail([
      'profile',
      join(dir, 'flights.csv'),
      '--out',
      join(dir, 'flights.profile.json'),
      '--into',
      file,
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /filled .*training-data\.yaml from the profile/);
    assert.match(r.stderr, /added schema: carrier \(new field\)/);
    assert.match(r.stderr, /kept distribution: delayed \(true, false\)/);
    assert.match(r.stderr, /warning statistics distance: mean is written as 729\.04, but the data gives/);
    const filled = readFileSync(file, 'utf8');
    assert.ok(keepsLines(original, filled), 'every line written before is still there');
    assert.match(filled, /\n {2}- field_name: carrier\n {4}field_type: string\n/);
    assert.match(filled, /\n {2}- field: delay\n {4}property: mean\n/);
    assert.match(filled, /\nprofile: flights\.profile\.json\n$/);
    const validate = dovetail(['validate', dir]);
    assert.equal(validate.code, 0, validate.stdout);
  });

  test('refuses other kinds, missing files and unknown label columns, and writes nothing', () => {
    const model = join(dir, 'trained-model.yaml');
    const before = readFileSync(model, 'utf8');
    const data = join(dir, 'flights.csv');
    const other = dovetail(['profile', data, '--into', model]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /trained-model\.yaml is a trained-model descriptor/);
    assert.equal(readFileSync(model, 'utf8'), before);

    const missing = dovetail(['profile', data, '--into', join(dir, 'nothing.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot fill .*nothing\.yaml: no such file/);

    const label = dovetail(['profile', data, '--into', join(dir, 'production-data.yaml'), '--label', 'late']);
    assert.equal(label.code, 2);
    assert.match(label.stderr, /label column "late" is not a column of the data/);
  });
});
