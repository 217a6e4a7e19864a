// Small helpers for plain JSON values. Documents come from anywhere (hand edits, old exports,
// YAML with aliases), so nothing here trusts the shape of its input or throws on it.

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/**
 * The value at a path of keys and list positions, or undefined where the path leaves the document.
 * Shared by the loader's diagnostics and the rule engine's evidence, which both point into documents as written.
 */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** A deep copy of the JSON part of a value; cycles and non-JSON values (functions, symbols) are dropped. */
export function cloneJson(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  // YAML reads `2024-03-28` as a Date at midnight UTC; it goes back as the date it was.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'object') return undefined;
  if (seen.has(value)) return undefined;
  seen.add(value);
  let copy: unknown;
  if (Array.isArray(value)) copy = value.map((v) => cloneJson(v, seen) ?? null);
  else {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) {
      const c = cloneJson(v, seen);
      if (c !== undefined) out[k] = c;
    }
    copy = out;
  }
  seen.delete(value);
  return copy;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => deepEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    // Keys holding undefined count as absent, as they do once written to JSON.
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** True for keys a document uses for content outside its schema (`x-...`). */
export function isExtensionKey(key: string): boolean {
  return key.startsWith('x-');
}

/**
 * The value without `x-` keys, at any depth. The loader validates descriptors this way: extension
 * keys hold content Dovetail keeps but does not check (unknown TEC keys, values it could not read).
 */
export function withoutExtensions<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withoutExtensions(v)) as T;
  if (!isObject(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) if (!isExtensionKey(k)) out[k] = withoutExtensions(v);
  return out as T;
}

/** The object without keys that hold undefined. */
export function defined(obj: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out;
}

/** Merges `source` into `target`, descending into objects both sides hold. */
export function mergeInto(target: Obj, source: Obj): Obj {
  for (const [k, v] of Object.entries(source)) {
    const t = target[k];
    if (isObject(t) && isObject(v)) mergeInto(t, v);
    else target[k] = v;
  }
  return target;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
