// The engine behind the TEC field maps. One declarative map per kind says where each Dovetail field
// lives in TEC and how its value converts; the same map drives import and export, so the two
// directions cannot disagree.
//
// Losslessness, both ways:
// - TEC → Dovetail → TEC: a TEC key Dovetail does not know becomes `x-<key>` in Dovetail and goes
//   back as `<key>`. A TEC value Dovetail cannot read is kept as `x-<field>` and written back where
//   it came from when TEC accepts it there.
// - Dovetail → TEC → Dovetail: after writing a field, the writer reads its TEC form back. Where that
//   does not give the Dovetail value again (TEC has no place for it, rounds it, or needs a
//   placeholder where Dovetail has nothing), it adds `x-dovetail-<field>` holding the value as
//   written, or lists the field in `x-dovetail-unset`. The reader uses these "shadows" only while
//   the TEC value still is what the writer wrote, so an edit made in TEC wins over a stale shadow.

import {
  cloneJson,
  deepEqual,
  defined,
  describe,
  isExtensionKey,
  isObject,
  mergeInto,
  type Obj,
  withoutExtensions,
} from '../json.js';
import type { Path } from '../source.js';

export const SHADOW = 'x-dovetail-';
export const UNSET = 'x-dovetail-unset';
/** Marks a row that is not blank to Dovetail though TEC would take it for one (`{data_source: other}`). */
export const KEEP = 'x-dovetail-keep';

export interface Reader {
  warn(tec: Path, message: string): void;
  /** `verbatim`: the value is copied as is, so paths below it match on both sides. */
  link(dove: Path, tec: Path, verbatim?: boolean): void;
}

const SILENT: Reader = { warn() {}, link() {} };

/** Where a value is read: its TEC path, the Dovetail path it goes to, and who to tell. */
export interface At {
  tec: Path;
  dove: Path;
  reader: Reader;
}

/** A TEC value that cannot be read into its Dovetail field (it is then kept in an `x-` key). */
export class Unreadable {
  constructor(readonly reason: string) {}
}

/** Converts one value between its TEC and Dovetail forms. */
export interface Codec {
  /** TEC → Dovetail, as a user would write it; undefined for a blank. */
  read(tec: unknown, at: At): unknown;
  /** Validated Dovetail value (undefined: absent) → TEC; `raw` is the value as written. */
  write(value: unknown, raw: unknown): unknown;
  /** Dovetail value as written → its validated form (mirrors the descriptor schema). */
  check(raw: unknown): unknown;
  /** Whether TEC's value means "not filled in" ("", 0, false, all-blank rows). */
  blank(tec: unknown): boolean;
  /** Whether TEC 1.2 accepts this value here (to put an unreadable value back). */
  accepts(tec: unknown): boolean;
  /** Lists and objects: compared by presence only, their content has shadows of its own. */
  container?: boolean;
}

/** One or more Dovetail keys of an object, stored in one or more TEC keys of the same object. */
export interface Field {
  readonly dove: readonly string[];
  /** The TEC keys (top level of the object) this field reads and writes. */
  readonly tec: readonly string[];
  readonly containers?: readonly string[];
  /** Dovetail keys this field consumes without giving them a TEC place (`kind`). */
  readonly ignores?: readonly string[];
  read(obj: Obj, at: At): Obj;
  write(data: Obj, raw: Obj): Obj;
  check(raw: Obj): Obj;
  blank(obj: Obj): boolean;
}

export type TecPath = readonly [string] | readonly [string, string];

export function getPath(obj: Obj, path: TecPath): unknown {
  const first = obj[path[0]];
  if (path.length === 1) return first;
  return isObject(first) ? first[path[1]] : undefined;
}

export function setPath(obj: Obj, path: TecPath, value: unknown): Obj {
  if (path.length === 1) obj[path[0]] = value;
  else {
    const inner = isObject(obj[path[0]]) ? (obj[path[0]] as Obj) : {};
    inner[path[1]] = value;
    obj[path[0]] = inner;
  }
  return obj;
}

export function at(parent: At, tec: Path, dove: Path): At {
  return { tec: [...parent.tec, ...tec], dove: [...parent.dove, ...dove], reader: parent.reader };
}

