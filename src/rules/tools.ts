// Tool names and versions, as the roles write them: `sklearn`, `scikit-learn 1.4.2`, `Scikit-Learn`
// and `scikit-learn>=1.3,<2` name one tool; `v1.1`, `1.1.0` and `1.01` are one version. One place
// parses them, compares versions and requirements (>=, <, ~=, ^, ==1.4.*), and finds a tool in the
// lists of an environment, for the toolchain rules, dev-prod parity and pinned descriptor versions.
import type { Descriptor } from '../descriptors/system.js';

const TOOL_SYNONYMS: Record<string, string> = {
  sklearn: 'scikitlearn',
  scikit: 'scikitlearn',
  torch: 'pytorch',
  tf: 'tensorflow',
  tensorflowcpu: 'tensorflow',
  tensorflowgpu: 'tensorflow',
  lgbm: 'lightgbm',
  xgb: 'xgboost',
  onnx: 'onnxruntime',
  hf: 'huggingface',
  transformers: 'huggingface',
  js: 'javascript',
  nodejs: 'javascript',
  node: 'javascript',
  ts: 'typescript',
  py: 'python',
  python3: 'python',
  cpp: 'c++',
  golang: 'go',
  sparkml: 'spark',
  pyspark: 'spark',
  mllib: 'spark',
};

export interface Constraint {
  /** '' (this version or a more precise one: `1.4` accepts `1.4.2`), '==', '!=', '>=', '>', '<=', '<', '~=', '^', '~'. */
  op: string;
  version: string;
}

export interface Tool {
  /** Canonical name for comparison (lower case, no punctuation, synonyms resolved). */
  key: string;
  /** The name as written. */
  name: string;
  /**
   * The version the text names: the one version of `lightgbm 4.3.0` or `numpy==1.26`, or the bound of
   * a requirement (`>=1.3` gives 1.3; its operator is in `constraints`).
   */
  version?: string;
  /** What the text requires, operators kept: `scikit-learn>=1.3,<2` → `>=1.3` and `<2`; `lightgbm 4.3.0` → `4.3.0`. */
  constraints: Constraint[];
}

const OPERATORS = String.raw`(?:[<>]=?|==|~=|!=|\^|~)`;
const VERSION = String.raw`v?\d[\w.*+-]*`;
/** A name, then constraints with operators: `scikit-learn>=1.3,<2`, `numpy ~= 1.26`. */
const CONSTRAINED = new RegExp(String.raw`^(.*?)\s*((?:${OPERATORS}\s*${VERSION}\s*,?\s*)+)$`);
const CONSTRAINT = new RegExp(String.raw`(${OPERATORS})\s*v?(\d[\w.*+-]*)`, 'g');
/**
 * A name, then one version after a space, `@` or a hyphen: `Python 3.11`, `tool@1.2`, `Node v20`,
 * `cuda-12.1`. A digit stuck to the name is part of it: `libgomp1`, `python3`.
 */
const VERSIONED = new RegExp(String.raw`^(.*?)(?:\s+|\s*@\s*|-(?=\d))(${VERSION})$`);

function tool(written: string, constraints: Constraint[]): Tool {
  const name = written.replace(/[\s@-]+$/, '').trim() || written.trim();
  const squashed = name.toLowerCase().replace(/[\s\-_.()]+/g, '');
  const version = constraints.find((c) => c.op !== '!=')?.version;
  return { key: TOOL_SYNONYMS[squashed] ?? squashed, name, ...(version ? { version } : {}), constraints };
}

/**
 * Splits `scikit-learn 1.4.2`, `scikit-learn==1.4.2`, `Python 3.11`, `lightgbm>=4,<5` into the tool
 * and what it requires of its version.
 */
