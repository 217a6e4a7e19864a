// TensorFlow Serving's REST predict API (`POST /v1/models/{model}[/versions/{v}]:predict`):
//   row format      {signature_name?, instances: [row, ...]}  →  {predictions: [row, ...]}
//   columnar format {signature_name?, inputs: {name: [values]} | [values]}  →  {outputs: ...}
// A row is a record of named inputs or the value of the one unnamed input. Binary values are written
// {"b64": "..."}; they are read as their base64 text.
import {
  isRecord,
  type Problems,
  type ProtocolOptions,
  type Records,
  type Row,
  readRecords,
  rowsFromColumns,
  rowsFromList,
} from './records.js';

const isBinary = (v: unknown): v is { b64: string } =>
  isRecord(v) && typeof v.b64 === 'string' && Object.keys(v).length === 1;

/** The row with {"b64": text} values as text (a copy when there are any; the body stays as sent). */
function unwrapBinary(row: Row): Row {
  let out: Row | undefined;
  for (const key in row) {
    const v = row[key];
    if (!isBinary(v)) continue;
    out ??= { ...row };
    out[key] = v.b64;
  }
  return out ?? row;
}

function reader(rowKey: string, columnKey: string, fallback: string) {
  return (body: unknown, names: readonly string[] | undefined, problems: Problems): Row[] => {
    if (!isRecord(body)) return problems.add([], `expected an object with ${rowKey} or ${columnKey}`);
    if (typeof body.error === 'string') return problems.add(['error'], body.error);
    const rows = rowKey in body;
    if (rows === columnKey in body) return problems.add([], `expected exactly one of ${rowKey}, ${columnKey}`);
    if (rows && !Array.isArray(body[rowKey])) return problems.add([rowKey], 'expected a list, one entry per row');
    const out = rows
      ? rowsFromList(body[rowKey] as unknown[], names, fallback)
      : rowsFromColumns(body[columnKey], names, fallback, problems, [columnKey]);
    return out.map(unwrapBinary);
  };
}

export function tfserving(request: unknown, response: unknown, options?: ProtocolOptions): Records {
  return readRecords(
    request,
    response,
    { request: reader('instances', 'inputs', 'input'), response: reader('predictions', 'outputs', 'output') },
    options,
  );
}