/** A Dovetail key stored in one TEC place, converted by `codec`. */
export function field(dove: string, tec: string | TecPath, codec: Codec): Field {
  const tecPath: TecPath = typeof tec === 'string' ? [tec] : tec;
  const xKey = `x-${dove}`;
  return {
    dove: [dove, xKey],
    tec: [tecPath[0]],
    containers: codec.container ? [dove] : [],
    read(obj, where) {
      const value = getPath(obj, tecPath);
      const here = at(where, tecPath, [dove]);
      const r = codec.read(value, here);
      if (r instanceof Unreadable) {
        where.reader.warn(here.tec, `${r.reason}; kept as "${xKey}"`);
        where.reader.link([...where.dove, xKey], here.tec, true);
        return { [xKey]: value };
      }
      if (r === undefined) return {};
      where.reader.link(here.dove, here.tec);
      return { [dove]: r };
    },
    write(data, raw) {
      const x = raw[xKey];
      const absent = data[dove] === undefined;
      // A value Dovetail could not read goes back where it came from, if TEC takes it there.
      const value = absent && x !== undefined && codec.accepts(x) ? x : codec.write(data[dove], raw[dove]);
      return setPath({}, tecPath, value);
    },
    check(raw) {
      return { [dove]: raw[dove] === undefined ? undefined : codec.check(raw[dove]), [xKey]: raw[xKey] };
    },
    blank(obj) {
      return codec.blank(getPath(obj, tecPath));
    },
  };
}

/** A field TEC has and Dovetail does not (e.g. the schema `version`): consumed, never written back. */
export function fixed(tec: string, value: unknown): Field {
  return {
    dove: [],
    tec: [tec],
    read: () => ({}),
    write: () => ({ [tec]: value }),
    check: () => ({}),
    blank: () => true,
  };
}

function pick(obj: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}

function unsetList(obj: Obj): string[] {
  const list = obj[UNSET];
  return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
}

/** Reads a TEC object with `fields`; keys no field knows are kept as `x-<key>`. */
export function readObject(fields: readonly Field[], tec: Obj, where: At): Obj {
  const out: Obj = {};
  const unset = unsetList(tec);
  const doveKeys = new Set(fields.flatMap((f) => [...f.dove, ...(f.ignores ?? [])]));
  const claimed = new Set<string>([UNSET, KEEP]);
  for (const f of fields) {
    for (const k of f.tec) claimed.add(k);
    let part = f.read(tec, where);
    const shadowed = f.dove.filter((k) => unset.includes(k) || Object.hasOwn(tec, SHADOW + k));
    if (shadowed.length > 0) {
      const candidate: Obj = { ...part };
      for (const k of shadowed) {
        const v = Object.hasOwn(tec, SHADOW + k) ? tec[SHADOW + k] : undefined;
        candidate[k] = v === null ? undefined : v;
      }
      const now = withoutExtensions(pick(tec, f.tec));
      const wrote = withoutExtensions(f.write(f.check(candidate), candidate));
      if (deepEqual(now, wrote)) {
        part = candidate;
        for (const k of shadowed)
          if (Object.hasOwn(tec, SHADOW + k)) where.reader.link([...where.dove, k], [...where.tec, SHADOW + k], true);
      } else {
        where.reader.warn(
          [...where.tec, f.tec[0] ?? ''],
          `the Dovetail value of ${shadowed.map((k) => `"${k}"`).join(', ')} saved with this document no longer matches the TEC value, which was changed since; the TEC value is used`,
        );
      }
    }
    Object.assign(out, defined(part));
  }
  for (const [key, value] of Object.entries(tec)) {
    if (claimed.has(key) || value === undefined) continue;
    if (key.startsWith(SHADOW)) {
      // Dovetail content TEC has no place for, saved by the exporter.
      const k = key.slice(SHADOW.length);
      if (doveKeys.has(k) || out[k] !== undefined) continue;
      out[k] = value;
      where.reader.link([...where.dove, k], [...where.tec, key], true);
      continue;
    }
    const x = `x-${key}`;
    out[x] = value;
    where.reader.link([...where.dove, x], [...where.tec, key], true);
    where.reader.warn([...where.tec, key], `unknown key "${key}" kept as "${x}"`);
  }
  return out;
}

