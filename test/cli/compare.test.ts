// `dovetail compare` as a user runs it: reference and current data (or their profiles) in, drift out.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { DRIFT_METHODS } from '../../src/data/drift/policy.js';
import { Mulberry32 } from '../../src/data/sketch/prng.js';
import { dovetail, tempDir } from '../helpers.js';

/** CSV of n rows: amount (float), items (integer), city (text), ok (boolean); `shift` moves all four. */
function csv(n: number, seed: number, shift = 0): string {
  const rng = new Mulberry32(seed);
  const cities = ['Oslo', 'Lima', 'Pune', 'Kyiv'];
  const lines = ['amount,items,city,ok'];
  for (let i = 0; i < n; i++) {
    const amount = (rng.next() + rng.next() + rng.next()) * 10 + shift * 10;
    const items = Math.floor(rng.next() * 5) + shift * 3;
    const city = cities[Math.min(3, Math.floor(rng.next() * (4 - shift * 2)) + shift * 2)];
    lines.push(`${amount.toFixed(3)},${items},${city},${rng.next() < 0.5 + shift * 0.4}`);
  }
  return `${lines.join('\n')}\n`;
}

function files(n = 1000) {
  const dir = tempDir();
  const path = (name: string) => join(dir, name);
  writeFileSync(path('ref.csv'), csv(n, 1));
  writeFileSync(path('same.csv'), csv(n, 2));
  writeFileSync(path('shifted.csv'), csv(n, 3, 1));
  return path;
}

const CONTRACT = ['name', 'type', 'method', 'statistic', 'p_value', 'threshold', 'drifted'];

