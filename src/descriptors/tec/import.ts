// Reading a TEC document (schema 1.0, 1.1 or 1.2) as a Dovetail descriptor: detect its kind and
// version, migrate it to 1.2 in memory, then map it field by field with the kind's TEC map. Never
// throws: whatever cannot be read is kept in an `x-` key and reported as a warning.

import { describe, isObject, type Obj } from '../json.js';
import { type KindId, kinds } from '../kinds/index.js';
import type { Path } from '../source.js';
import { type Reader, readObject } from './codec.js';
import { declaredTecVersion, detectTec } from './detect.js';
import type { TecImport, TecNote, TecVersion } from './index.js';
import { tecMaps } from './maps.js';
import { migrateTec } from './migrate.js';
import { PathLinks } from './paths.js';

export interface TecImportOptions {
  /** Name for a descriptor whose TEC document has none (most kinds have no name field in TEC). */
  fallbackName?: string;
  /** The kind, when known from elsewhere (e.g. TEC's export file name); otherwise detected. */
  kind?: KindId;
}

function nameOf(document: Obj): string | undefined {
  return typeof document.name === 'string' && document.name.trim() !== '' ? document.name : undefined;
}

export function importTec(value: unknown, options: TecImportOptions = {}): TecImport {
  const warnings: TecNote[] = [];
  const links = new PathLinks();
  let original = (path: Path): Path => path;
  let kind: KindId = options.kind ?? 'system-context';
  let version: TecVersion = '1.2';
  const fallback = () => options.fallbackName ?? kinds[kind].defaultName;
  try {
    const detected = detectTec(value);
    kind = options.kind ?? detected?.kind ?? kind;
    version = (detected?.kind === kind ? detected.version : declaredTecVersion(value)) ?? '1.2';
    if (!isObject(value)) {
      warnings.push({
        path: [],
        message: `not a TEC document: expected an object, found ${describe(value)}`,
      });
      return { kind, version, document: { kind, name: fallback() }, origin: () => [], warnings };
    }
    if (!detected && !options.kind)
      warnings.push({
        path: [],
        message: `could not tell which TEC descriptor this is; read as ${kinds[kind].title.toLowerCase()}`,
      });
    else if (detected && detected.kind !== kind)
      warnings.push({
        path: [],
        message: `read as ${kinds[kind].title.toLowerCase()}, though its fields look like ${kinds[detected.kind].title.toLowerCase()}`,
      });
    if (value.version !== undefined && declaredTecVersion(value) === undefined)
      warnings.push({
        path: ['version'],
        message: `unknown TEC schema version ${describe(value.version)}; read as ${version}`,
      });

    const migration = migrateTec(value, kind, version);
    warnings.push(...migration.notes);
    original = migration.original;
    const reader: Reader = {
      warn: (path, message) => warnings.push({ path: original(path), message }),
      link: (dove, tec, verbatim) => links.link(dove, tec, verbatim),
    };
    const body = readObject(tecMaps[kind], migration.document, { tec: [], dove: [], reader });
    const { name, kind: _kind, ...rest } = body;
    const document: Obj = { kind, name: nameOf(body) ?? fallback(), ...rest };
    if (name !== undefined && nameOf(body) === undefined) document['x-name'] = name;
    return { kind, version, document, origin: (path) => original(links.origin(path)), warnings };
  } catch (e) {
    // A bug here must not stop a whole project from loading.
    warnings.push({ path: [], message: `could not read this TEC document: ${(e as Error).message}` });
    return { kind, version, document: { kind, name: fallback() }, origin: () => [], warnings };
  }
}
