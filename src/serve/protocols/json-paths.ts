// Plain JSON with configurable field paths (`--inputs-path features --outputs-path result.score`).
// A path is dotted keys from the top of the body; a number indexes a list; a list met before the end
// of the path is crossed element by element (`items.features` reads every item's features). What the
// path reaches gives the rows: a list one row per element, a record one row, any other value one row
// holding it under the last key of the path. The empty path is the whole body.
import type { Path } from '../../descriptors/source.js';
import {
  isRecord,
  type Problems,
  type ProtocolOptions,
  type Records,
  type Row,
  readRecords,
  rowsFromList,
} from './records.js';

export interface JsonPaths {
  inputsPath: string;
  outputsPath: string;
}

/** Values the path reaches; a key that is missing is reported where it was looked for. */
function resolve(body: unknown, keys: readonly string[], problems: Problems): unknown[] | undefined {
  let reached: [unknown, Path][] = [[body, []]];
  for (const key of keys) {
    const next: [unknown, Path][] = [];
    for (const [v, at] of reached) {
      if (Array.isArray(v) && /^\d+$/.test(key) && Number(key) < v.length) next.push([v[Number(key)], [...at, key]]);
      else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const e = v[i];
          if (isRecord(e) && key in e) next.push([e[key], [...at, i, key]]);
        }
      } else if (isRecord(v) && key in v) next.push([v[key], [...at, key]]);
      else {
        problems.add(at, `no "${key}" here (path ${keys.join('.')})`);
        return undefined;
      }
    }
    reached = next;
  }
  return reached.map(([v]) => v);
}

function reader(path: string) {
  const keys = path === '' ? [] : path.split('.');
  const fallback = keys.at(-1) ?? 'value';
  return (body: unknown, names: readonly string[] | undefined, problems: Problems): Row[] => {
    const values = resolve(body, keys, problems);
    if (!values) return [];
    return values.flatMap((v) => rowsFromList(Array.isArray(v) ? v : [v], names, fallback));
  };
}

/** A reader of plain JSON bodies whose inputs and outputs are at the given paths. */
export function jsonPaths(paths: JsonPaths) {
  const readers = { request: reader(paths.inputsPath), response: reader(paths.outputsPath) };
  return (request: unknown, response: unknown, options?: ProtocolOptions): Records =>
    readRecords(request, response, readers, options);
}
