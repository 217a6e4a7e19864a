// Path bookkeeping, so errors found in the Dovetail form of a TEC document can be reported at the
// line of the TEC file. The importer links each Dovetail path to the TEC path it read, as it reads
// it; the migrator records the keys it renamed. Neither is a table kept apart from the code that
// moves the values, so they cannot drift.
import { type Path, pointer } from '../source.js';

/** Dovetail path → TEC path, answered for the longest linked prefix. */
export class PathLinks {
  private readonly links = new Map<string, { tec: Path; verbatim: boolean }>();

  /** `verbatim`: the value was copied as is, so paths below it are the same on both sides. */
  link(dove: Path, tec: Path, verbatim = false): void {
    this.links.set(pointer(dove), { tec, verbatim });
  }

  origin(path: Path): Path {
    for (let n = path.length; n > 0; n--) {
      const found = this.links.get(pointer(path.slice(0, n)));
      if (found) return found.verbatim ? [...found.tec, ...path.slice(n)] : found.tec;
    }
    return [];
  }
}

/** A segment of a rename pattern: a key, or `*` for any list index. */
type Pattern = readonly (string | number)[];

/** Renames made by a migration, applied backwards to give the path in the document as written. */
export class Renames {
  private readonly rules: { to: Pattern; from: Pattern }[] = [];

  /** The value at `from` in the original document is at `to` in the migrated one. */
  add(from: Pattern, to: Pattern): void {
    this.rules.push({ from, to });
  }

  /** The path in the original document of a path in the migrated document. */
  original(path: Path): Path {
    let best: { rule: { to: Pattern; from: Pattern }; bound: (string | number)[] } | undefined;
    for (const rule of this.rules) {
      if (rule.to.length > path.length || (best && best.rule.to.length >= rule.to.length)) continue;
      const bound: (string | number)[] = [];
      const match = rule.to.every((seg, i) => {
        if (seg === '*') {
          bound.push(path[i] as string | number);
          return typeof path[i] === 'number';
        }
        return seg === path[i];
      });
      if (match) best = { rule, bound };
    }
    if (!best) return path;
    let next = 0;
    const head = best.rule.from.map((seg) => (seg === '*' ? (best.bound[next++] ?? 0) : seg));
    return [...head, ...path.slice(best.rule.to.length)];
  }
}
