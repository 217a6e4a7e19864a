// Column types → the project's canonical item types, and the SQL that converts each column's values
// to plain JS values in DuckDB itself (fast, vectorised) rather than value by value in JS.
// Every reader names its column types as DuckDB does (the Arrow reader maps Arrow types to the
// DuckDB types DuckDB's Arrow scan gives them), so one mapping decides the canonical type.
import type { DuckDBType } from '@duckdb/node-api';
import { type ItemType, itemTypes } from '../../descriptors/vocabulary.js';
import { DataReadError } from './errors.js';

export interface ColumnSchema {
  name: string;
  /** Canonical type: the user's override if any, else mapped from the DuckDB type. */
  type: ItemType;
  /**
   * The type as the file's reader prints it: DuckDB's (`BIGINT`, `TIMESTAMP`, `VARCHAR`, `DOUBLE[]`)
   * or, for Arrow IPC files, Arrow's (`Int64`, `Timestamp<MICROSECOND, UTC>`, `Dictionary<Int32, Utf8>`).
   */
  sourceType: string;
  /** True when `type` comes from the user's override. */
  overridden: boolean;
}

/** How a column's values are fetched: plain vector values, or DuckDB's JS converter (nested types). */
export type ValueMode = 'plain' | 'js';

export interface ColumnPlan extends ColumnSchema {
  /** The SQL expression selecting the converted values. */
  sql: string;
  /** The same conversion applied to another expression holding the column's stored values. */
  convert(expr: string): string;
  mode: ValueMode;
}

// DuckDBTypeId names (the enum is loaded with the module, so this file matches on names).
const INTEGERS = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT', 'UINTEGER']);
const BIG_INTEGERS = new Set(['BIGINT', 'UBIGINT', 'HUGEINT', 'UHUGEINT', 'BIGNUM']);
const FLOATS = new Set(['FLOAT', 'DOUBLE']);
const DATES = new Set(['DATE', 'TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS']);
const NUMERIC = new Set([...INTEGERS, ...BIG_INTEGERS, ...FLOATS, 'DECIMAL']);

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The canonical type of a column by its DuckDBTypeId name (`BIGINT`, `LIST`, …); `elementName` is
 * the element type's name for a LIST or ARRAY.
 */
export function canonicalTypeOf(name: string, elementName?: string): ItemType {
  if (name === 'BOOLEAN') return 'boolean';
  if (INTEGERS.has(name) || BIG_INTEGERS.has(name)) return 'integer';
  if (FLOATS.has(name) || name === 'DECIMAL') return 'float';
  if (name === 'VARCHAR' || name === 'UUID') return 'string';
  if (name === 'ENUM') return 'category';
  if (DATES.has(name) || name === 'TIMESTAMP_TZ') return 'datetime';
  if ((name === 'LIST' || name === 'ARRAY') && elementName !== undefined) {
    if (NUMERIC.has(elementName) || elementName === 'LIST' || elementName === 'ARRAY') return 'tensor';
  }
  return 'other';
}

/** The canonical type of a DuckDB type, `typeName` being its DuckDBTypeId name. */
export function canonicalType(type: DuckDBType, typeName: (t: DuckDBType) => string): ItemType {
  return canonicalTypeOf(typeName(type), 'valueType' in type ? typeName(type.valueType) : undefined);
}

/** Normalises a user's type override (`cat`, `categorical`, `int64`, …) or throws with the choices. */
function normalizeOverride(column: string, type: string): ItemType {
  const t = itemTypes.normalize(type);
  if (!t) throw new Error(`unknown type '${type}' for column '${column}': use one of ${itemTypes.values.join(', ')}`);
  return t;
}

/**
 * The user's type overrides by column, normalised; throws DataReadError naming `file` for a column
 * the file does not have or an unknown type.
 */
export function resolveOverrides(
  types: Record<string, string> | undefined,
  columns: readonly string[],
  file: string,
): Map<string, ItemType> {
  const overrides = new Map<string, ItemType>();
  for (const [column, type] of Object.entries(types ?? {})) {
    if (!columns.includes(column)) {
      throw new DataReadError(`no column '${column}' to override`, { file, expected: `one of ${columns.join(', ')}` });
    }
    try {
      overrides.set(column, normalizeOverride(column, type));
    } catch (error) {
      throw new DataReadError((error as Error).message, { file });
    }
  }
  return overrides;
}

/**
 * The SQL and fetch mode that deliver a column as `type`:
 * integers and floats as JS numbers (BIGINT and wider through DOUBLE, so beyond 2^53 they lose
 * precision), datetimes as epoch milliseconds (UTC), strings and categories as JS strings,
 * booleans as booleans, nulls as null. An override to a type the column is not stored as uses
 * TRY_CAST, so values that do not convert become null.
 */
export function planColumn(
  name: string,
  type: DuckDBType,
  typeName: (t: DuckDBType) => string,
  override?: ItemType,
): ColumnPlan {
  const target = override ?? canonicalType(type, typeName);
  const convert = conversion(typeName(type), target);
  return {
    name,
    type: target,
    sourceType: type.toString(),
    overridden: override !== undefined,
    sql: convert(quoteIdent(name)).sql,
    convert: (expr) => convert(expr).sql,
    mode: convert('').mode,
  };
}

/** The conversion of a `source`-typed SQL expression to `target`, as SQL plus fetch mode. */
function conversion(source: string, target: ItemType): (col: string) => { sql: string; mode: ValueMode } {
  const plain = (sql: string) => ({ sql, mode: 'plain' as const });
  return (col) => {
    switch (target) {
      case 'boolean':
        return plain(source === 'BOOLEAN' ? col : `TRY_CAST(${col} AS BOOLEAN)`);
      case 'integer':
        if (INTEGERS.has(source)) return plain(col);
        if (BIG_INTEGERS.has(source)) return plain(`CAST(${col} AS DOUBLE)`);
        return plain(`CAST(TRY_CAST(${col} AS BIGINT) AS DOUBLE)`);
      case 'float':
        return plain(FLOATS.has(source) ? col : `TRY_CAST(${col} AS DOUBLE)`);
      case 'string':
      case 'category':
        return plain(source === 'VARCHAR' ? col : `CAST(${col} AS VARCHAR)`);
      case 'datetime':
        if (source === 'TIMESTAMP_TZ') return plain(`CAST(epoch_ms(${col}) AS DOUBLE)`);
        if (DATES.has(source)) return plain(`CAST(epoch_ms(CAST(${col} AS TIMESTAMP)) AS DOUBLE)`);
        return plain(`CAST(epoch_ms(TRY_CAST(${col} AS TIMESTAMP)) AS DOUBLE)`);
      default:
        // tensor, image, other: keep DuckDB's structure, converted to JS values (lists → arrays,
        // blobs → Uint8Array, structs → objects); plain scalars that land here stay as they are.
        if (source === 'BOOLEAN' || INTEGERS.has(source) || FLOATS.has(source) || source === 'VARCHAR') {
          return plain(col);
        }
        if (BIG_INTEGERS.has(source) || source === 'DECIMAL') return plain(`CAST(${col} AS DOUBLE)`);
        if (DATES.has(source)) return plain(`CAST(epoch_ms(CAST(${col} AS TIMESTAMP)) AS DOUBLE)`);
        if (source === 'TIMESTAMP_TZ') return plain(`CAST(epoch_ms(${col}) AS DOUBLE)`);
        if (source === 'ENUM' || source === 'UUID' || source.startsWith('TIME'))
          return plain(`CAST(${col} AS VARCHAR)`);
        return { sql: col, mode: 'js' };
    }
  };
}
