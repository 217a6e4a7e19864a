// Merging profiles of parts of a data set (or of windows of traffic) into the profile of the whole.
//
// Rules:
//  - rows add up.
//  - Columns: the union. A column absent from a profile counts that profile's rows as MISSING values
//    (the part had those rows but no value for the column), so count = rows holds after the merge and
//    merging stays associative and commutative.
//  - Types must be equal; integer with float widens to float (counts, moments, quantiles, HLL stay
//    exact; the grid histogram keeps the coarser of the two floors, so it may differ from profiling the
//    whole as float). Any other conflict throws, naming the column and both types.
//  - Sketch parameters (HLL p, KLL k, frequent cap, histogram edges or grid) must be equal: histograms
//    merge only on equal edges (caller edges), or on the same lattice (default grid, see grid.ts).
//  - created: the given time or now; source: kept when all profiles have an equal one, else dropped.
import { deepEqual } from '../../descriptors/json.js';
import { ColumnSummary } from './column.js';
import type { Profile } from './profile.js';
import type { ColumnProfileJSON } from './schema.js';

export interface MergeOptions {
  created?: string;
}

function mergeTwo(a: Profile, b: Profile): Profile {
  const names = [...new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])];
  const columns: Record<string, ColumnProfileJSON> = {};
  for (const name of names) {
    const ca = a.columns[name];
    const cb = b.columns[name];
    let s: ColumnSummary;
    if (ca && cb) {
      try {
        s = ColumnSummary.fromJSON(name, ca).merge(ColumnSummary.fromJSON(name, cb));
      } catch (e) {
        const m = (e as Error).message;
        throw new Error(m.startsWith(`column "${name}"`) ? m : `column "${name}": ${m}`);
      }
    } else if (ca) s = ColumnSummary.fromJSON(name, ca).addMissing(b.rows);
    else s = ColumnSummary.fromJSON(name, cb as ColumnProfileJSON).addMissing(a.rows);
    columns[name] = s.toJSON();
  }
  return { ...a, rows: a.rows + b.rows, columns };
}

/** Merges profiles (at least one). The inputs are not modified. */
export function mergeProfiles(first: Profile, ...rest: Profile[]): Profile {
  return mergeProfileList([first, ...rest]);
}

export function mergeProfileList(profiles: readonly Profile[], options: MergeOptions = {}): Profile {
  if (profiles.length === 0) throw new Error('mergeProfiles: no profiles to merge');
  let out = profiles[0] as Profile;
  for (const p of profiles.slice(1)) out = mergeTwo(out, p);
  if (profiles.length === 1) out = mergeTwo(out, { ...out, rows: 0, columns: {} });
  const source = profiles.every((p) => deepEqual(p.source, profiles[0]?.source)) ? profiles[0]?.source : undefined;
  const { source: _drop, ...rest } = out;
  return { ...rest, created: options.created ?? new Date().toISOString(), ...(source ? { source } : {}) };
}
