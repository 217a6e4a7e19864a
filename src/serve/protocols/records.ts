// What every serving protocol turns a request and its response into: one record of named inputs per
// row the model was asked about, one record of named outputs per row it answered, and the problems
// of a payload that does not have the protocol's shape. The row and columnar layouts that several
// protocols share are read here.
import { type Path, pointer } from '../../descriptors/source.js';

export type Row = Record<string, unknown>;

export interface PayloadError {
  side: 'request' | 'response';
  /** JSON pointer of the offending part of the body. */
  pointer: string;
  message: string;
}

export interface Records {
  inputs: Row[];
  outputs: Row[];
  errors: PayloadError[];
}

export interface ProtocolOptions {
  /** Names for unnamed values, in order: the contract's input fields. */
  inputNames?: readonly string[];
  /** Names for unnamed values, in order: the contract's output fields. */
  outputNames?: readonly string[];
}

/** Reads one side of a payload into rows, reporting the problems of its shape. */
export type SideReader = (body: unknown, names: readonly string[] | undefined, problems: Problems) => Row[];

export class Problems {
  constructor(
    readonly side: PayloadError['side'],
    readonly errors: PayloadError[],
  ) {}

  add(path: Path, message: string): Row[] {
    this.errors.push({ side: this.side, pointer: pointer(path), message });
    return [];
  }
}

export function isRecord(v: unknown): v is Row {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A row from one value: a record as it is; an array as many values as there are names (more than
 * one); otherwise the value under the only name, or under `fallback`.
 */
export function namedRow(value: unknown, names: readonly string[] | undefined, fallback: string): Row {
  if (isRecord(value)) return value;
  if (Array.isArray(value) && names && names.length > 1 && names.length === value.length) {
    const row: Row = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = value[i];
    return row;
  }
  return { [names?.length === 1 ? (names[0] as string) : fallback]: value };
}

/** Row format: a list with one entry per row, each a record of named values or one unnamed value. */
export function rowsFromList(list: readonly unknown[], names: readonly string[] | undefined, fallback: string): Row[] {
  return list.map((v) => namedRow(v, names, fallback));
}

/**
 * Columnar format: a record of name → one value per row (all lists of one length), or one unnamed
 * list of rows. `at` is the path of `body`.
 */
export function rowsFromColumns(
  body: unknown,
  names: readonly string[] | undefined,
  fallback: string,
  problems: Problems,
  at: Path,
): Row[] {
  if (Array.isArray(body)) return rowsFromList(body, names, fallback);
  if (!isRecord(body)) return [namedRow(body, names, fallback)];
  const columns = Object.entries(body);
  if (columns.every(([, v]) => !Array.isArray(v))) return [body];
  const n = columns.find(([, v]) => Array.isArray(v))?.[1] as unknown[];
  for (const [name, v] of columns) {
    if (!Array.isArray(v) || v.length !== n.length)
      return problems.add([...at, name], `every column must list one value per row (${n.length})`);
  }
  return n.map((_, i) => {
    const row: Row = {};
    for (const [name, v] of columns) row[name] = (v as unknown[])[i];
    return row;
  });
}

/** Reads request and response with a protocol's readers; the rows of both sides must pair up. */
export function readRecords(
  request: unknown,
  response: unknown,
  readers: { request: SideReader; response: SideReader },
  options: ProtocolOptions = {},
): Records {
  const errors: PayloadError[] = [];
  const inputs = readers.request(request, options.inputNames, new Problems('request', errors));
  const outputs =
    response === undefined ? [] : readers.response(response, options.outputNames, new Problems('response', errors));
  if (response !== undefined && errors.length === 0 && outputs.length !== inputs.length)
    errors.push({
      side: 'response',
      pointer: '',
      message: `the response answers ${outputs.length} rows; the request asked about ${inputs.length}`,
    });
  return { inputs, outputs, errors };
}
