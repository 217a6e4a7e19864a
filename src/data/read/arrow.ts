// Arrow IPC files through the apache-arrow package: the file format (which Feather v2 is) and the
// stream format, uncompressed.
//
// apache-arrow is loaded on first use only, never at CLI start. Record batches are read one at a
// time from the open file (the file format through its footer, the stream format message by
// message), so a file larger than memory reads in constant memory; a large record batch is handed on
// in slices of `batchRows`. Arrow types are named as the DuckDB types DuckDB's own Arrow scan gives
// them, so schema.ts decides the canonical type as for the other formats, and values arrive as the
// DuckDB reader gives them:
//   integer  → number; 64-bit integers beyond 2^53 lose precision
//   float    → number (half floats and decimals too)
//   datetime → number, milliseconds since 1970-01-01 UTC, whatever the unit (sub-ms truncated)
//   string, category (dictionary-encoded text) → string;  boolean → boolean;  missing → null
//   tensor   → arrays of numbers (nested for lists of lists)
//   other    → plain JS values (structs → objects, binary → Uint8Array, 64-bit integers → numbers)
import { type FileHandle, open } from 'node:fs/promises';
import type { DataType, RecordBatch, Vector } from 'apache-arrow';
import type { ItemType } from '../../descriptors/vocabulary.js';
import { BatchBuffer } from './batches.js';
import { castValues } from './cast.js';
import { DataReadError } from './errors.js';
import { lazyImport } from './load.js';
import type { DataBatch, DataReader, ReadOptions } from './reader.js';
import { type ColumnSchema, canonicalTypeOf, resolveOverrides } from './schema.js';

type Arrow = typeof import('apache-arrow');
type ReadValues = (vector: Vector) => unknown[];

interface ArrowColumnPlan extends ColumnSchema {
  read: ReadValues;
}

const loadArrow = lazyImport('apache-arrow', () => import('apache-arrow'));

const FILE_MAGIC = 'ARROW1';
const FEATHER_V1_MAGIC = 'FEA1';
const ARROW_FILE = 'an Arrow IPC file or stream (Feather v2)';
const INTEGER_NAMES: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };

/** The DuckDBTypeId name of the type DuckDB's Arrow scan gives an Arrow type; others keep their Arrow name. */
function duckDBTypeName(arrow: Arrow, type: DataType): string {
  const { DataType: is } = arrow;
  if (is.isInt(type)) return `${type.isSigned ? '' : 'U'}${INTEGER_NAMES[type.bitWidth]}`;
  if (is.isFloat(type)) return type.precision === arrow.Precision.DOUBLE ? 'DOUBLE' : 'FLOAT';
  if (is.isDecimal(type)) return 'DECIMAL';
  if (is.isBool(type)) return 'BOOLEAN';
  if (is.isUtf8(type) || is.isLargeUtf8(type) || is.isUtf8View(type)) return 'VARCHAR';
  if (is.isDate(type)) return 'DATE';
  if (is.isTimestamp(type)) {
    if (type.timezone) return 'TIMESTAMP_TZ';
    const { TimeUnit } = arrow;
    return (
      {
        [TimeUnit.SECOND]: 'TIMESTAMP_S',
        [TimeUnit.MILLISECOND]: 'TIMESTAMP_MS',
        [TimeUnit.MICROSECOND]: 'TIMESTAMP',
        [TimeUnit.NANOSECOND]: 'TIMESTAMP_NS',
      }[type.unit] ?? 'TIMESTAMP'
    );
  }
  if (is.isDictionary(type)) {
    const values = duckDBTypeName(arrow, type.dictionary);
    return values === 'VARCHAR' ? 'ENUM' : values;
  }
  if (is.isList(type) || is.isLargeList(type)) return 'LIST';
  if (is.isFixedSizeList(type)) return 'ARRAY';
  return arrow.Type[type.typeId].toUpperCase();
}

/** The element type of a list type, or undefined for other types. */
function elementType(arrow: Arrow, type: DataType): DataType | undefined {
  const { DataType: is } = arrow;
  return is.isList(type) || is.isLargeList(type) || is.isFixedSizeList(type) ? type.children[0]?.type : undefined;
}

function canonicalArrowType(arrow: Arrow, type: DataType): ItemType {
  const element = elementType(arrow, type);
  return canonicalTypeOf(duckDBTypeName(arrow, type), element && duckDBTypeName(arrow, element));
}

/** Sets the missing values of `vector` to null in `values` (its values, index for index). */
function withNulls(vector: Vector, values: unknown[]): unknown[] {
  if (vector.nullCount > 0) for (let i = 0; i < values.length; i++) if (!vector.isValid(i)) values[i] = null;
  return values;
}

