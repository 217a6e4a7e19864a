// Data readers: stream CSV/TSV, Parquet, JSON Lines and Arrow IPC files as batches of column vectors.
export { DataReadError, type DataReadErrorDetails } from './errors.js';
export { type DataFormat, dataFormats, detectFormat, knownExtensions } from './format.js';
export {
  type DataBatch,
  type DataReader,
  type DataSchema,
  openData,
  type ReadOptions,
  readData,
  readSchema,
  STDIN,
} from './reader.js';
export { type ColumnSchema, canonicalType } from './schema.js';