describe('dovetail compare', () => {
  test('--format json: the contract, one document on stdout, exit 0 without dataset drift', () => {
    const f = files();
    const r = dovetail(['compare', f('ref.csv'), f('same.csv'), '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(typeof doc.drifted_share, 'number');
    assert.equal(doc.dataset_drift, false);
    assert.equal(doc.columns.length, 4);
    for (const c of doc.columns) {
      for (const key of CONTRACT) assert.ok(key in c, `${c.name}: ${key}`);
      assert.equal(typeof c.statistic, 'number');
      assert.equal(typeof c.p_value, 'number');
      assert.equal(c.threshold, 0.01 / 4);
      assert.equal(c.drifted, false);
      assert.equal(c.effect_size.threshold, c.method === 'ks' ? 0.02 : 0.1);
      assert.equal(c.parameters.values, 'exact');
    }
    assert.deepEqual(
      doc.columns.map((c: { name: string; type: string; method: string }) => [c.name, c.type, c.method]),
      [
        ['amount', 'float', 'ks'],
        ['items', 'integer', 'ks'],
        ['city', 'string', 'chi-square'],
        ['ok', 'boolean', 'chi-square'],
      ],
    );
    assert.equal(doc.policy.m, 4);
    assert.equal(doc.policy.correction, 'bonferroni');
    assert.deepEqual(doc.reference, { path: f('ref.csv'), input: 'data', rows: 1000 });
  });

  test('exit 1 on dataset drift; distance methods have no p-value', () => {
    const f = files();
    const r = dovetail(['compare', f('ref.csv'), f('shifted.csv'), '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.dataset_drift, true);
    assert.equal(doc.drifted_share, 1);
    const w = JSON.parse(
      dovetail(['compare', f('ref.csv'), f('shifted.csv'), '--format', 'json', '--method', 'wasserstein']).stdout,
    );
    const amount = w.columns[0];
    assert.equal(amount.method, 'wasserstein');
    assert.equal(amount.p_value, null);
    assert.equal(amount.parameters.normed_by, 'reference std');
    assert.ok(amount.statistic >= amount.threshold);
  });

  test('text: a row per column with the DRIFT mark, the outcome and the policy', () => {
    const f = files();
    const r = dovetail(['compare', f('ref.csv'), f('shifted.csv')]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^column +type +method +statistic +p-value +threshold +effect/m);
    assert.match(r.stdout, /^amount +float +ks .*KS D .* > 0\.02 +DRIFT$/m);
    assert.match(r.stdout, /^city +string +chi-square .*JS distance/m);
    assert.match(r.stdout, /4 of 4 compared columns drifted \(100%\): dataset drift \(threshold 50%\)/);
    assert.match(r.stdout, /Default policy: .*alpha 0\.01 \/ 4 columns compared \(Bonferroni\)/);
    assert.equal(r.stderr, '');
  });

  test('html: standalone, escaped, one svg per compared column', () => {
    const dir = tempDir();
    const rows = (seed: number) => csv(300, seed).replace('amount,', '"<b>amount</b>",');
    writeFileSync(
      join(dir, 'a.csv'),
      `${rows(1)
        .trimEnd()
        .split('\n')
        .map((l, i) => `${l},${i ? 'x' : 'blob'}`)
        .join('\n')}\n`,
    );
    writeFileSync(join(dir, 'b.csv'), rows(2));
    const out = join(dir, 'report.html');
    const r = dovetail(['compare', join(dir, 'a.csv'), join(dir, 'b.csv'), '--format', 'html', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const page = readFileSync(out, 'utf8');
    assert.match(page, /^<!doctype html>/);
    assert.doesNotMatch(page, /<script|<link|src=|href=|url\(/);
    assert.doesNotMatch(page, /<b>amount/);
    assert.match(page, /&#60;b&#62;amount&#60;\/b&#62;/);
    assert.equal(page.match(/<svg /g)?.length, 4); // blob is only in the reference: listed, not drawn
    assert.match(page, /only in the reference/);
  });

  test('profiles and data mix: the same numbers from profiles that kept every value', () => {
    const f = files(150);
    for (const name of ['ref', 'same']) {
      const r = dovetail(['profile', f(`${name}.csv`), '-o', f(`${name}.json`)]);
      assert.equal(r.code, 0, r.stderr);
    }
    const run = (a: string, b: string) => {
      const r = dovetail(['compare', f(a), f(b), '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout);
    };
    const data = run('ref.csv', 'same.csv');
    const profiles = run('ref.json', 'same.json');
    const mixed = run('ref.csv', 'same.json');
    assert.equal(profiles.reference.input, 'profile');
    assert.equal(mixed.current.input, 'profile');
    for (const doc of [profiles, mixed]) {
      doc.columns.forEach((c: { statistic: number; p_value: number }, i: number) => {
        assert.equal(c.statistic, data.columns[i].statistic);
        assert.equal(c.p_value, data.columns[i].p_value);
      });
    }
  });

  test('from compacted sketches KS decides on D minus its error bound, and the reports say so', () => {
    const f = files(3000);
    for (const name of ['ref', 'shifted']) {
      const r = dovetail(['profile', f(`${name}.csv`), '-o', f(`${name}.json`)]);
      assert.equal(r.code, 0, r.stderr);
    }
    const doc = JSON.parse(dovetail(['compare', f('ref.json'), f('shifted.json'), '--format', 'json']).stdout);
    const amount = doc.columns[0];
    assert.equal(amount.parameters.values, 'sketch');
    assert.equal(amount.parameters.decided_on, 'D minus its error bound');
    const bound = amount.parameters.statistic_error_bound;
    assert.ok(bound > 0.02 && amount.statistic - bound > 0.02, `D ${amount.statistic} ± ${bound}`);
    assert.equal(amount.drifted, true);
    const text = dovetail(['compare', f('ref.json'), f('shifted.json')]).stdout;
    assert.match(text, /^amount +float +ks .*KS D [\d.]+ − [\d.]+ > 0\.02 +DRIFT$/m);
    assert.match(
      text,
      /^amount: from KLL sketches, statistic within ±[\d.]+; drift decided on D − [\d.]+ = [\d.]+ \(p-value /m,
    );
    assert.match(text, /From KLL sketches, KS decides on D minus its error bound/);
    // Against itself the sketches' D is within their bound of 0: decided on 0, p-value 1, no drift.
    const same = JSON.parse(dovetail(['compare', f('ref.json'), f('ref.json'), '--format', 'json']).stdout);
    assert.ok(same.columns.every((c: { drifted: boolean }) => !c.drifted));
    const self = dovetail(['compare', f('ref.json'), f('ref.json')]).stdout;
    assert.match(self, /^amount +float +ks .*KS D 0 − [\d.]+ ≤ 0\.02$/m);
    assert.match(self, /^amount: .*drift decided on D − [\d.]+ = 0 \(p-value 1\)/m);
  });

  test('--type overrides a column type of the data files', () => {
    const f = files(200);
    const doc = JSON.parse(
      dovetail(['compare', f('ref.csv'), f('same.csv'), '--format', 'json', '--type', 'items=category']).stdout,
    );
    assert.equal(doc.columns[1].type, 'category');
    assert.equal(doc.columns[1].method, 'chi-square');
  });

  test('a .json that is not a profile is read as JSON Lines', () => {
    const dir = tempDir();
    const lines = (shift: number) =>
      `${Array.from({ length: 200 }, (_, i) => JSON.stringify({ x: (i % 17) + shift })).join('\n')}\n`;
    writeFileSync(join(dir, 'a.json'), lines(0));
    writeFileSync(join(dir, 'b.json'), lines(10));
    const r = dovetail(['compare', join(dir, 'a.json'), join(dir, 'b.json'), '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(JSON.parse(r.stdout).reference.input, 'data');
  });

  test('bad input exits 2 with a message naming the file; so do bad options', () => {
    const f = files(50);
    const missing = dovetail(['compare', f('ref.csv'), f('missing.parquet')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing\.parquet: file not found/);
    writeFileSync(f('bad.json'), JSON.stringify({ dovetail_profile: 1, rows: 'many' }));
    const bad = dovetail(['compare', f('bad.json'), f('ref.csv')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.json/);
    assert.equal(dovetail(['compare', f('ref.csv'), f('ref.csv'), '--alpha', '2']).code, 2);
    assert.equal(dovetail(['compare', f('ref.csv'), f('ref.csv'), '--threshold', 'x']).code, 2);
    assert.equal(dovetail(['compare', f('ref.csv'), f('ref.csv'), '--method', 'median']).code, 2);
    assert.equal(dovetail(['compare', f('ref.csv')]).code, 2);
  });

  test('--help lists every method', () => {
    const r = dovetail(['compare', '--help']);
    assert.equal(r.code, 0);
    for (const m of DRIFT_METHODS) assert.ok(r.stdout.includes(`"${m}"`), m);
  });
});
