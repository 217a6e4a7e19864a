// Finding what one role needs in what another role has: tool names compared canonically (match.ts),
// version requirements with their operators (`scikit-learn>=1.3`, `numpy~=1.26`, `lightgbm 4.3.0`),
// and the lists of an environment searched together.
import type { Descriptor } from '../../descriptors/system.js';
import { parseTool, type Tool, versionSatisfies } from '../match.js';

export interface Constraint {
  /** '' (this version or a more precise one: `1.4` accepts `1.4.2`), '==', '!=', '>=', '>', '<=', '<', '~=', '^', '~'. */
  op: string;
  version: string;
}

export interface Requirement {
  tool: Tool;
  text: string;
  constraints: Constraint[];
}

const OPERATORS = String.raw`(?:[<>]=?|==|~=|!=|\^|~)`;
const CONSTRAINTS = new RegExp(String.raw`^(.*?)\s*((?:${OPERATORS}\s*v?\d[\w.*+-]*\s*,?\s*)+)$`);
const CONSTRAINT = new RegExp(String.raw`(${OPERATORS})\s*v?(\d[\w.*+-]*)`, 'g');

/** `scikit-learn>=1.3,<2` → scikit-learn with two constraints; `lightgbm 4.3.0` → lightgbm, version 4.3.0. */
export function parseRequirement(text: string): Requirement {
  const m = CONSTRAINTS.exec(text.trim());
  if (m?.[1] && m[2]) {
    const constraints = [...m[2].matchAll(CONSTRAINT)].map((c) => ({ op: c[1] ?? '', version: c[2] ?? '' }));
    const tool = parseTool(m[1]);
    return { tool: { ...tool, version: constraints.find((c) => c.op !== '!=')?.version }, text, constraints };
  }
  const tool = parseTool(text);
  return { tool, text, constraints: tool.version ? [{ op: '', version: tool.version }] : [] };
}

const parts = (v: string) => v.replace(/\.\*$/, '').split('.');

/** Compares versions part by part, numerically where both parts are numbers; missing parts are 0. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    if (x === y) continue;
    // Numbers compare as numbers (10 > 9); `0rc1` and the like by their number first, then as text.
    const nx = Number.parseInt(x, 10);
    const ny = Number.parseInt(y, 10);
    if (!Number.isNaN(nx) && !Number.isNaN(ny) && nx !== ny) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}

function prefixEqual(required: string, available: string, length: number): boolean {
  return parts(required)
    .slice(0, length)
    .every((p, i) => parts(available)[i] === p);
}

function meets(c: Constraint, available: string): boolean {
  const cmp = compareVersions(available, c.version);
  const n = parts(c.version).length;
  switch (c.op) {
    case '':
    case '==':
      return versionSatisfies(c.version.replace(/\.\*$/, ''), available);
    case '!=':
      return !versionSatisfies(c.version, available);
    case '>=':
      return cmp >= 0;
    case '>':
      return cmp > 0;
    case '<=':
      return cmp <= 0;
    case '<':
      return cmp < 0;
    case '~=': // compatible release: >= v, same prefix but the last part
      return cmp >= 0 && prefixEqual(c.version, available, Math.max(1, n - 1));
    case '^': // same major (same minor below 1.0)
      return cmp >= 0 && prefixEqual(c.version, available, parts(c.version)[0] === '0' ? 2 : 1);
    case '~': // same major and minor
      return cmp >= 0 && prefixEqual(c.version, available, Math.min(2, n));
    default:
      return true;
  }
}

/** The first constraint an available version fails; undefined when it meets all (or either is unknown). */
export function unmet(req: Requirement, available: string | undefined): Constraint | undefined {
  if (!available) return undefined;
  return req.constraints.find((c) => !meets(c, available));
}

/** Whether two versions differ in their first part: a breaking difference for most tools. */
export function majorDiffers(a: string, b: string): boolean {
  return parts(a)[0] !== parts(b)[0];
}

/**
 * Whether an available version that fails a requirement is a major release away from what the
 * requirement wants: from its exact or lower-bound version when it has one (`>=1.3,<2` wants 1.x),
 * else from an upper bound at a major release (`<2`, `<2.0`: 2.0.1 crosses it).
 */
export function majorMismatch(req: Requirement, available: string): boolean {
  const wanted = req.constraints.find((c) => ['', '==', '>=', '>', '~=', '^', '~'].includes(c.op));
  if (wanted) return majorDiffers(wanted.version, available);
  const failed = unmet(req, available);
  if (!failed?.op.startsWith('<')) return false;
  const [major, ...rest] = parts(failed.version);
  return (
    rest.every((p) => /^0*$/.test(p)) &&
    Number.parseInt(parts(available)[0] ?? '', 10) >= Number.parseInt(major ?? '', 10)
  );
}

export interface Found {
  field: string;
  index: number;
  tool: Tool;
  /** Matched by a word inside a longer entry (`Docker 25 with docker compose`): its version is not read. */
  loose: boolean;
}

type Lists = Record<string, readonly string[] | undefined>;

/** The tool lists of an environment that can provide something the model or pipeline needs. */
export function toolLists(
  env: Descriptor<'development-environment' | 'production-environment'>,
  languages = true,
): Lists {
  if (env.kind === 'development-environment') {
    return {
      ...(languages ? { programming_languages: env.data.programming_languages } : {}),
      ml_frameworks: env.data.ml_frameworks,
      system_dependencies: env.data.system_dependencies,
    };
  }
  return { ml_frameworks: env.data.ml_frameworks, system_dependencies: env.data.system_dependencies };
}

/** Whether any of the lists holds an entry (an environment that lists nothing has not been described). */
export function listsAnything(lists: Lists): boolean {
  return Object.values(lists).some((l) => (l ?? []).length > 0);
}

/** Finds a tool in an environment's lists: by canonical name first, then as words inside an entry. */
export function findIn(lists: Lists, tool: Tool): Found | undefined {
  for (const [field, entries] of Object.entries(lists))
    for (const [index, entry] of (entries ?? []).entries()) {
      const t = parseRequirement(entry).tool;
      if (t.key === tool.key) return { field, index, tool: t, loose: false };
    }
  for (const [field, entries] of Object.entries(lists))
    for (const [index, entry] of (entries ?? []).entries()) {
      const words = entry.split(/[\s,;()[\]]+/).filter(Boolean);
      for (let n = 1; n <= 3; n++)
        for (let i = 0; i + n <= words.length; i++)
          if (parseTool(words.slice(i, i + n).join(' ')).key === tool.key)
            return { field, index, tool: parseTool(entry), loose: true };
    }
  return undefined;
}

/** `scikit-learn 1.4.2, onnxruntime 1.17.3` or `none`. */
export function listText(entries: readonly string[] | undefined): string {
  return entries?.length ? entries.join(', ') : 'none';
}