/** Arrow's own JS values made plain: 64-bit integers as numbers, vectors as arrays, rows as objects. */
function plainValue(arrow: Arrow, value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
  if (value instanceof arrow.Vector) return Array.from(value, (v) => plainValue(arrow, v));
  if (value instanceof arrow.StructRow || value instanceof arrow.MapRow) {
    const fields = value.toJSON() as Record<string, unknown>;
    return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, plainValue(arrow, v)]));
  }
  return value;
}

/** Decimal values (little-endian two's complement words) as the nearest numbers. */
function decimalReader(bitWidth: number, scale: number): ReadValues {
  const words = bitWidth / 32;
  const exponent = `e${-scale}`;
  return (vector) => {
    const raw = vector.toArray() as Uint32Array;
    const out = new Array<unknown>(vector.length);
    for (let i = 0; i < vector.length; i++) {
      let unscaled = 0n;
      for (let w = words - 1; w >= 0; w--) unscaled = (unscaled << 32n) | BigInt(raw[i * words + w] ?? 0);
      out[i] = Number(`${BigInt.asIntN(bitWidth, unscaled)}${exponent}`);
    }
    return withNulls(vector, out);
  };
}

/** Timestamps in `unit` as epoch milliseconds, truncated toward zero like DuckDB's epoch_ms. */
function timestampReader(arrow: Arrow, unit: number): ReadValues {
  const { TimeUnit } = arrow;
  const toMs: (t: bigint) => number =
    unit === TimeUnit.SECOND
      ? (t) => Number(t) * 1000
      : unit === TimeUnit.MILLISECOND
        ? (t) => Number(t)
        : unit === TimeUnit.MICROSECOND
          ? (t) => Number(t / 1000n)
          : (t) => Number(t / 1_000_000n);
  return (vector) => withNulls(vector, Array.from(vector.toArray() as BigInt64Array, toMs));
}

/** Each value of a column of `type` as the plain JS value of its canonical type. */
function valueReader(arrow: Arrow, type: DataType): ReadValues {
  const { DataType: is } = arrow;
  const element = elementType(arrow, type);
  if (element) {
    const readElements = valueReader(arrow, element);
    return (vector) =>
      Array.from({ length: vector.length }, (_, i) => {
        const list = vector.get(i) as Vector | null;
        return list === null ? null : readElements(list);
      });
  }
  if (is.isInt(type) && type.bitWidth === 64) {
    return (vector) => withNulls(vector, Array.from(vector.toArray() as BigInt64Array, Number));
  }
  if (is.isInt(type) || (is.isFloat(type) && type.precision !== arrow.Precision.HALF)) {
    return (vector) => withNulls(vector, Array.from(vector.toArray() as ArrayLike<number>));
  }
  if (is.isDecimal(type)) return decimalReader(type.bitWidth, type.scale);
  if (is.isTimestamp(type)) return timestampReader(arrow, type.unit);
  // Text, dictionaries, booleans, dates (Arrow gives epoch ms) and half floats: Arrow's values are plain.
  if (
    is.isUtf8(type) ||
    is.isLargeUtf8(type) ||
    is.isUtf8View(type) ||
    is.isBool(type) ||
    is.isDate(type) ||
    is.isFloat(type) ||
    (is.isDictionary(type) && duckDBTypeName(arrow, type) === 'ENUM')
  ) {
    return (vector) => Array.from(vector);
  }
  return (vector) => Array.from(vector, (v) => plainValue(arrow, v));
}

