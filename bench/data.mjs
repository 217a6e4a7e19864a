// Data benchmarks: profiling flights-3m.parquet (3M rows) and a generated 10M-row × 10-column CSV,
// each beside DuckDB's own bare aggregate scan of the same file in the same run (ratio = profile /
// scan), with rows/s and peak memory; then the equivalent pandas computation where python3 has pandas.
// Each task runs in a process of its own (bench/data-task.ts), so its peak memory is its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FLIGHTS = join(ROOT, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');
const WORK = join(tmpdir(), 'dovetail-bench');

function task(name, file, arg) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'data-task.ts'), name, file, String(arg ?? '')], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`data-task ${name} ${file} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1));
}

/** The 10M-row CSV, generated once per machine (about 600 MB) and kept in the temp folder. */
function bigCsv() {
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, 'generated-10m.csv');
  if (!existsSync(file) || statSync(file).size < 1e8) task('generate', file, 10_000_000);
  return file;
}

function pair(label, file, runs) {
  const scan = task('scan', file, runs);
  const profile = task('profile', file, runs);
  return [
    { benchmark: `DuckDB bare aggregate scan: ${label}`, runs, median_ms: +scan.ms.toFixed(1), rows: scan.rows, peak_rss_mib: scan.peak_rss_mib },
    {
      benchmark: `profile: ${label}`,
      runs,
      median_ms: +profile.ms.toFixed(1),
      rows: profile.rows,
      rows_per_s: Math.round(profile.rows / (profile.ms / 1000)),
      ratio_to_scan: +(profile.ms / scan.ms).toFixed(2),
      peak_rss_mib: profile.peak_rss_mib,
    },
  ];
}

/** pandas' profile of the same CSV (describe, nunique, quantiles, value counts), if pandas is there. */
function pandas(label, file, profileMs) {
  const script = `
import sys, time, resource
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
df.describe(include='all'); df.nunique(); df.isna().sum()
df.select_dtypes('number').quantile([0.01, 0.25, 0.5, 0.75, 0.99])
for c in df.select_dtypes(exclude='number').columns: df[c].value_counts()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
`;
  const r = spawnSync('python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) {
    const why = /No module named/.test(r.stderr ?? '') ? 'python3 has no pandas' : (r.error?.message ?? r.stderr.trim().split('\n').at(-1));
    return { benchmark: `pandas profile: ${label}`, skipped: why };
  }
  const [seconds, rssKib] = r.stdout.trim().split(/\s+/).map(Number);
  return {
    benchmark: `pandas profile: ${label}`,
    runs: 1,
    median_ms: +(seconds * 1000).toFixed(1),
    ratio_to_dovetail: +((seconds * 1000) / profileMs).toFixed(2),
    peak_rss_mib: Math.round(rssKib / 1024),
  };
}

export async function run() {
  const rows = [...pair('flights-3m.parquet', FLIGHTS, 5)];
  const csv = bigCsv();
  const big = pair('generated 10M × 10 CSV', csv, 1);
  rows.push(...big, pandas('generated 10M × 10 CSV', csv, big[1].median_ms));
  return rows;
}
