// One data benchmark task, run in a process of its own so that its peak memory is its own:
//   node --import tsx bench/data-task.ts <task> <file> [runs | rows]
// Prints {ms (median of the runs), runs, rows, peak_rss_mib} as JSON. Tasks: scan (DuckDB's bare
// aggregate scan: count, min and max of every column), profile (profileData), compare (`a,b`: both
// files profiled with exact values and compared as `dovetail compare` does), generate (writes the
// 10M-row CSV), months (`flights.parquet`: writes January and June as CSV beside the 10M CSV).
// DuckDB is loaded before timing starts, for every task.
import { DuckDBInstance } from '@duckdb/node-api';
import { compareSides } from '../src/data/drift/compare.js';
import { profileData } from '../src/data/profile/from-data.js';

const [task, file, arg] = process.argv.slice(2);
if (!task || !file) throw new Error('usage: data-task.ts <scan|profile|generate> <file> [rows]');

function source(path: string): string {
  const p = `'${path.replace(/'/g, "''")}'`;
  return path.endsWith('.parquet') ? `read_parquet(${p})` : `read_csv(${p}, delim=',')`;
}

async function scan(path: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const names = (await (await conn.run(`DESCRIBE SELECT * FROM ${source(path)}`)).getRows()).map((r) => String(r[0]));
  const aggregates = names.flatMap((n) => [`min("${n}")`, `max("${n}")`]).join(', ');
  const rows = await (await conn.run(`SELECT count(*), ${aggregates} FROM ${source(path)}`)).getRows();
  conn.closeSync();
  db.closeSync();
  return Number(rows[0]?.[0]);
}

/** 10 columns a real table might hold: unique ids, timestamps, money, counts, codes, flags, blanks. */
async function generate(path: string, rows: number): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(`COPY (
    SELECT i AS id,
      TIMESTAMP '2025-01-01' + to_seconds(CAST(hash(i) % 31536000 AS BIGINT)) AS created,
      round(exp(4 + (hash(i * 7) % 1000) / 400.0), 2) AS amount,
      1 + hash(i * 11) % 100 AS quantity,
      'cat' || (hash(i * 13) % 20) AS category,
      'c' || (hash(i * 17) % 200) AS country,
      hash(i * 19) % 3 = 0 AS returning,
      round((hash(i * 23) % 1000000) / 1000000.0, 6) AS score,
      'sku-' || (hash(i * 29) % 50000) AS sku,
      CASE WHEN hash(i * 31) % 10 = 0 THEN NULL ELSE hash(i * 31) % 5000 / 10.0 END AS discount
    FROM range(${rows}) t(i)
  ) TO '${path.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
  conn.closeSync();
  db.closeSync();
  return rows;
}

async function compare(files: string): Promise<number> {
  const [a, b] = files.split(',') as [string, string];
  const reference = await profileData(a, { exact: true });
  const current = await profileData(b, { exact: true });
  compareSides(reference, current);
  return reference.profile.rows + current.profile.rows;
}

/** January and June 2001 from the flights file, as CSV files in `dir` (for the compare benchmarks). */
async function months(flights: string, dir: string): Promise<number> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const [name, month] of [
    ['january', 1],
    ['june', 6],
  ] as const) {
    await conn.run(
      `COPY (SELECT * FROM read_parquet('${flights}') WHERE month(date) = ${month}) TO '${dir}/${name}.csv' (HEADER)`,
    );
  }
  conn.closeSync();
  db.closeSync();
  return 0;
}

async function once(): Promise<number> {
  if (task === 'scan') return scan(file as string);
  if (task === 'profile') return (await profileData(file as string)).profile.rows;
  if (task === 'compare') return compare(file as string);
  if (task === 'months') return months(file as string, arg as string);
  if (task === 'generate') return generate(file as string, Number(arg ?? 10_000_000));
  throw new Error(`unknown task ${task}`);
}

const runs = task === 'generate' || task === 'months' ? 1 : Number(arg ?? 3);
const times: number[] = [];
let rows = 0;
// With several runs, a first one untimed, for every task alike: the steady state is measured, not
// the compiler's warm-up or the first read of the file.
if (runs > 1) await once();
for (let i = 0; i < runs; i++) {
  const started = performance.now();
  rows = await once();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({ ms: times[Math.floor(times.length / 2)], runs, rows, peak_rss_mib: +(process.resourceUsage().maxRSS / 1024).toFixed(0) })}\n`,
);
