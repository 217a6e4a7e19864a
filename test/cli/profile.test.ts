// `dovetail profile` as a user runs it: a data file in, a mergeable profile out.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseProfile } from '../../src/data/profile/profile.js';
import { dovetail, ROOT, tempDir } from '../helpers.js';

function csv(rows: number, offset = 0): string {
  const lines = ['amount,city,ok'];
  for (let i = offset; i < offset + rows; i++)
    lines.push(`${(i * 7) % 101},${['Oslo', 'Lima', 'Pune'][i % 3]},${i % 2 === 0}`);
  return `${lines.join('\n')}\n`;
}

describe('dovetail profile', () => {
  test('writes a profile that validates, with types, counts and overrides', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.csv'), csv(1000));
    const out = join(dir, 'data.profile.json');
    const r = dovetail(['profile', join(dir, 'data.csv'), '--type', 'city=category', '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    const profile = parseProfile(readFileSync(out, 'utf8'), out);
    assert.equal(profile.rows, 1000);
    assert.deepEqual(Object.fromEntries(Object.entries(profile.columns).map(([k, c]) => [k, c.type])), {
      amount: 'integer',
      city: 'category',
      ok: 'boolean',
    });
    assert.equal(profile.columns.amount?.min, 0);
    assert.equal(profile.columns.amount?.max, 100);
    assert.match(r.stdout, /amount +integer/);
  });

  test('--format json prints the profile and nothing else', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'data.csv'), csv(50));
    const r = dovetail(['profile', join(dir, 'data.csv'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).rows, 50);
  });

  test('profiles of parts merge into the profile of the whole', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.csv'), csv(600));
    writeFileSync(join(dir, 'b.csv'), csv(400, 600));
    writeFileSync(join(dir, 'all.csv'), csv(1000));
    for (const part of ['a', 'b', 'all']) {
      assert.equal(dovetail(['profile', join(dir, `${part}.csv`), '--out', join(dir, `${part}.json`)]).code, 0);
    }
    const merged = join(dir, 'merged.json');
    const r = dovetail(['profile', 'merge', join(dir, 'a.json'), join(dir, 'b.json'), '--out', merged]);
    assert.equal(r.code, 0, r.stderr);
    const m = parseProfile(readFileSync(merged, 'utf8'));
    const whole = parseProfile(readFileSync(join(dir, 'all.json'), 'utf8'));
    assert.equal(m.rows, whole.rows);
    for (const name of ['amount', 'city', 'ok']) {
      const a = m.columns[name];
      const b = whole.columns[name];
      assert.equal(a?.missing, b?.missing, name);
      assert.equal(a?.min, b?.min, name);
      assert.equal(a?.max, b?.max, name);
      assert.deepEqual(a?.histogram, b?.histogram, name);
      assert.deepEqual(a?.hll, b?.hll, name);
    }
    assert.ok(Math.abs((m.columns.amount?.mean ?? 0) - (whole.columns.amount?.mean ?? 1)) < 1e-9);
  });

  test('an Arrow IPC file', () => {
    const arrow = join(ROOT, 'node_modules', 'vega-datasets', 'data', 'flights-200k.arrow');
    const r = dovetail(['profile', arrow, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const profile = parseProfile(r.stdout);
    assert.equal(profile.rows, 200_000);
    assert.deepEqual(profile.source, { path: arrow, format: 'arrow' });
    assert.deepEqual(Object.fromEntries(Object.entries(profile.columns).map(([k, c]) => [k, c.type])), {
      delay: 'integer',
      distance: 'integer',
      time: 'float',
    });
    assert.equal(profile.columns.delay?.missing, 0);
    assert.equal(profile.columns.time?.min, 0);
    assert.ok((profile.columns.time?.max ?? 0) < 24);
  });

  test('JSON Lines on stdin', () => {
    const input = `${Array.from({ length: 20 }, (_, i) => JSON.stringify({ x: i, label: i % 2 ? 'a' : 'b' })).join('\n')}\n`;
    const r = dovetail(['profile', '-', '--format', 'json'], { input });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).rows, 20);
  });

  test('bad input exits 2 with a message naming the file and line', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${csv(30000)}1,2,3,4,5\n${csv(10).split('\n').slice(1).join('\n')}`);
    const r = dovetail(['profile', bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /bad\.csv:30002: /);
    assert.equal(dovetail(['profile', join(dir, 'missing.parquet')]).code, 2);
    assert.match(dovetail(['profile', bad, '--type', 'nonsense']).stderr, /--type nonsense: expected column=type/);
  });
});
