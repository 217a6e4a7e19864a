// Problems found while loading and validating descriptors. Each names the file, line and column,
// the JSON pointer inside the document, what was expected and what was found.
import type * as z from 'zod';
import { valueAt } from './json.js';
import type { Path } from './source.js';

export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer into the descriptor as the user wrote it (for TEC input: into the TEC document). */
  pointer: string;
  message: string;
  expected?: string;
  found?: string;
}

/** A diagnostic before it is given a location: the path inside the document it concerns. */
export interface Problem {
  path: Path;
  /** Point at the key (unknown keys) rather than at the value. */
  target?: 'value' | 'key';
  message: string;
  expected?: string;
  found?: string;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/** The closest of `candidates` to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

type Issue = z.core.$ZodIssue;

function expectedOf(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'object' ? 'a mapping' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `at least ${issue.minimum} entries`
        : issue.origin === 'string'
          ? issue.minimum === 1
            ? 'a non-empty text'
            : `at least ${issue.minimum} characters`
          : `a value ${issue.inclusive ? '>=' : '>'} ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `at most ${issue.maximum} entries`
        : issue.origin === 'string'
          ? `at most ${issue.maximum} characters`
          : `a value ${issue.inclusive ? '<=' : '<'} ${issue.maximum}`;
    case 'invalid_format':
      return issue.format === 'regex' ? issue.message : `a ${issue.format}`;
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'custom':
      return (issue.params as { expected?: string } | undefined)?.expected;
    default:
      return undefined;
  }
}

/** Turns zod issues into problems with plain-words messages. `shapeKeys` lists the keys allowed at a path. */
export function problemsFromIssues(
  issues: readonly Issue[],
  document: unknown,
  shapeKeys: (path: readonly PropertyKey[]) => string[],
): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const allowed = shapeKeys(path);
      for (const key of issue.keys) {
        const guess = closest(key, allowed);
        out.push({
          path: [...path, key],
          target: 'key',
          message: `unknown field "${key}"${guess ? `; did you mean "${guess}"?` : ''}`,
          expected: allowed.length ? `one of the fields ${allowed.join(', ')} (or an x- extension key)` : undefined,
          found: `"${key}"`,
        });
      }
      continue;
    }
    if (issue.code === 'invalid_union') {
      // Every branch failed: report the union as one expectation (e.g. "a number or a string").
      const branches = issue.errors.map((branch) => branch[0]).filter((b): b is Issue => b !== undefined);
      const deeper = branches.find((b) => b.path.length > 0);
      if (deeper) {
        out.push(...problemsFromIssues([{ ...deeper, path: [...path, ...deeper.path] } as Issue], document, shapeKeys));
        continue;
      }
      const expected = branches
        .map(expectedOf)
        .filter((e) => e)
        .join(' or ');
      out.push({
        path,
        message: 'wrong type',
        expected: expected || undefined,
        found: describeValue(valueAt(document, path)),
      });
      continue;
    }
    const value = valueAt(document, path);
    const missing = issue.code === 'invalid_type' && value === undefined;
    out.push({
      path,
      message: missing
        ? `missing required field "${String(path[path.length - 1])}"`
        : issue.code === 'invalid_type'
          ? 'wrong type'
          : issue.message.replace(/^Invalid input: /, ''),
      expected: expectedOf(issue),
      found: missing ? undefined : describeValue(value),
    });
  }
  return out;
}