function planColumn(arrow: Arrow, name: string, type: DataType, override?: ItemType): ArrowColumnPlan {
  const natural = canonicalArrowType(arrow, type);
  const target = override ?? natural;
  const read = valueReader(arrow, type);
  const cast = castValues(natural, target);
  return {
    name,
    type: target,
    sourceType: String(type),
    overridden: override !== undefined,
    read: cast ? (vector) => read(vector).map(cast) : read,
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Rejects, with a reason naming the file, what is not an Arrow IPC file or stream before Arrow tries. */
async function checkMagic(handle: FileHandle, file: string): Promise<void> {
  const { size } = await handle.stat();
  if (size === 0) throw new DataReadError('empty file', { file, expected: ARROW_FILE });
  const head = Buffer.alloc(Math.min(size, FILE_MAGIC.length));
  await handle.read(head, 0, head.length, 0);
  if (head.toString('latin1').startsWith(FEATHER_V1_MAGIC)) {
    throw new DataReadError('a Feather v1 file: only Feather v2 (Arrow IPC) can be read', {
      file,
      expected: ARROW_FILE,
    });
  }
  if (head.toString('latin1') !== FILE_MAGIC) return; // the stream format has no magic
  const tail = Buffer.alloc(FILE_MAGIC.length);
  await handle.read(tail, 0, tail.length, Math.max(0, size - tail.length));
  if (size < 2 * FILE_MAGIC.length || tail.toString('latin1') !== FILE_MAGIC) {
    throw new DataReadError('truncated Arrow IPC file: its footer is missing', {
      file,
      expected: `a file that ends in ${FILE_MAGIC}, as it begins`,
    });
  }
}

/**
 * A DataReadError for an error Arrow threw: when opening (reading the schema, and the footer and
 * dictionaries of the file format) the file is not Arrow IPC; later, a record batch is damaged.
 */
function arrowError(error: unknown, file: string, opening: boolean): DataReadError {
  if (error instanceof DataReadError) return error;
  const message = errorMessage(error);
  if (/compressed but codec not found/.test(message)) {
    return new DataReadError('compressed Arrow IPC (LZ4 or ZSTD buffers) cannot be read', {
      file,
      expected: "an uncompressed file, e.g. written with compression='uncompressed'",
      cause: error,
    });
  }
  return opening
    ? new DataReadError(`not an Arrow IPC file or stream: ${message}`, { file, expected: ARROW_FILE, cause: error })
    : new DataReadError(`truncated or corrupt Arrow data: ${message}`, { file, cause: error });
}

/** Arrow's reader of the open file, its schema (and, for the file format, footer) read. */
async function openRecordBatches(arrow: Arrow, handle: FileHandle, file: string) {
  try {
    return await (await arrow.RecordBatchReader.from(handle)).open();
  } catch (error) {
    throw arrowError(error, file, true);
  }
}

/**
 * Opens an Arrow IPC file at `path` (shown to the user as `file`) and reads its schema, as openData
 * does for the other formats; `release` frees what the caller holds for it (a stdin temp file).
 */
export async function openArrow(
  path: string,
  file: string,
  options: ReadOptions,
  release: () => Promise<void>,
): Promise<DataReader> {
  let handle: FileHandle | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle?.close();
    await release();
  };

  try {
    const arrow = await loadArrow(file);
    handle = await open(path).catch((error: unknown) => {
      throw new DataReadError(`cannot open file: ${errorMessage(error)}`, { file, cause: error });
    });
    await checkMagic(handle, file);
    const reader = await openRecordBatches(arrow, handle, file);
    const fields = reader.schema?.fields;
    if (!fields) throw new DataReadError('no Arrow schema in the file', { file, expected: ARROW_FILE });

    const names = fields.map((f) => f.name);
    const overrides = resolveOverrides(options.types, names, file);
    const plans = fields.map((f) => planColumn(arrow, f.name, f.type, overrides.get(f.name)));
    const columns: ColumnSchema[] = plans.map(({ name, type, sourceType, overridden }) => ({
      name,
      type,
      sourceType,
      overridden,
    }));

    const batchRows = Math.max(1, options.batchRows ?? 8192);
    const limit = options.limit === undefined ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(options.limit));
    let started = false;

    // A record batch has a child vector per schema field.
    const readPiece = (piece: RecordBatch): unknown[][] =>
      plans.map((plan, i) => plan.read(piece.getChildAt(i) as Vector));

    async function* batches(): AsyncIterableIterator<DataBatch> {
      if (started) throw new Error(`data reader for ${file} can be iterated once`);
      started = true;
      if (closed) throw new Error(`data reader for ${file} is closed`);
      const buffer = new BatchBuffer(names);
      let remaining = limit;
      try {
        if (remaining > 0) {
          for await (const recordBatch of reader) {
            // Slices of the record batch that fill the current batch, up to the limit.
            for (let begin = 0; begin < recordBatch.numRows && remaining > 0; ) {
              const rows = Math.min(recordBatch.numRows - begin, batchRows - buffer.rows, remaining);
              const whole = begin === 0 && rows === recordBatch.numRows;
              buffer.add(readPiece(whole ? recordBatch : recordBatch.slice(begin, begin + rows)), rows);
              begin += rows;
              remaining -= rows;
              if (buffer.rows >= batchRows) yield buffer.take();
            }
            if (remaining === 0) break;
          }
        }
        if (buffer.rows > 0) yield buffer.take();
      } catch (error) {
        throw arrowError(error, file, false);
      }
    }

    return { file, format: 'arrow', columns, batches, [Symbol.asyncIterator]: batches, close };
  } catch (error) {
    await close();
    throw error instanceof DataReadError ? error : new DataReadError(errorMessage(error), { file, cause: error });
  }
}
