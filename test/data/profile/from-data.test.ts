// profileData aggregates in DuckDB (distinct values with counts); the result must be the profile the
// row-by-row path builds from the same file: equal where profiles are exact, within the bound where not.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type ProfiledData, profileData } from '../../../src/data/profile/from-data.js';
import { mergeProfileList } from '../../../src/data/profile/merge.js';
import { type Profile, ProfileBuilder, quantileSketch } from '../../../src/data/profile/profile.js';
import { openData } from '../../../src/data/read/index.js';
import { keyOf } from '../../../src/data/sketch/frequent.js';
import { KllSketch } from '../../../src/data/sketch/kll.js';
import { Mulberry32 } from '../../../src/data/sketch/prng.js';
import { tempDir } from '../../helpers.js';

/** A CSV of `rows` rows with repeated and unique numbers, decimals, labels, booleans, blanks and timestamps. */
function csv(rows: number, seed = 7): string {
  const rng = new Mulberry32(seed);
  const lines = ['id,delay,price,origin,late,when,note'];
  const origins = ['ATL', 'ORD', 'DFW', 'LAX', 'DEN', 'SFO', 'SEA'];
  for (let i = 0; i < rows; i++) {
    const delay = Math.round((rng.next() - 0.3) * 120);
    const price = (rng.next() * 500).toFixed(2);
    const origin = rng.next() < 0.05 ? '' : (origins[Math.floor(rng.next() * origins.length)] as string);
    const late = delay > 15 ? 'true' : 'false';
    const when = new Date(Date.UTC(2001, 0, 1) + Math.floor(rng.next() * 180) * 86_400_000 + (i % 24) * 3_600_000);
    const note = i % 10 === 0 ? '' : `n${i % 37}`;
    lines.push(`${i},${rng.next() < 0.02 ? '' : delay},${price},${origin},${late},${when.toISOString()},${note}`);
  }
  return `${lines.join('\n')}\n`;
}

async function rowByRow(file: string): Promise<Profile> {
  const reader = await openData(file);
  const builder = new ProfileBuilder({
    types: Object.fromEntries(reader.columns.map((c) => [c.name, c.type])),
    source: { path: reader.file, format: reader.format },
    created: 'fixed',
  });
  for await (const batch of reader) builder.addBatch({ columns: batch.columns });
  await reader.close();
  return builder.build();
}

/** Every field that profiles hold exactly, side by side. */
function exactParts(p: Profile) {
  return {
    rows: p.rows,
    columns: Object.fromEntries(
      Object.entries(p.columns).map(([name, c]) => [
        name,
        {
          type: c.type,
          count: c.count,
          missing: c.missing,
          invalid: c.invalid,
          min: c.min,
          max: c.max,
          hll: c.hll?.registers,
          histogram: c.histogram,
          frequent: c.frequent?.items.slice().sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
          kllN: c.quantiles?.sketch.n,
        },
      ]),
    ),
  };
}

function assertClose(actual: number | null | undefined, expected: number | null | undefined, what: string): void {
  assert.ok(typeof actual === 'number' && typeof expected === 'number', what);
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
}

