// The MLflow scoring server (`POST /invocations`, JSON). A request holds exactly one of
//   dataframe_split    {columns?, data: [[...], ...], index?}  (a pandas DataFrame, orient split)
//   dataframe_records  [{column: value}, ...]                  (orient records)
//   instances          [row, ...]                              (row format, as TensorFlow Serving)
//   inputs             {name: [values]} or [row, ...]          (columnar format)
// beside optional `params`. The response is {predictions: ...}: a list (one entry per row: a value,
// a list, or a record of named outputs) or a record of name → one value per row; older servers answer
// with the bare list.
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

const LAYOUTS = ['dataframe_split', 'dataframe_records', 'instances', 'inputs'] as const;

function request(body: unknown, names: readonly string[] | undefined, problems: Problems): Row[] {
  if (!isRecord(body)) return problems.add([], `expected an object with one of ${LAYOUTS.join(', ')}`);
  const given = LAYOUTS.filter((k) => k in body);
  if (given.length !== 1)
    return problems.add([], `expected exactly one of ${LAYOUTS.join(', ')}; found ${given.join(', ') || 'none'}`);
  const layout = given[0] as (typeof LAYOUTS)[number];
  const value = body[layout];
  switch (layout) {
    case 'dataframe_split': {
      if (!isRecord(value) || !Array.isArray(value.data))
        return problems.add(['dataframe_split'], 'expected {columns, data} with data a list of rows');
      const columns = value.columns ?? (names?.length ? names : undefined);
      if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string'))
        return problems.add(['dataframe_split', 'columns'], 'expected the column names');
      const bad = value.data.findIndex((r) => !Array.isArray(r) || r.length !== columns.length);
      if (bad >= 0)
        return problems.add(
          ['dataframe_split', 'data', bad],
          `expected a row of ${columns.length} values, one per column`,
        );
      return (value.data as unknown[][]).map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
    }
    case 'dataframe_records': {
      if (!Array.isArray(value)) return problems.add(['dataframe_records'], 'expected a list of records');
      const bad = value.findIndex((r) => !isRecord(r));
      return bad >= 0 ? problems.add(['dataframe_records', bad], 'expected a record {column: value}') : value;
    }
    case 'instances':
      return Array.isArray(value)
        ? rowsFromList(value, names, 'input')
        : problems.add(['instances'], 'expected a list');
    default:
      return rowsFromColumns(value, names, 'input', problems, ['inputs']);
  }
}

function response(body: unknown, names: readonly string[] | undefined, problems: Problems): Row[] {
  if (Array.isArray(body)) return rowsFromList(body, names, 'prediction');
  if (!isRecord(body) || !('predictions' in body)) {
    const message = isRecord(body) && typeof body.message === 'string' ? `: ${body.message}` : '';
    return problems.add([], `expected {predictions}${message}`);
  }
  return rowsFromColumns(body.predictions, names, 'prediction', problems, ['predictions']);
}

export function mlflow(requestBody: unknown, responseBody: unknown, options?: ProtocolOptions): Records {
  return readRecords(requestBody, responseBody, { request, response }, options);
}
