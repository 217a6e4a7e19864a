// Streaming readers for CSV/TSV, Parquet, JSON Lines and Arrow IPC files, through DuckDB.
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
import type { ItemType } from '../../descriptors/vocabulary.js';
import { DataReadError, fromDuckDBError } from './errors.js';
import { type DataFormat, detectFormat } from './format.js';
import {
  type ColumnPlan,
  type ColumnSchema,
  normalizeOverride,
  planColumn,
  quoteIdent,
  quoteLiteral,
} from './schema.js';

type DuckModule = typeof import('@duckdb/node-api');

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
  /** Frees DuckDB and any temp file; safe to call more than once. */
  close(): Promise<void>;
}

let duckModule: Promise<DuckModule> | undefined;

async function loadDuckDB(file: string): Promise<DuckModule> {
  duckModule ??= import('@duckdb/node-api');
  try {
    return await duckModule;
  } catch (error) {
    duckModule = undefined;
    throw new DataReadError(`cannot load DuckDB (@duckdb/node-api): ${(error as Error).message}`, {
      file,
      cause: error,
    });
  }
}

function sourceSql(format: DataFormat, path: string): string {
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
    case 'arrow':
      return `read_arrow(${p})`;
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
 * Opens a data file (or `-` for standard input, spooled to a temp file) and reads its schema.
 * Throws DataReadError for a missing file, an unknown extension, an unknown override column or
 * type, and anything DuckDB cannot read; row errors surface while iterating.
 */
export async function openData(file: string, options: ReadOptions = {}): Promise<DataReader> {
  const isStdin = file === STDIN;
  const display = isStdin ? STDIN_NAME : file;
  const format = isStdin ? detectFormat(display, options.format ?? 'jsonl') : detectFormat(file, options.format);

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

  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    connection?.closeSync();
    instance?.closeSync();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };

  try {
    const duck = await loadDuckDB(display);
    instance = await duck.DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    const conn = connection;
    if (format === 'arrow') {
      await conn.run('LOAD nanoarrow').catch((error: unknown) => {
        throw new DataReadError(
          "reading Arrow IPC needs DuckDB's nanoarrow extension, which is not installed on this machine",
          { file: display, expected: 'a CSV, TSV, Parquet or JSON Lines file', cause: error },
        );
      });
    }
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

    const overrides = new Map<string, ItemType>();
    for (const [column, type] of Object.entries(options.types ?? {})) {
      if (!names.includes(column)) {
        throw new DataReadError(`no column '${column}' to override`, {
          file: display,
          expected: `one of ${names.join(', ')}`,
        });
      }
      try {
        overrides.set(column, normalizeOverride(column, type));
      } catch (error) {
        throw new DataReadError((error as Error).message, { file: display });
      }
    }
    const plans: ColumnPlan[] = names.map((name, i) =>
      planColumn(name, types[i] as DuckDBType, typeName, overrides.get(name)),
    );
    const columns: ColumnSchema[] = plans.map(({ name, type, sourceType, overridden }) => ({
      name,
      type,
      sourceType,
      overridden,
    }));

    const batchRows = Math.max(1, options.batchRows ?? 8192);
    const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    let started = false;

    async function* batches(): AsyncIterableIterator<DataBatch> {
      if (started) throw new Error(`data reader for ${display} can be iterated once`);
      started = true;
      if (closed) throw new Error(`data reader for ${display} is closed`);
      const select = plans.map((p) => `${p.sql} AS ${quoteIdent(p.name)}`).join(', ');
      let total = 0;
      // Per column, the chunks' value arrays since the last batch, joined once when the batch is cut.
      let pending: unknown[][][] = plans.map(() => []);
      let buffered = 0;
      const join = (parts: unknown[][]): unknown[] => {
        if (parts.length === 1) return parts[0] as unknown[];
        const out = new Array<unknown>(buffered);
        let at = 0;
        for (const part of parts) for (let j = 0; j < part.length; j++) out[at++] = part[j];
        return out;
      };
      const flush = (): DataBatch => {
        const batch = { columns: new Map(plans.map((p, i) => [p.name, join(pending[i] ?? [])])), rows: buffered };
        pending = plans.map(() => []);
        buffered = 0;
        return batch;
      };
      try {
        const result = await conn.stream(`SELECT ${select} FROM ${source}${limit}`);
        for (;;) {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) break;
          for (let i = 0; i < plans.length; i++) {
            const values =
              plans[i]?.mode === 'plain'
                ? (chunk.getColumnValues(i) as unknown[])
                : chunk.convertColumnValues(i, duck.JSDuckDBValueConverter).map(toNumbers);
            pending[i]?.push(values);
          }
          buffered += chunk.rowCount;
          total += chunk.rowCount;
          if (buffered >= batchRows) yield flush();
        }
        if (buffered > 0) yield flush();
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
      close,
    };
  } catch (error) {
    await close();
    throw error instanceof DataReadError ? error : fromDuckDBError(error, display);
  }
}

/** The schema of a data file: column names, canonical types (after overrides) and DuckDB types. */
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