export function parseTool(text: string): Tool {
  const trimmed = text.trim();
  const constrained = CONSTRAINED.exec(trimmed);
  if (constrained?.[1] && constrained[2]) {
    const constraints = [...constrained[2].matchAll(CONSTRAINT)].map((c) => ({ op: c[1] ?? '', version: c[2] ?? '' }));
    return tool(constrained[1], constraints);
  }
  const versioned = VERSIONED.exec(trimmed);
  if (versioned?.[1] && versioned[2]) return tool(versioned[1], [{ op: '', version: versioned[2].replace(/^v/, '') }]);
  return tool(trimmed, []);
}

/** The parts of a version: `v1.01.0` → 1, 1, 0 (no `v`, no leading zeros, no `.*` wildcard, lower case). */
function parts(version: string): string[] {
  return version
    .trim()
    .toLowerCase()
    .replace(/^v(?=\d)/, '')
    .replace(/\.\*$/, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p));
}

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

/** A version in a comparable form: `v1.1`, `1.1.0` and `1.01` are all `1.1`. */
export function normalizeVersion(version: string): string {
  const p = parts(version);
  while (p.length > 1 && p[p.length - 1] === '0') p.pop();
  return p.join('.');
}

/** Whether two versions are one version, written differently or not (`v1.1` = `1.1.0`; `1.1` ≠ `1.1.3`). */
export function sameVersion(a: string, b: string): boolean {
  return compareVersions(a, b) === 0;
}

/**
 * Whether two versions agree on their first `depth` parts, as far as both give them: `1.4` and `1.4.2`
 * agree (one is a more precise release of the other); with depth 1, `1.4` and `1.9` agree too.
 */
export function versionsAgree(a: string, b: string, depth = Number.POSITIVE_INFINITY): boolean {
  const pa = parts(a).slice(0, depth);
  const pb = parts(b);
  return pa.every((part, i) => pb[i] === undefined || pb[i] === part);
}

/** Whether an available version satisfies a required one: equal on every part the requirement gives. */
export function versionSatisfies(required: string | undefined, available: string | undefined): boolean {
  if (!required || !available) return true;
  return versionsAgree(required, available);
}

function meets(c: Constraint, available: string): boolean {
  const cmp = compareVersions(available, c.version);
  const n = parts(c.version).length;
  switch (c.op) {
    case '':
    case '==':
      return versionSatisfies(c.version, available);
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
      return cmp >= 0 && versionsAgree(c.version, available, Math.max(1, n - 1));
    case '^': // same major (same minor below 1.0)
      return cmp >= 0 && versionsAgree(c.version, available, parts(c.version)[0] === '0' ? 2 : 1);
    case '~': // same major and minor
      return cmp >= 0 && versionsAgree(c.version, available, Math.min(2, n));
    default:
      return true;
  }
}

/** The first constraint an available version fails; undefined when it meets all (or either is unknown). */
export function unmet(required: Tool, available: string | undefined): Constraint | undefined {
  if (!available) return undefined;
  return required.constraints.find((c) => !meets(c, available));
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
export function majorMismatch(required: Tool, available: string): boolean {
  const wanted = required.constraints.find((c) => ['', '==', '>=', '>', '~=', '^', '~'].includes(c.op));
  if (wanted) return majorDiffers(wanted.version, available);
  const failed = unmet(required, available);
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

export type ToolLists = Record<string, readonly string[] | undefined>;

/** The tool lists of an environment that can provide something the model or pipeline needs. */
export function toolLists(
  env: Descriptor<'development-environment' | 'production-environment'>,
  languages = true,
): ToolLists {
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
export function listsAnything(lists: ToolLists): boolean {
  return Object.values(lists).some((l) => (l ?? []).length > 0);
}

/** Finds a tool in an environment's lists: by canonical name first, then as words inside an entry. */
export function findIn(lists: ToolLists, tool: Tool): Found | undefined {
  for (const [field, entries] of Object.entries(lists))
    for (const [index, entry] of (entries ?? []).entries()) {
      const t = parseTool(entry);
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