/** Writes a Dovetail object with `fields`. `bare` writes placeholders only, without shadows. */
export function writeObject(fields: readonly Field[], data: Obj, raw: Obj, bare = false): Obj {
  const out: Obj = {};
  const unset: string[] = [];
  const shadows: Obj = {};
  const doveKeys = new Set(fields.flatMap((f) => [...f.dove, ...(f.ignores ?? [])]));
  const tecKeys = new Set(fields.flatMap((f) => f.tec));
  for (const f of fields) {
    const part = f.write(data, raw);
    mergeInto(out, part);
    if (bare) continue;
    const back = f.read(cloneJson(part) as Obj, { tec: [], dove: [], reader: SILENT });
    const checked = f.check(back);
    for (const k of f.dove) {
      let same: boolean;
      if (isExtensionKey(k)) same = deepEqual(back[k], raw[k]);
      else if (f.containers?.includes(k)) same = (back[k] === undefined) === (data[k] === undefined);
      else same = deepEqual(checked[k], data[k]);
      if (same) continue;
      const value = raw[k] ?? data[k];
      if (value === undefined || value === null) unset.push(k);
      else shadows[SHADOW + k] = cloneJson(value);
    }
  }
  if (bare) return out;
  const rest = { ...data, ...raw };
  for (const [key, value] of Object.entries(rest)) {
    if (doveKeys.has(key) || value === undefined) continue;
    const copy = cloneJson(value);
    if (isExtensionKey(key)) {
      const k = key.slice(2);
      if (!(k in out) && !tecKeys.has(k) && !k.startsWith(SHADOW)) {
        out[k] = copy;
        continue;
      }
      // `x-a.b`: a key TEC had inside the object `a`, which Dovetail flattens.
      const dot = k.indexOf('.');
      const inner = dot > 0 ? out[k.slice(0, dot)] : undefined;
      if (isObject(inner) && !(k.slice(dot + 1) in inner)) {
        inner[k.slice(dot + 1)] = copy;
        continue;
      }
    }
    // A Dovetail field TEC has no place for, or an x- key whose TEC place is taken.
    shadows[SHADOW + key] = copy;
  }
  if (unset.length > 0) out[UNSET] = unset;
  return Object.assign(out, shadows);
}

export interface ObjectCodec extends Codec {
  readonly fields: readonly Field[];
}

export function object(fields: readonly Field[]): ObjectCodec {
  const tecKeys = new Set(fields.flatMap((f) => f.tec));
  const codec: ObjectCodec = {
    fields,
    container: true,
    read(tec, where) {
      if (tec === undefined || tec === null || tec === '') return undefined;
      if (!isObject(tec)) return new Unreadable(`expected an object, found ${describe(tec)}`);
      if (codec.blank(tec)) return undefined;
      return readObject(fields, tec, where);
    },
    write(value, raw) {
      if (!isObject(value)) return writeObject(fields, {}, {}, true);
      return writeObject(fields, value, isObject(raw) ? raw : {});
    },
    check(raw) {
      if (!isObject(raw)) return raw;
      const out: Obj = { ...raw };
      for (const f of fields) Object.assign(out, f.check(raw));
      return defined(out);
    },
    blank(tec) {
      if (tec === undefined || tec === null || tec === '') return true;
      if (!isObject(tec)) return false;
      return fields.every((f) => f.blank(tec)) && Object.keys(tec).every((k) => tecKeys.has(k));
    },
    accepts: isObject,
  };
  return codec;
}

/** A list; blank rows (TEC's forms keep an empty last row) are dropped, and an empty list is absent. */
export function list(item: Codec, minItems = 0): Codec {
  return {
    container: true,
    read(tec, where) {
      if (tec === undefined || tec === null || tec === '') return undefined;
      if (!Array.isArray(tec)) return new Unreadable(`expected a list, found ${describe(tec)}`);
      const out: unknown[] = [];
      tec.forEach((value, i) => {
        if (item.blank(value)) return;
        const here = at(where, [i], [out.length]);
        const r = item.read(value, here);
        if (r instanceof Unreadable) {
          where.reader.warn(here.tec, `${r.reason}; entry dropped`);
          return;
        }
        if (r === undefined) return;
        where.reader.link(here.dove, here.tec);
        out.push(r);
      });
      return out.length > 0 ? out : undefined;
    },
    write(value, raw) {
      const rows = Array.isArray(value) ? value : [];
      const rawRows = Array.isArray(raw) ? raw : [];
      const out = rows.map((v, i) => {
        const row = item.write(v, rawRows[i]);
        if (v !== undefined && isObject(row) && item.blank(row)) row[KEEP] = true;
        return row;
      });
      // TEC requires at least `minItems` rows; a blank row is what its forms save for "nothing".
      while (out.length < minItems) out.push(item.write(undefined, undefined));
      return out;
    },
    check(raw) {
      return Array.isArray(raw) ? raw.map((v) => item.check(v)) : raw;
    },
    blank(tec) {
      return tec === undefined || tec === null || tec === '' || (Array.isArray(tec) && tec.every((v) => item.blank(v)));
    },
    accepts: Array.isArray,
  };
}