describe('profileData', () => {
  const dir = tempDir();
  const file = join(dir, 'flights.csv');
  writeFileSync(file, csv(20_000));

  it('equals the row-by-row profile where profiles are exact, and the moments to rounding', async () => {
    const { profile } = await profileData(file, { created: 'fixed' });
    const expected = await rowByRow(file);
    assert.deepEqual(exactParts(profile), exactParts(expected));
    for (const [name, c] of Object.entries(expected.columns)) {
      if (c.mean === undefined || c.mean === null) continue;
      assertClose(profile.columns[name]?.mean, c.mean, `${name} mean`);
      assertClose(profile.columns[name]?.variance, c.variance, `${name} variance`);
    }
    assert.deepEqual(Object.fromEntries(Object.entries(profile.columns).map(([n, c]) => [n, c.type])), {
      id: 'integer',
      delay: 'integer',
      price: 'float',
      origin: 'string',
      late: 'boolean',
      when: 'datetime',
      note: 'string',
    });
  });

  it('summarizes columns of many distinct values inside DuckDB to the same profile', async () => {
    // With a limit of 100 distinct values, id, price and when take the in-DuckDB path.
    const { profile } = await profileData(file, { created: 'fixed', exactLimit: 100 });
    const expected = await rowByRow(file);
    assert.deepEqual(exactParts(profile), exactParts(expected));
    for (const name of ['id', 'price', 'when']) {
      const c = expected.columns[name];
      assertClose(profile.columns[name]?.mean, c?.mean, `${name} mean`);
      assertClose(profile.columns[name]?.variance, c?.variance, `${name} variance`);
    }
  });

  it('keeps quantiles within the stated bound of the exact ones', async () => {
    const { profile, exact } = await profileData(file, { exact: true });
    for (const name of ['id', 'delay', 'price', 'when']) {
      const column = profile.columns[name];
      const e = exact.get(name);
      assert.ok(column?.quantiles && e?.kind === 'numbers', name);
      const kll = quantileSketch(column) as KllSketch;
      // Built in DuckDB from the exact ranks: the very sketch the exact distribution defines.
      assert.deepEqual(column.quantiles.sketch.levels, KllSketch.fromSortedCounts(e.values, e.counts).toJSON().levels);
      const n = e.counts.reduce((a, b) => a + b, 0);
      assert.equal(kll.n, n);
      // The true rank of each sketch quantile is within the bound of the asked rank.
      for (const q of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) {
        const x = kll.quantile(q);
        let below = 0;
        let atOrBelow = 0;
        e.values.forEach((v, i) => {
          if (v < x) below += e.counts[i] as number;
          if (v <= x) atOrBelow += e.counts[i] as number;
        });
        const bound = column.quantiles.error_bound * n;
        assert.ok(below - bound <= q * n && q * n <= atOrBelow + bound, `${name} q=${q}: ranks ${below}..${atOrBelow}`);
      }
    }
  });

  it('returns exact distributions that agree with the profile', async () => {
    const { profile, exact }: ProfiledData = await profileData(file, { exact: true });
    const delay = exact.get('delay');
    assert.ok(delay?.kind === 'numbers');
    assert.equal(
      delay.counts.reduce((a, b) => a + b, 0),
      (profile.columns.delay?.count ?? 0) - (profile.columns.delay?.missing ?? 0),
    );
    for (let i = 1; i < delay.values.length; i++)
      assert.ok((delay.values[i] as number) > (delay.values[i - 1] as number));
    const origin = exact.get('origin');
    assert.ok(origin?.kind === 'labels');
    assert.deepEqual([...origin.counts].sort(), profile.columns.origin?.frequent?.items.map(([v, c]) => [v, c]).sort());
    // Past the limit a column keeps only its sketches, and its quantiles stay within the bound.
    const limited = await profileData(file, { exact: true, exactLimit: 100 });
    assert.equal(limited.exact.has('id'), false);
    assert.equal(limited.exact.get('late')?.kind, 'labels');
    assert.equal(limited.profile.columns.id?.quantiles?.sketch.n, 20_000);
    const median = quantileSketch(limited.profile.columns.id as NonNullable<Profile['columns'][string]>)?.quantile(0.5);
    assert.ok(Math.abs((median as number) - 10_000) <= 0.0133 * 20_000, `median ${median}`);
  });

  it('folds stored values that convert to one value (µs timestamps to ms, -0 and 0) as the row path does', async () => {
    const parquet = join(dir, 'folded.parquet');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    // Three timestamps within one millisecond, floats with -0 and 0, NaN, NULL and both infinities.
    await conn.run(`COPY (SELECT * FROM (VALUES
        (TIMESTAMP '2001-01-01 00:00:00.000001', CAST('-0.0' AS DOUBLE)),
        (TIMESTAMP '2001-01-01 00:00:00.000002', CAST(0 AS DOUBLE)),
        (TIMESTAMP '2001-01-01 00:00:00.000900', CAST('nan' AS DOUBLE)),
        (TIMESTAMP '2001-01-01 00:00:00.001', NULL),
        (NULL, CAST('inf' AS DOUBLE)),
        (TIMESTAMP '2001-01-02 12:00:00', CAST('-inf' AS DOUBLE)),
        (TIMESTAMP '2001-01-02 12:00:00.000500', 2.5)) t("when", x)) TO '${parquet}' (FORMAT parquet)`);
    conn.closeSync();
    db.closeSync();
    const expected = await rowByRow(parquet);
    for (const exactLimit of [undefined, 1]) {
      const { profile, exact } = await profileData(parquet, { created: 'fixed', exact: true, exactLimit });
      assert.deepEqual(exactParts(profile), exactParts(expected), `exactLimit ${exactLimit}`);
      assertClose(profile.columns.x?.mean, expected.columns.x?.mean, 'x mean');
      if (exactLimit) continue;
      assert.deepEqual(exact.get('when'), {
        kind: 'numbers',
        values: Float64Array.from([Date.UTC(2001, 0, 1), Date.UTC(2001, 0, 1) + 1, Date.UTC(2001, 0, 2, 12)]),
        counts: Float64Array.from([3, 1, 2]),
      });
      assert.deepEqual(exact.get('x'), {
        kind: 'numbers',
        values: Float64Array.from([0, 2.5]),
        counts: Float64Array.from([2, 1]),
      });
    }
  });

  it('merges the profiles of parts into the profile of the whole', async () => {
    const lines = csv(9_000, 11).trimEnd().split('\n');
    const header = lines[0] as string;
    const whole = join(dir, 'whole.csv');
    const a = join(dir, 'a.csv');
    const b = join(dir, 'b.csv');
    writeFileSync(whole, `${lines.join('\n')}\n`);
    writeFileSync(a, `${[header, ...lines.slice(1, 4_001)].join('\n')}\n`);
    writeFileSync(b, `${[header, ...lines.slice(4_001)].join('\n')}\n`);
    const merged = mergeProfileList([(await profileData(a)).profile, (await profileData(b)).profile]);
    assert.deepEqual(exactParts(merged), exactParts((await profileData(whole)).profile));
  });

  it('counts a long label under the key the profile counts it under, exactly as well', async () => {
    const long = `LAX ${'x'.repeat(300)}`;
    const labels = join(dir, 'labels.csv');
    writeFileSync(labels, `origin\nATL\n${long}\n${long}\n`);
    const { profile, exact } = await profileData(labels, { exact: true });
    const origin = exact.get('origin');
    assert.ok(origin?.kind === 'labels');
    assert.deepEqual([...origin.counts].sort(), profile.columns.origin?.frequent?.items.map(([v, c]) => [v, c]).sort());
    assert.equal(origin.counts.get(keyOf(long)), 2);
  });

  it('profiles an empty file and a LIMIT 0 read with every column present', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, 'a,b\n');
    const { profile } = await profileData(empty);
    assert.equal(profile.rows, 0);
    assert.deepEqual(Object.keys(profile.columns), ['a', 'b']);
    const limited = await profileData(file, { limit: 0 });
    assert.equal(limited.profile.rows, 0);
    assert.equal(Object.keys(limited.profile.columns).length, 7);
  });
});

describe('KllSketch.fromSortedCounts', () => {
  it('holds the exact weight, ranks within 1/k, and merges like any sketch', () => {
    const values = Float64Array.from({ length: 5_000 }, (_, i) => i * 0.5);
    const counts = Float64Array.from(values, (_, i) => 1 + (i % 7));
    const n = counts.reduce((a, b) => a + b, 0);
    const kll = KllSketch.fromSortedCounts(values, counts, { k: 200 });
    assert.equal(kll.n, n);
    assert.equal(kll.min, 0);
    assert.equal(kll.max, 2_499.5);
    let cum = 0;
    values.forEach((v, i) => {
      cum += counts[i] as number;
      assert.ok(Math.abs(kll.rank(v) * n - cum) <= n / 200, `rank of ${v}`);
    });
    const other = new KllSketch({ k: 200, seed: 3 });
    for (let i = 0; i < 10_000; i++) other.add(3_000 + i);
    kll.merge(other);
    assert.equal(kll.n, n + 10_000);
    assert.ok(Math.abs(kll.rank(2_999) - n / (n + 10_000)) <= kll.errorBound);
  });
});
