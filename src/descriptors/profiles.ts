// Reading the profiles that data descriptors name: a raw-data, training-data or production-data
// descriptor may give `profile`, the path of a Dovetail profile relative to its own file. Only the
// profiles named are read, and the profile module is loaded only when one is. A profile that cannot
// be read or is not valid is an error at the descriptor's `profile` field that carries the profile's
// own problems (file, line, JSON pointer), so `validate` reports it and `check` checks nothing.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import type { Descriptor, Profiles } from './system.js';

/** The path a data descriptor gives in `profile`, if any (other kinds have none). */
function profilePath(d: Descriptor): string | undefined {
  if (d.kind !== 'raw-data' && d.kind !== 'training-data' && d.kind !== 'production-data') return undefined;
  return d.data.profile?.trim() || undefined;
}

/**
 * The profiles the descriptors name, read relative to each descriptor's file (`root` is the folder
 * descriptor files are relative to; `display` names a file as diagnostics show it).
 */
export async function readProfiles(
  root: string,
  descriptors: readonly Descriptor[],
  display: (path: string) => string,
  diagnostics: Diagnostic[],
): Promise<Profiles> {
  const profiles: Profiles = new Map();
  const named = descriptors.flatMap((d) => {
    const path = profilePath(d);
    return path ? [{ d, path }] : [];
  });
  if (named.length === 0) return profiles;
  const { parseProfile, ProfileError } = await import('../data/profile/schema.js');
  for (const { d, path } of named) {
    const file = resolve(root, dirname(d.file), path);
    const shown = display(file);
    const at = d.locate(['profile']);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push({
        severity: 'error',
        ...at,
        message: `profile ${shown} cannot be read: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
        expected: 'the path of a profile written by `dovetail profile -o`, relative to this file',
        found: JSON.stringify(path),
      });
      continue;
    }
    try {
      profiles.set(d, parseProfile(text, shown));
    } catch (e) {
      if (!(e instanceof ProfileError)) throw e;
      for (const p of e.diagnostics) {
        diagnostics.push({
          severity: 'error',
          ...at,
          message: `profile ${p.file}${p.line ? `:${p.line}` : ''}${p.pointer ? ` at ${p.pointer}` : ''} is not valid: ${p.message}`,
          expected: p.expected,
          found: p.found,
        });
      }
    }
  }
  return profiles;
}
