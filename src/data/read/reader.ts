// Streaming readers for CSV/TSV, Parquet and JSON Lines files through DuckDB, and for Arrow IPC
// files through apache-arrow (arrow.ts), with the same canonical types and values.
//
// DuckDB (`@duckdb/node-api`) is loaded on first use only, never at CLI start. Rows stream out of
// DuckDB chunk by chunk (2,048 rows each) and are handed on in batches of column vectors, so a file
// larger than memory reads in constant memory. Values arrive as plain JS values:
//   integer  → number; BIGINT and wider go through DOUBLE, so magnitudes beyond 2^53 lose precision
//   float    → number (DECIMAL through DOUBLE)
//   datetime → number, milliseconds since 1970-01-01 UTC (DATE at midnight UTC; sub-ms truncated)
//   string, category → string;  boolean → boolean;  missing → null
//   tensor, other → DuckDB's JS conversion (lists → arrays, blobs → Uint8Array, structs → objects)
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection, DuckDBInstance, DuckDBType } from '@duckdb/node-api';
import { openArrow } from './arrow.js';
import { BatchBuffer } from './batches.js';
import { DataReadError, fromDuckDBError } from './errors.js';
import { type DataFormat, detectFormat } from './format.js';
import { lazyImport } from './load.js';
import {
  type ColumnPlan,
  type ColumnSchema,
  planColumn,
  quoteIdent,
  quoteLiteral,
  resolveOverrides,
} from './schema.js';

/** The file name that means standard input. */
export const STDIN = '-';
const STDIN_NAME = '<stdin>';

export interface ReadOptions {
  /** Overrides detection by extension: `csv`, `tsv`, `parquet`, `jsonl` or `arrow`. Stdin defaults to `jsonl`. */
  format?: DataFormat | string;
  /** Per-column canonical type overrides, e.g. `{ carrier: 'category' }` (from `--type col=category`). */
  types?: Record<string, string>;
  /** Rows per batch (at least; the last batch may be smaller). Default 8,192. */
  batchRows?: number;
  /** Read at most this many rows. */
  limit?: number;
  /** The stream to read when the file is `-` (default `process.stdin`). */
  stdin?: Readable;
  /**
   * After the last batch, check that DuckDB did not stop early on an error (its streaming results
   * end silently on a parse error, so a bad CSV row would otherwise just truncate the data). Costs
   * a second, count-only scan of CSV and JSON Lines (Parquet counts come from metadata). Default true.
   */
  verify?: boolean;
}

export interface DataSchema {
  /** The file as given (`<stdin>` for standard input). */
  file: string;
  format: DataFormat;
  columns: ColumnSchema[];
}

/** One batch of rows as column vectors, keyed by column name in schema order. */
export interface DataBatch {
  columns: Map<string, unknown[]>;
  rows: number;
}

export interface DataReader extends AsyncIterable<DataBatch>, DataSchema {
  /** Streams the rows; can be iterated once. */
  batches(): AsyncIterableIterator<DataBatch>;
  /** Frees DuckDB or the open Arrow file, and any temp file; safe to call more than once. */
  close(): Promise<void>;
}

const loadDuckDB = lazyImport('DuckDB (@duckdb/node-api)', () => import('@duckdb/node-api'));

function sourceSql(format: DuckFormat, path: string): string {
  const p = quoteLiteral(path);
  switch (format) {
    case 'csv':
      // An explicit delimiter makes DuckDB report a malformed row instead of falling back to one column.
      return `read_csv(${p}, delim=',')`;
    case 'tsv':
      return `read_csv(${p}, delim='\\t')`;
    case 'parquet':
      return `read_parquet(${p})`;
    case 'jsonl':
      return `read_json(${p}, format='newline_delimited')`;
  }
}

async function spoolStdin(input: Readable): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'dovetail-stdin-'));
  const path = join(dir, 'stdin.data');
  try {
    await pipeline(input, createWriteStream(path));
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new DataReadError(`cannot read standard input: ${(error as Error).message}`, {
      file: STDIN_NAME,
      cause: error,
    });
  }
  return { dir, path };
}

function toNumbers(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toNumbers);
  return value;
}

/**
 * A data file opened in DuckDB: its schema, the SQL that reads it, and the plan that converts each
 * column. `openData` streams rows from it; profiling aggregates in DuckDB itself.
 */
export interface DuckSource extends DataSchema {
  duck: typeof import('@duckdb/node-api');
  conn: DuckDBConnection;
  /** The table function reading the file, e.g. `read_parquet('f.parquet')`. */
  sql: string;
  plans: ColumnPlan[];
  close(): Promise<void>;
}

interface Input {
  /** The file as shown in messages (`<stdin>` for standard input). */
  display: string;
  format: DataFormat;
  /** The path to read (a temp file for standard input). */
  path: string;
  /** Removes the temp file, if any. */
  removeTemp(): Promise<void>;
}

/** The format of a file, or of standard input (`-`, JSON Lines unless `options.format` says otherwise). */
function formatOf(file: string, options: ReadOptions): DataFormat {
  return file === STDIN ? detectFormat(STDIN_NAME, options.format ?? 'jsonl') : detectFormat(file, options.format);
}

/** True when the file is read through DuckDB: every format but Arrow IPC. */
export function readsThroughDuckDB(file: string, options: ReadOptions = {}): boolean {
  return formatOf(file, options) !== 'arrow';
}

