// `dovetail profile <data> --into <descriptor>`: the profile fills a training-data or production-data
// descriptor. The descriptor must validate before and after; otherwise nothing is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import { type FillResult, fillDescriptor, fillSummary } from '../../data/profile/fill-descriptor.js';
import type { Profile } from '../../data/profile/profile.js';
import { DescriptorEditError } from '../../descriptors/edit.js';
import { systemFromTexts } from '../../descriptors/load.js';
import { formatDiagnostic } from '../output.js';

export interface IntoOptions {
  /** The descriptor file to fill. */
  into: string;
  /** Where the profile was written, recorded in the descriptor relative to it. */
  out?: string;
  /** The label column. */
  label?: string;
}

/** The errors `dovetail validate` would report for this one descriptor, formatted. */
async function validationErrors(file: string, text: string): Promise<string[]> {
  const system = await systemFromTexts([{ file, text }]);
  return system.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

/** Fills the descriptor and prints what was added and kept; returns why it could not, if it could not. */
export async function fillInto(profile: Profile, opts: IntoOptions): Promise<string | undefined> {
  const file = opts.into;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return `cannot fill ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`;
  }
  const invalid = await validationErrors(file, text);
  if (invalid.length) return `${file} is not valid, so it is not filled:\n${invalid.join('\n')}`;
  const profilePath =
    opts.out &&
    relative(dirname(resolve(file)), resolve(opts.out))
      .split(sep)
      .join('/');
  let result: FillResult;
  try {
    result = fillDescriptor(text, file, profile, { label: opts.label, profile: profilePath });
  } catch (e) {
    if (e instanceof DescriptorEditError) return e.message;
    throw e;
  }
  const broken = await validationErrors(file, result.text);
  if (broken.length) return `filling ${file} would make it invalid, so nothing is written:\n${broken.join('\n')}`;
  const changed = result.text !== text;
  if (changed) writeFileSync(file, result.text);
  const lines = [
    changed ? `filled ${file} from the profile` : `${file} already holds what the profile gives; not changed`,
    ...fillSummary(result).map((line) => `  ${line}`),
    ...result.warnings.map((w) => `  ${pc.yellow('warning')} ${w}`),
  ];
  process.stderr.write(`${lines.join('\n')}\n`);
  return undefined;
}
