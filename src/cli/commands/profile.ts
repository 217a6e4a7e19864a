import { writeFileSync } from 'node:fs';
import pc from 'picocolors';
import { profileData } from '../../data/profile/from-data.js';
import { mergeProfileList } from '../../data/profile/merge.js';
import { loadProfile, type Profile, ProfileError } from '../../data/profile/profile.js';
import { DataReadError } from '../../data/read/index.js';
import { printJson } from '../output.js';

export interface ProfileCommandOptions {
  out?: string;
  format: 'text' | 'json';
  type?: string[];
  dataFormat?: string;
  limit?: string;
  /** A training-data or production-data descriptor to fill from the profile. */
  into?: string;
  /** With `into`: the label column. */
  label?: string;
}

function fail(message: string): void {
  process.stderr.write(`dovetail: ${message}\n`);
  process.exitCode = 2;
}

/** `--type col=category` flags as a map; a malformed flag is an error naming it. */
export function parseTypes(flags: readonly string[] = []): Record<string, string> | string {
  const types: Record<string, string> = {};
  for (const flag of flags) {
    const at = flag.indexOf('=');
    if (at <= 0 || at === flag.length - 1) return `--type ${flag}: expected column=type, e.g. origin=category`;
    types[flag.slice(0, at)] = flag.slice(at + 1);
  }
  return types;
}

function fmt(n: number | null | undefined): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '';
  return Math.abs(n) >= 1e6 || (Math.abs(n) < 1e-3 && n !== 0) ? n.toExponential(3) : `${+n.toPrecision(6)}`;
}

function summary(profile: Profile): string {
  const rows = [['column', 'type', 'missing', 'distinct', 'min', 'mean', 'max', 'top values']];
  for (const [name, c] of Object.entries(profile.columns)) {
    const top = (c.frequent ? [...(c.frequent.items ?? [])] : [])
      .slice(0, 3)
      .map((i) => `${String(i[0])} (${i[1]})`)
      .join(', ');
    const value = (n: number | null | undefined) =>
      c.type === 'datetime' && typeof n === 'number' ? new Date(n).toISOString().replace('.000Z', 'Z') : fmt(n);
    const distinct = typeof c.distinct === 'number' ? `~${Math.round(c.distinct)}` : '';
    rows.push([name, c.type, String(c.missing), distinct, value(c.min), value(c.mean), value(c.max), top]);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const line = (r: string[]) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${pc.bold(line(rows[0] ?? []))}\n${rows.slice(1).map(line).join('\n')}\n${profile.rows} rows\n`;
}

async function emit(profile: Profile, opts: ProfileCommandOptions): Promise<void> {
  if (opts.out) {
    writeFileSync(opts.out, `${JSON.stringify(profile)}\n`);
    if (opts.format === 'text') process.stdout.write(summary(profile));
    process.stderr.write(`wrote ${opts.out}\n`);
  } else if (opts.format === 'json') printJson(profile);
  else process.stdout.write(summary(profile));
  if (opts.into) {
    const problem = await (await import('./profile-into.js')).fillInto(profile, { ...opts, into: opts.into });
    if (problem) fail(problem);
  }
}

/** Draws `label [#####·····] 45%` on stderr, redrawn in place. */
function progressBar(label: string): (fraction: number) => void {
  return (fraction) => {
    const done = Math.round(fraction * 30);
    const bar = `${'#'.repeat(done)}${'·'.repeat(30 - done)}`;
    process.stderr.write(`\r${pc.dim(`${label} [${bar}] ${Math.round(fraction * 100)}%`)}`);
  };
}

/** `dovetail profile <data>`: one aggregate pass over the data into a mergeable profile. */
export async function profile(data: string, more: string[], opts: ProfileCommandOptions): Promise<void> {
  try {
    if (data === 'merge') return await mergeCommand(more, opts);
    if (more.length)
      return fail(
        `profile takes one data file (got ${[data, ...more].join(', ')}); merge profiles with \`dovetail profile merge\``,
      );
    const types = parseTypes(opts.type);
    if (typeof types === 'string') return fail(types);
    const limit = opts.limit === undefined ? undefined : Number(opts.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
      return fail(`--limit ${opts.limit}: expected a positive whole number`);
    // A progress bar on a terminal only: piped output stays clean.
    const progress = process.stderr.isTTY ? progressBar(`profiling ${data === '-' ? '<stdin>' : data}`) : undefined;
    let result: Awaited<ReturnType<typeof profileData>>;
    try {
      result = await profileData(data, { format: opts.dataFormat, types, limit, onProgress: progress });
    } finally {
      if (progress) process.stderr.write('\r\x1b[K');
    }
    await emit(result.profile, opts);
  } catch (e) {
    if (e instanceof DataReadError || e instanceof ProfileError) return fail(e.message);
    throw e;
  }
}

/** `dovetail profile merge <profiles...> --out <file>`: profiles of parts into the profile of the whole. */
async function mergeCommand(files: string[], opts: ProfileCommandOptions): Promise<void> {
  if (files.length < 1) return fail('profile merge needs at least one profile file');
  const profiles = [];
  for (const file of files) profiles.push(await loadProfile(file));
  let merged: Profile;
  try {
    merged = mergeProfileList(profiles);
  } catch (e) {
    return fail(`cannot merge ${files.join(', ')}: ${(e as Error).message}`);
  }
  await emit(merged, opts);
}
