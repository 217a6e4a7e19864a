// The default policy on real data: 3 million US flights of 2001 (date, delay, distance, origin,
// destination). Random halves of the same data must not drift; January against June shows what the
// policy flags when the world changes a little.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ColumnDrift } from '../../../src/data/drift/columns.js';
import { compareSides } from '../../../src/data/drift/compare.js';
import type { DriftSide, ExactColumn } from '../../../src/data/drift/side.js';
import { ProfileBuilder } from '../../../src/data/profile/profile.js';
import { openData } from '../../../src/data/read/index.js';
import { Mulberry32 } from '../../../src/data/sketch/prng.js';
import { ROOT } from '../../helpers.js';
import { countedNumbers } from './helpers.js';

const FILE = `${ROOT}node_modules/vega-datasets/data/flights-3m.parquet`;
const TYPES = { date: 'datetime', delay: 'integer', distance: 'integer', origin: 'string', destination: 'string' };
const NUMBERS = ['date', 'delay', 'distance'] as const;
const LABELS = ['origin', 'destination'] as const;

interface Flights {
  rows: number;
  /** 0, 1, …, rows − 1. */
  identity: Int32Array;
  numbers: Record<(typeof NUMBERS)[number], Float64Array>;
  /** Airport codes as indices into `names`. */
  labels: Record<(typeof LABELS)[number], Int32Array>;
  names: string[];
}

async function load(): Promise<Flights> {
  const chunks: Map<string, unknown[]>[] = [];
  let rows = 0;
  for await (const batch of await openData(FILE)) {
    chunks.push(batch.columns);
    rows += batch.rows;
  }
  const numbers = Object.fromEntries(NUMBERS.map((n) => [n, new Float64Array(rows)])) as Flights['numbers'];
  const labels = Object.fromEntries(LABELS.map((n) => [n, new Int32Array(rows)])) as Flights['labels'];
  const names: string[] = [];
  const codes = new Map<string, number>();
  let at = 0;
  for (const columns of chunks) {
    const n = (columns.get('date') as unknown[]).length;
    for (const name of NUMBERS) numbers[name].set(columns.get(name) as number[], at);
    for (const name of LABELS) {
      const values = columns.get(name) as string[];
      for (let i = 0; i < n; i++) {
        let code = codes.get(values[i] as string);
        if (code === undefined) {
          code = names.push(values[i] as string) - 1;
          codes.set(values[i] as string, code);
        }
        labels[name][at + i] = code;
      }
    }
    at += n;
  }
  return { rows, identity: Int32Array.from({ length: rows }, (_, i) => i), numbers, labels, names };
}

/** The side made of the given rows: exact values, and the profile built from them (counted values). */
function sideOf(f: Flights, rows: Int32Array): DriftSide {
  const builder = new ProfileBuilder({ types: TYPES, seed: 1 });
  const exact = new Map<string, ExactColumn>();
  for (const name of NUMBERS) {
    const column = countedNumbers(Float64Array.from(rows, (r) => f.numbers[name][r] as number));
    builder.addCountedColumn(name, Array.from(column.values), column.counts);
    exact.set(name, column);
  }
  for (const name of LABELS) {
    const counts = new Float64Array(f.names.length);
    for (const r of rows) {
      const code = f.labels[name][r] as number;
      counts[code] = (counts[code] as number) + 1;
    }
    const kept = f.names.flatMap((label, i) =>
      (counts[i] as number) > 0 ? [[label, counts[i] as number] as const] : [],
    );
    builder.addCountedColumn(
      name,
      kept.map(([label]) => label),
      kept.map(([, c]) => c),
    );
    exact.set(name, { kind: 'labels', counts: new Map(kept) });
  }
  return { profile: builder.build(), exact };
}

/** Two disjoint random halves of 2n rows (a partial Fisher-Yates shuffle with a seeded generator). */
function split(f: Flights, n: number, seed: number): [Int32Array, Int32Array] {
  const rng = new Mulberry32(seed);
  const order = f.identity.slice();
  for (let i = 0; i < 2 * n; i++) {
    const j = i + Math.floor(rng.next() * (f.rows - i));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return [order.slice(0, n), order.slice(n, 2 * n)];
}

describe('the default policy on 3 million flights', () => {
  let flights: Flights;
  before(async () => {
    flights = await load();
  });

  it('random halves of the same data: at most 1% of columns flagged', (t) => {
    const plan: [rows: number, seeds: number][] = [
      [100, 20],
      [1_000, 10],
      [10_000, 5],
      [100_000, 2],
      [1_000_000, 1],
    ];
    let compared = 0;
    const flagged: string[] = [];
    for (const [rows, seeds] of plan) {
      for (let seed = 1; seed <= seeds; seed++) {
        const [a, b] = split(flights, rows, seed);
        const report = compareSides(sideOf(flights, a), sideOf(flights, b));
        for (const c of report.columns) {
          assert.notEqual(c.method, null, c.name);
          compared++;
          if (c.drifted) flagged.push(`${c.name} at ${rows} rows, seed ${seed}: p ${c.p_value}`);
        }
        assert.equal(report.dataset_drift, false);
      }
    }
    t.diagnostic(`${flagged.length} of ${compared} columns flagged${flagged.length ? `: ${flagged.join('; ')}` : ''}`);
    assert.equal(compared, 190);
    assert.ok(flagged.length <= 0.01 * compared, flagged.join('\n'));
  });

  it('January against June: the dates and the delays drift, distance and airports do not', (t) => {
    const month = (m: number) =>
      Int32Array.from({ length: flights.rows }, (_, i) => i).filter(
        (i) => new Date(flights.numbers.date[i] as number).getUTCMonth() === m,
      );
    const january = sideOf(flights, month(0));
    const june = sideOf(flights, month(5));
    const report = compareSides(january, june);
    const by = new Map(report.columns.map((c) => [c.name, c]));
    const line = (c: ColumnDrift) =>
      `${c.name}: ${c.method} ${c.statistic} p ${c.p_value} effect ${c.effect_size?.value}${c.drifted ? ' DRIFT' : ''}`;
    t.diagnostic(report.columns.map(line).join('; '));
    assert.equal(by.get('date')?.drifted, true);
    assert.equal(by.get('date')?.statistic, 1);
    const delay = by.get('delay') as ColumnDrift;
    assert.ok((delay.p_value as number) < 1e-100);
    assert.ok((delay.effect_size?.value as number) > 0.02 && (delay.effect_size?.value as number) < 0.1);
    assert.equal(delay.drifted, true);
    for (const name of ['distance', 'origin', 'destination']) assert.equal(by.get(name)?.drifted, false, name);
    assert.equal(report.drifted_share, 0.4);
    assert.equal(report.dataset_drift, false);
    // A coarser effect threshold keeps the delay shift below it.
    const lenient = compareSides(january, june, { method: 'ks', threshold: 0.1 });
    assert.equal(lenient.columns.find((c) => c.name === 'delay')?.drifted, false);
  });
});
