// KServe / Open Inference Protocol v2 over REST: `POST /v2/models/{model}/infer` with
//   request  {id?, parameters?, inputs: [{name, shape, datatype, data, parameters?}], outputs?: [{name}]}
//   response {model_name, model_version?, id?, outputs: [{name, shape, datatype, data}]}
// A tensor's data is its elements in row-major order, flat or nested; its first dimension is the batch,
// so each tensor gives one value per row (a scalar, or an array of the remaining shape). Tensors sent
// as binary data (the binary extension) are reported, not read.
import type { Path } from '../../descriptors/source.js';
import {
  isRecord,
  namedRow,
  type Problems,
  type ProtocolOptions,
  type Records,
  type Row,
  readRecords,
} from './records.js';

type Element = 'boolean' | 'integer' | 'number' | 'string';

const DATATYPES: Record<string, Element> = {
  BOOL: 'boolean',
  UINT8: 'integer',
  UINT16: 'integer',
  UINT32: 'integer',
  UINT64: 'integer',
  INT8: 'integer',
  INT16: 'integer',
  INT32: 'integer',
  INT64: 'integer',
  FP16: 'number',
  FP32: 'number',
  FP64: 'number',
  BYTES: 'string',
};

function fits(element: Element, v: unknown): boolean {
  if (element === 'integer') return Number.isInteger(v);
  return typeof v === element;
}

const product = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);

/** Row-major elements as nested arrays of the given dimensions. */
function reshape(flat: readonly unknown[], dims: readonly number[]): unknown[] {
  if (dims.length <= 1) return [...flat];
  const per = product(dims.slice(1));
  return Array.from({ length: dims[0] as number }, (_, i) =>
    reshape(flat.slice(i * per, (i + 1) * per), dims.slice(1)),
  );
}

/** One tensor's value for each row (its first dimension); undefined after reporting a problem. */
function tensorRows(t: Row, at: Path, problems: Problems): unknown[] | undefined {
  const { shape, datatype, data } = t;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    problems.add([...at, 'shape'], 'shape must be a list of non-negative integers');
    return undefined;
  }
  const element = typeof datatype === 'string' ? DATATYPES[datatype] : undefined;
  if (!element) {
    problems.add([...at, 'datatype'], `datatype must be one of ${Object.keys(DATATYPES).join(', ')}`);
    return undefined;
  }
  if (!Array.isArray(data)) {
    const binary = isRecord(t.parameters) && 'binary_data_size' in t.parameters;
    problems.add([...at, 'data'], binary ? 'binary tensor data is not read' : 'data must be a list of elements');
    return undefined;
  }
  const flat = data.flat(Number.POSITIVE_INFINITY);
  const dims = shape as number[];
  if (flat.length !== product(dims)) {
    problems.add([...at, 'data'], `holds ${flat.length} elements; shape [${dims.join(', ')}] needs ${product(dims)}`);
    return undefined;
  }
  const bad = flat.findIndex((v) => !fits(element, v));
  if (bad >= 0) {
    problems.add([...at, 'data'], `element ${bad} is ${JSON.stringify(flat[bad])}, not a ${element} (${datatype})`);
    return undefined;
  }
  // A scalar tensor is one row; otherwise the first dimension is the batch.
  return dims.length === 0 ? flat : reshape(flat, dims);
}

/**
 * Rows from a list of tensors, named by tensor. One tensor of feature vectors whose name is not a
 * declared field is spread over the declared fields when their numbers agree.
 */
function readTensors(key: 'inputs' | 'outputs') {
  return (body: unknown, names: readonly string[] | undefined, problems: Problems): Row[] => {
    if (!isRecord(body)) return problems.add([], `expected an object with ${key}`);
    if (key === 'outputs' && typeof body.error === 'string') return problems.add(['error'], body.error);
    const tensors = body[key];
    if (!Array.isArray(tensors) || tensors.length === 0)
      return problems.add([key], 'expected a non-empty list of tensors {name, shape, datatype, data}');
    const columns: [string, unknown[]][] = [];
    for (let i = 0; i < tensors.length; i++) {
      const t = tensors[i];
      const at = [key, i];
      if (!isRecord(t) || typeof t.name !== 'string' || t.name === '')
        return problems.add(at, 'expected a tensor {name, shape, datatype, data}');
      const rows = tensorRows(t, at, problems);
      if (!rows) return [];
      const first = columns[0];
      if (first && first[1].length !== rows.length)
        return problems.add(
          [...at, 'shape'],
          `the batch (first dimension) is ${rows.length}; tensor ${first[0]} has ${first[1].length}`,
        );
      columns.push([t.name, rows]);
    }
    const [only] = columns;
    if (columns.length === 1 && only && !names?.includes(only[0]))
      return only[1].map((v) => namedRow(v, names && names.length > 1 ? names : undefined, only[0]));
    return (columns[0]?.[1] ?? []).map((_, r) => {
      const row: Row = {};
      for (const [name, values] of columns) row[name] = values[r];
      return row;
    });
  };
}

export function kserveV2(request: unknown, response: unknown, options?: ProtocolOptions): Records {
  return readRecords(request, response, { request: readTensors('inputs'), response: readTensors('outputs') }, options);
}
