// Shared helpers for the TEC tests: the fixtures, and validation the way the loader does it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isKindId, type KindId, schemas } from '../../src/descriptors/kinds/index.js';
import { type TecVersion, withoutExtensions } from '../../src/descriptors/tec/index.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/tec/', import.meta.url));
export const VERSIONS: TecVersion[] = ['1.0', '1.1', '1.2'];

export interface Fixture {
  version: TecVersion;
  kind: KindId;
  file: string;
  doc: Record<string, unknown>;
}

/** Every fixture: one file per kind and version, named after the kind. */
export function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const version of VERSIONS)
    for (const file of readdirSync(join(FIXTURES, version)).sort()) {
      const kind = file.replace(/\.json$/, '');
      if (!isKindId(kind)) throw new Error(`fixture ${file} is not named after a kind`);
      out.push({ version, kind, file: `${version}/${file}`, doc: load(version, kind) });
    }
  return out;
}

export function load(version: TecVersion, kind: KindId): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, version, `${kind}.json`), 'utf8'));
}

/** Validates a Dovetail document as the loader does: `x-` keys are the user's and are not checked. */
export function validate(kind: KindId, document: unknown) {
  return schemas[kind].safeParse(withoutExtensions(document));
}

/** The validated data, or a failed assertion listing the problems. */
export function validData(kind: KindId, document: unknown): Record<string, unknown> {
  const r = validate(kind, document);
  if (!r.success) throw new Error(`${kind} does not validate: ${JSON.stringify(r.error.issues, null, 1)}`);
  return r.data as Record<string, unknown>;
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** The `x-` keys of a document, with their paths: what Dovetail keeps without checking. */
export function extensions(value: unknown, path = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) Object.assign(out, extensions(v, `${path}/${i}`));
  } else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith('x-')) out[`${path}/${k}`] = v;
      else Object.assign(out, extensions(v, `${path}/${k}`));
    }
  return out;
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * What a TEC document says, for comparing round trips: Dovetail's own bookkeeping keys
 * (`x-dovetail-...`) dropped, numeric text read as numbers, and blanks ("", 0, false, empty lists
 * and objects, blank rows) left out, as TEC itself treats them as "not filled in".
 */
export function meaningful(value: unknown): unknown {
  if (typeof value === 'string')
    return value.trim() === '' ? undefined : NUMERIC.test(value.trim()) ? Number(value) : value;
  if (value === 0 || value === false || value === null) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(meaningful).filter((v) => v !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as object)) {
      if (k.startsWith('x-dovetail-')) continue;
      const m = meaningful(v);
      if (m !== undefined) out[k] = m;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  return value;
}
