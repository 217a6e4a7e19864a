// Data benchmarks: profiling flights-3m.parquet (3M rows) and a generated 10M-row × 10-column CSV,
// each beside DuckDB's own bare aggregate scan of the same file in the same run (ratio = profile /
// scan), with rows/s and peak memory; January against June compared; and the equivalent pandas +
// scipy computations where a python3 with pandas and scipy is found (otherwise they say skipped).
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
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'bench', 'data-task.ts'), name, file, String(arg ?? '')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
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
    {
      benchmark: `DuckDB bare aggregate scan: ${label}`,
      runs,
      median_ms: +scan.ms.toFixed(1),
      rows: scan.rows,
      peak_rss_mib: scan.peak_rss_mib,
    },
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

// The equivalent pandas (+ scipy) computations, timed in Python itself.
const PANDAS_PROFILE = `
import sys, time, resource
import pandas as pd
t = time.perf_counter()
df = pd.read_csv(sys.argv[1])
df.describe(include='all'); df.nunique(); df.isna().sum()
df.select_dtypes('number').quantile([0.01, 0.25, 0.5, 0.75, 0.99])
for c in df.select_dtypes(exclude='number').columns: df[c].value_counts()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
`;
const PANDAS_COMPARE = `
import sys, time, resource
import pandas as pd
from scipy import stats
t = time.perf_counter()
a = pd.read_csv(sys.argv[1], parse_dates=['date']); b = pd.read_csv(sys.argv[2], parse_dates=['date'])
for c in ['date', 'delay', 'distance']:
    stats.ks_2samp(a[c].astype('int64') if c == 'date' else a[c], b[c].astype('int64') if c == 'date' else b[c])
for c in ['origin', 'destination']:
    table = pd.concat([a[c].value_counts(), b[c].value_counts()], axis=1).fillna(0)
    stats.chi2_contingency(table.T.values)
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
`;

/** The first python3 that has pandas and scipy, or why there is none. */
function python() {
  for (const exe of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(exe, ['-c', 'import pandas, scipy'], { encoding: 'utf8' });
    if (r.status === 0) return { exe };
  }
  return { skipped: 'no python3 with pandas and scipy on this machine' };
}

function pandas(label, script, args, dovetailMs) {
  const py = python();
  if (!py.exe) return { benchmark: `pandas: ${label}`, skipped: py.skipped };
  const r = spawnSync(py.exe, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { benchmark: `pandas: ${label}`, skipped: r.stderr.trim().split('\n').at(-1) };
  const [seconds, rssKib] = r.stdout.trim().split(/\s+/).map(Number);
  return {
    benchmark: `pandas: ${label}`,
    runs: 1,
    median_ms: +(seconds * 1000).toFixed(1),
    ratio_to_dovetail: +((seconds * 1000) / dovetailMs).toFixed(2),
    peak_rss_mib: Math.round(rssKib / 1024),
  };
}

export async function run() {
  const rows = [...pair('flights-3m.parquet', FLIGHTS, 9)];
  // January against June 2001, as CSV for both tools (pandas here cannot read Parquet).
  const january = join(WORK, 'january.csv');
  const june = join(WORK, 'june.csv');
  mkdirSync(WORK, { recursive: true });
  if (!existsSync(january) || !existsSync(june)) task('months', FLIGHTS, WORK);
  const compare = task('compare', `${january},${june}`, 3);
  rows.push({
    benchmark: 'compare January vs June (CSV, exact values)',
    runs: 3,
    median_ms: +compare.ms.toFixed(1),
    rows: compare.rows,
    rows_per_s: Math.round(compare.rows / (compare.ms / 1000)),
    peak_rss_mib: compare.peak_rss_mib,
  });
  rows.push(
    pandas(
      'compare January vs June (read_csv, ks_2samp, chi2_contingency)',
      PANDAS_COMPARE,
      [january, june],
      compare.ms,
    ),
  );
  const csv = bigCsv();
  const big = pair('generated 10M × 10 CSV', csv, 1);
  rows.push(
    ...big,
    pandas(
      'profile generated 10M × 10 CSV (read_csv, describe, nunique, quantiles, value_counts)',
      PANDAS_PROFILE,
      [csv],
      big[1].median_ms,
    ),
  );
  return rows;
}
