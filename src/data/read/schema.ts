// DuckDB types → the project's canonical item types, and the SQL that converts each column's values
// to plain JS values in DuckDB itself (fast, vectorised) rather than value by value in JS.
import type { DuckDBType } from '@duckdb/node-api';
import { type ItemType, itemTypes } from '../../descriptors/vocabulary.js';

export interface ColumnSchema {
  name: string;
  /** Canonical type: the user's override if any, else mapped from the DuckDB type. */
  type: ItemType;
  /** The DuckDB type as DuckDB prints it, e.g. `BIGINT`, `TIMESTAMP`, `VARCHAR`, `DOUBLE[]`. */
  sourceType: string;
  /** True when `type` comes from the user's override. */
  overridden: boolean;
}

/** How a column's values are fetched: plain vector values, or DuckDB's JS converter (nested types). */
export type ValueMode = 'plain' | 'js';

export interface ColumnPlan extends ColumnSchema {
  /** The SQL expression selecting the converted values. */
  sql: string;
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

/** The canonical type of a DuckDB type, `typeName` being its DuckDBTypeId name. */
export function canonicalType(type: DuckDBType, typeName: (t: DuckDBType) => string): ItemType {
  const name = typeName(type);
  if (name === 'BOOLEAN') return 'boolean';
  if (INTEGERS.has(name) || BIG_INTEGERS.has(name)) return 'integer';
  if (FLOATS.has(name) || name === 'DECIMAL') return 'float';
  if (name === 'VARCHAR' || name === 'UUID') return 'string';
  if (name === 'ENUM') return 'category';
  if (DATES.has(name) || name === 'TIMESTAMP_TZ') return 'datetime';
  if ((name === 'LIST' || name === 'ARRAY') && 'valueType' in type) {
    const inner = typeName(type.valueType);
    if (NUMERIC.has(inner) || inner === 'LIST' || inner === 'ARRAY') return 'tensor';
  }
  return 'other';
}

/** Normalises a user's type override (`cat`, `categorical`, `int64`, …) or throws with the choices. */
export function normalizeOverride(column: string, type: string): ItemType {
  const t = itemTypes.normalize(type);
  if (!t) throw new Error(`unknown type '${type}' for column '${column}': use one of ${itemTypes.values.join(', ')}`);
  return t;
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
  const source = typeName(type);
  const natural = canonicalType(type, typeName);
  const target = override ?? natural;
  const col = quoteIdent(name);
  const base = { name, type: target, sourceType: type.toString(), overridden: override !== undefined };
  const plain = (sql: string): ColumnPlan => ({ ...base, sql, mode: 'plain' });
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
      if (source === 'ENUM' || source === 'UUID' || source.startsWith('TIME')) return plain(`CAST(${col} AS VARCHAR)`);
      return { ...base, sql: col, mode: 'js' };
  }
}
