// `dovetail check` on a system whose data descriptors name profiles of real data: the flight example
// with January 2001 as its training data and June 2001, distances in km as the booking-api sends
// them, as its production data. The profile rules report what `dovetail compare` finds.
import assert from 'node:assert/strict';
import { appendFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ColumnDrift } from '../../src/data/drift/columns.js';
import { effectText, formatNumber, lowerBoundDecision } from '../../src/report/drift-model.js';
import type { Finding } from '../../src/rules/types.js';
import { dovetail, EXAMPLE, ROOT, tempDir } from '../helpers.js';

const FLIGHTS = join(ROOT, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');

/** One month of flights under the example's field names, with the label; `distance` as given. */
const month = (m: number, distance: string) =>
  `SELECT date AS scheduled_departure, delay, ${distance} AS distance, origin, destination, delay > 15 AS delayed
   FROM '${FLIGHTS}' WHERE month(date) = ${m}`;

async function writeMonths(dir: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${month(1, 'distance')}) TO '${join(dir, 'january.parquet')}'`);
    await connection.run(
      `COPY (${month(6, 'CAST(round(distance * 1.609344) AS INTEGER)')}) TO '${join(dir, 'june.parquet')}'`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('dovetail check with profiles', () => {
  const dir = tempDir();
  let findings: Finding[];
  let compared: ColumnDrift[];

  before(async () => {
    cpSync(EXAMPLE, dir, { recursive: true });
    await writeMonths(dir);
    for (const [data, profile, descriptor] of [
      ['january.parquet', 'january.profile.json', 'training-data.yaml'],
      ['june.parquet', 'june.profile.json', 'production-data.yaml'],
    ] as const) {
      const r = dovetail(['profile', join(dir, data), '-o', join(dir, profile)]);
      assert.equal(r.code, 0, r.stderr);
      appendFileSync(join(dir, descriptor), `profile: ${profile}\n`);
    }
    const check = dovetail(['check', dir, '--format', 'json']);
    assert.equal(check.code, 1, check.stderr);
    findings = JSON.parse(check.stdout).findings;
    const compare = dovetail([
      'compare',
      join(dir, 'january.profile.json'),
      join(dir, 'june.profile.json'),
      '--format',
      'json',
    ]);
    compared = JSON.parse(compare.stdout).columns;
  });

  test('profile-drift reports the columns `dovetail compare` finds drifted, with its numbers', () => {
    const drift = findings.filter((f) => f.rule === 'data-distribution/profile-drift');
    const drifted = compared.filter((c) => c.drifted);
    assert.deepEqual(drifted.map((c) => c.name).sort(), ['distance', 'scheduled_departure']);
    assert.equal(drift.length, drifted.length, drift.map((f) => f.message).join('\n'));
    for (const c of drifted) {
      const f = drift.find((x) => x.message.startsWith(`column \`${c.name}\` `));
      assert.ok(f, c.name);
      // Worded from compare's own column: the same statistic, bound, p-value and thresholds.
      const decision = lowerBoundDecision(c);
      assert.ok(decision, `${c.name} is decided on the sketches' lower bound`);
      assert.equal(
        f.message,
        `column \`${c.name}\` of production-data \`booking-traffic\` has drifted from training-data \`flights-2001-jan-apr\`: ${effectText(c)}, p ${formatNumber(decision.p_value)} < ${formatNumber(c.threshold)} (alpha 0.01, Bonferroni over 6 columns)`,
      );
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.roles, ['data-scientist', 'operations']);
      assert.deepEqual(
        f.evidence.map((e) => [e.file, e.path, e.value]),
        [
          ['training-data.yaml', '/profile', 'january.profile.json'],
          ['production-data.yaml', '/profile', 'june.profile.json'],
        ],
      );
      for (const e of f.evidence) assert.ok((e.line ?? 0) > 1);
    }
    // The delays of June are later (KS D 0.03), but not by more than the sketches' error bound.
    assert.equal(compared.find((c) => c.name === 'delay')?.drifted, false);
  });

  test('hand-written statistics of the fields the profiles compare are not reported again', () => {
    const statistics = findings.filter((f) => f.rule === 'data-distribution/statistics');
    assert.ok(
      statistics.every((f) => !f.message.includes('`distance`')),
      statistics.map((f) => f.message).join('\n'),
    );
  });
});