/** Checks the file exists (or spools standard input) and decides its format. */
async function prepareInput(file: string, options: ReadOptions): Promise<Input> {
  const isStdin = file === STDIN;
  const display = isStdin ? STDIN_NAME : file;
  const format = formatOf(file, options);
  let tempDir: string | undefined;
  let path = file;
  if (isStdin) {
    const spooled = await spoolStdin(options.stdin ?? process.stdin);
    tempDir = spooled.dir;
    path = spooled.path;
  } else {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ENOENT' ? 'file not found' : `cannot open file: ${error.message}`;
      throw new DataReadError(reason, { file, cause: error });
    });
    if (!info.isFile()) throw new DataReadError('not a file', { file });
  }
  const removeTemp = async (): Promise<void> => {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
  return { display, format, path, removeTemp };
}

type DuckFormat = Exclude<DataFormat, 'arrow'>;

/** True when the file is read through DuckDB (all formats but Arrow IPC). */
function throughDuckDB(input: Input): input is Input & { format: DuckFormat } {
  return input.format !== 'arrow';
}

/**
 * Opens a CSV, TSV, Parquet or JSON Lines file (or `-` for standard input, spooled to a temp file) in
 * DuckDB and reads its schema. Throws DataReadError for a missing file, an unknown extension, an
 * Arrow file (read by `openData`), an unknown override column or type, and anything DuckDB cannot read.
 */
export async function openSource(file: string, options: ReadOptions = {}): Promise<DuckSource> {
  const input = await prepareInput(file, options);
  if (!throughDuckDB(input)) {
    await input.removeTemp();
    throw new DataReadError('Arrow IPC files are read row batch by row batch, not through DuckDB', {
      file: input.display,
    });
  }
  return openDuck(input, options);
}

async function openDuck(input: Input & { format: DuckFormat }, options: ReadOptions): Promise<DuckSource> {
  const { display, format, path, removeTemp } = input;
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    connection?.closeSync();
    instance?.closeSync();
    await removeTemp();
  };

  try {
    const duck = await loadDuckDB(display);
    instance = await duck.DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    const conn = connection;
    const source = sourceSql(format, path);
    const typeName = (t: DuckDBType): string => duck.DuckDBTypeId[t.typeId];

    let names: string[];
    let types: DuckDBType[];
    try {
      const probe = await conn.stream(`SELECT * FROM ${source} LIMIT 0`);
      names = probe.columnNames();
      types = probe.columnTypes();
    } catch (error) {
      throw fromDuckDBError(error, display);
    }

    const overrides = resolveOverrides(options.types, names, display);
    const plans: ColumnPlan[] = names.map((name, i) =>
      planColumn(name, types[i] as DuckDBType, typeName, overrides.get(name)),
    );
    const columns: ColumnSchema[] = plans.map(({ name, type, sourceType, overridden }) => ({
      name,
      type,
      sourceType,
      overridden,
    }));
    return { file: display, format, columns, duck, conn, sql: source, plans, close };
  } catch (error) {
    await close();
    throw error instanceof DataReadError ? error : fromDuckDBError(error, display);
  }
}

/**
 * Opens a data file (or `-` for standard input) and reads its schema; rows stream from `batches()`.
 * Errors as `openSource`; row errors surface while iterating.
 */
export async function openData(file: string, options: ReadOptions = {}): Promise<DataReader> {
  const input = await prepareInput(file, options);
  if (!throughDuckDB(input)) return openArrow(input.path, input.display, options, input.removeTemp);
  const { file: display, format, columns, duck, conn, sql: source, plans, close } = await openDuck(input, options);
  let closed = false;
  const closeOnce = async (): Promise<void> => {
    closed = true;
    await close();
  };
  try {
    const batchRows = Math.max(1, options.batchRows ?? 8192);
    const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    let started = false;

    async function* batches(): AsyncIterableIterator<DataBatch> {
      if (started) throw new Error(`data reader for ${display} can be iterated once`);
      started = true;
      if (closed) throw new Error(`data reader for ${display} is closed`);
      const select = plans.map((p) => `${p.sql} AS ${quoteIdent(p.name)}`).join(', ');
      let total = 0;
      const buffer = new BatchBuffer(plans.map((p) => p.name));
      try {
        const result = await conn.stream(`SELECT ${select} FROM ${source}${limit}`);
        for (;;) {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) break;
          const values = plans.map((plan, i) =>
            plan.mode === 'plain'
              ? (chunk.getColumnValues(i) as unknown[])
              : chunk.convertColumnValues(i, duck.JSDuckDBValueConverter).map(toNumbers),
          );
          buffer.add(values, chunk.rowCount);
          total += chunk.rowCount;
          if (buffer.rows >= batchRows) yield buffer.take();
        }
        if (buffer.rows > 0) yield buffer.take();
        if (options.verify !== false) {
          const check = await conn.run(`SELECT count(*) AS n FROM (SELECT 1 FROM ${source}${limit})`);
          const expected = Number((await check.getRows())[0]?.[0]);
          if (expected !== total) {
            throw new DataReadError(`reading stopped after ${total} of ${expected} rows`, { file: display });
          }
        }
      } catch (error) {
        throw fromDuckDBError(error, display);
      }
    }

    return {
      file: display,
      format,
      columns,
      batches,
      [Symbol.asyncIterator]: batches,
      close: closeOnce,
    };
  } catch (error) {
    await close();
    throw error instanceof DataReadError ? error : fromDuckDBError(error, display);
  }
}

/** The schema of a data file: column names, canonical types (after overrides) and source types. */
export async function readSchema(file: string, options: ReadOptions = {}): Promise<DataSchema> {
  const reader = await openData(file, options);
  try {
    return { file: reader.file, format: reader.format, columns: reader.columns };
  } finally {
    await reader.close();
  }
}

/** Opens, streams every batch and closes, even when the caller stops early. */
export async function* readData(file: string, options: ReadOptions = {}): AsyncGenerator<DataBatch> {
  const reader = await openData(file, options);
  try {
    yield* reader.batches();
  } finally {
    await reader.close();
  }
}
