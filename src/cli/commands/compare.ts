import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import pc from 'picocolors';
import { compareSides } from '../../data/drift/compare.js';
import { type DriftMethod, type DriftOptions, resolvePolicy } from '../../data/drift/policy.js';
import type { DriftSide } from '../../data/drift/side.js';
import { profileData } from '../../data/profile/from-data.js';
import { ProfileError, validateProfile } from '../../data/profile/profile.js';
import { DataReadError } from '../../data/read/index.js';
import { type DriftDocument, type DriftSideInfo, driftExitCode } from '../../report/drift-model.js';
import { tool } from '../output.js';
import { parseTypes } from './profile.js';

export interface CompareCommandOptions {
  format: 'text' | 'json' | 'html';
  method?: DriftMethod;
  output?: string;
  type?: string[];
  alpha?: string;
  threshold?: string;
  datasetThreshold?: string;
}

function fail(message: string): void {
  process.stderr.write(`dovetail: ${message}\n`);
  process.exitCode = 2;
}

/** The numeric options, or a message naming the first that is not a number. */
function numberOptions(opts: CompareCommandOptions): Omit<DriftOptions, 'method'> | string {
  const out: Record<string, number> = {};
  const flags = { alpha: '--alpha', threshold: '--threshold', datasetThreshold: '--dataset-threshold' } as const;
  for (const [key, flag] of Object.entries(flags)) {
    const value = opts[key as keyof typeof flags];
    if (value === undefined) continue;
    const x = Number(value);
    if (value.trim() === '' || !Number.isFinite(x)) return `${flag} ${value}: expected a number`;
    out[key] = x;
  }
  return out;
}

/** The document in a `.json` file when it is a profile (it has `dovetail_profile`), else undefined. */
async function profileDocument(file: string): Promise<object | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new DataReadError(e.code === 'ENOENT' ? 'file not found' : `cannot open file: ${e.message}`, {
      file,
      cause: error,
    });
  }
  try {
    const document: unknown = JSON.parse(text);
    return document && typeof document === 'object' && 'dovetail_profile' in document ? document : undefined;
  } catch {
    return undefined; // not one JSON document: JSON Lines
  }
}

/** One side: a profile (`.json` with `dovetail_profile`), or a data file read in full with exact values. */
async function readSide(
  file: string,
  types: Record<string, string>,
): Promise<{ side: DriftSide; info: DriftSideInfo }> {
  const json = extname(file).toLowerCase() === '.json';
  const document = json ? await profileDocument(file) : undefined;
  if (document) {
    const profile = validateProfile(document, file);
    if (Object.keys(types).length)
      process.stderr.write(`dovetail: ${file} is a profile: --type applies to data files only\n`);
    return { side: { profile }, info: { path: file, input: 'profile', rows: profile.rows } };
  }
  // Progress on a terminal only: piped output stays clean.
  const progress = process.stderr.isTTY;
  try {
    const { profile, exact } = await profileData(file, {
      ...(json ? { format: 'jsonl' } : {}),
      types,
      exact: true,
      onProgress: progress
        ? (done) => process.stderr.write(`\r${pc.dim(`reading ${file}: ${Math.round(done * 100)}%`)}`)
        : undefined,
    });
    return { side: { profile, exact }, info: { path: file, input: 'data', rows: profile.rows } };
  } finally {
    if (progress) process.stderr.write('\r\x1b[K');
  }
}

/**
 * `dovetail compare <reference> <current>`: every column's drift under the policy; exit 0 without
 * dataset drift, 1 with it, 2 when an input cannot be read or an option is invalid.
 */
export async function compare(reference: string, current: string, opts: CompareCommandOptions): Promise<void> {
  const types = parseTypes(opts.type);
  if (typeof types === 'string') return fail(types);
  const numbers = numberOptions(opts);
  if (typeof numbers === 'string') return fail(numbers);
  const options: DriftOptions = { method: opts.method, ...numbers };
  // Options are checked before any data are read.
  try {
    resolvePolicy(options);
  } catch (e) {
    return fail((e as Error).message);
  }
  let document: DriftDocument;
  let sides: [DriftSide, DriftSide];
  try {
    const ref = await readSide(reference, types);
    const cur = await readSide(current, types);
    sides = [ref.side, cur.side];
    document = { ...compareSides(ref.side, cur.side, options), reference: ref.info, current: cur.info, tool: tool() };
  } catch (e) {
    if (e instanceof DataReadError || e instanceof ProfileError) return fail(e.message);
    throw e;
  }
  let text: string;
  if (opts.format === 'json') text = `${JSON.stringify(document, null, 2)}\n`;
  else if (opts.format === 'html') {
    const { columnCharts } = await import('../../data/drift/charts.js');
    text = (await import('../../report/drift-html.js')).renderDriftHtml(document, columnCharts(...sides));
  } else text = (await import('../../report/drift-text.js')).renderDriftText(document);
  if (opts.output) writeFileSync(opts.output, text);
  else process.stdout.write(text);
  process.exitCode = driftExitCode(document);
}
