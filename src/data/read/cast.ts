// Type overrides for readers that convert values in JS (Arrow IPC): a column's values, already in the
// JS form of their canonical type (numbers, epoch-ms numbers, strings, booleans, arrays), converted
// to the override the way DuckDB's TRY_CAST converts them for the other formats, so an override
// gives the same values whatever the file format (up to the text form of numbers and lists, and
// UTC offsets in timestamp text, which this applies and DuckDB ignores). Values that do not convert
// become null.
import type { ItemType } from '../../descriptors/vocabulary.js';

type Cast = (value: unknown) => unknown;

const INT64_LIMIT = 2 ** 63;
/** The largest epoch milliseconds a JS Date holds. */
const DATE_LIMIT = 8.64e15;
const TRUE_TEXT = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE_TEXT = new Set(['false', 'f', 'no', 'n', '0']);
// DuckDB's TIMESTAMP text: date, optional time with fraction, optional zone (Z, UTC or an offset).
const TIMESTAMP_TEXT =
  /^(\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(?: ?(?:Z|UTC|([+-]\d{2})(?::?(\d{2}))?))?$/i;

/** A number from text as DuckDB reads it: surrounding spaces allowed, empty or non-finite text is not. */
function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

/** Rounds half to even, as DuckDB casts a DOUBLE to an integer. */
function roundHalfEven(n: number): number {
  const rounded = Math.round(n);
  return (Math.abs(n % 1) === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded) || 0; // no -0
}

/** Rounds half away from zero, as DuckDB casts text with a fraction to an integer. */
function roundHalfAway(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n)) || 0;
}

function inInt64(n: number): number | null {
  return n >= -INT64_LIMIT && n < INT64_LIMIT ? n : null;
}

/**
 * Epoch milliseconds of a TIMESTAMP text (`2024-01-02`, `2024-01-02 03:04:05.5`, ISO 8601 with `T`
 * and a zone); null when it is not one or names an impossible date. A UTC offset is applied.
 */
function parseTimestamp(text: string): number | null {
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) return null;
  const part = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99
  date.setUTCHours(hour, minute, second, Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)));
  const exists =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  if (!exists) return null;
  const offsetSign = m[8]?.startsWith('-') ? -1 : 1;
  return date.getTime() - offsetSign * (Math.abs(part(8)) * 60 + part(9)) * 60_000;
}

/** Epoch milliseconds as DuckDB prints a TIMESTAMP: `2024-01-02 03:04:05`, `2024-01-02 03:04:05.5`. */
function formatTimestamp(ms: number): string | null {
  if (!(Math.abs(ms) <= DATE_LIMIT)) return null;
  const [, date, time, fraction] = /^(.+)T(\d\d:\d\d:\d\d)(\.\d+)Z$/.exec(new Date(ms).toISOString()) ?? [];
  return `${date} ${time}${(fraction ?? '').replace(/\.?0+$/, '')}`;
}

function toInteger(from: ItemType): Cast {
  if (from === 'float') return (v) => (typeof v === 'number' && Number.isFinite(v) ? inInt64(roundHalfEven(v)) : null);
  if (from === 'boolean') return (v) => (typeof v === 'boolean' ? Number(v) : null);
  if (from === 'string' || from === 'category') {
    return (v) => {
      const n = typeof v === 'string' ? parseNumber(v) : null;
      return n === null ? null : inInt64(roundHalfAway(n));
    };
  }
  return () => null;
}

function toFloat(from: ItemType): Cast {
  if (from === 'integer') return (v) => v;
  if (from === 'boolean') return (v) => (typeof v === 'boolean' ? Number(v) : null);
  if (from === 'string' || from === 'category') return (v) => (typeof v === 'string' ? parseNumber(v) : null);
  return () => null;
}

function toBoolean(from: ItemType): Cast {
  if (from === 'integer' || from === 'float')
    return (v) => (typeof v === 'number' && !Number.isNaN(v) ? v !== 0 : null);
  if (from === 'string' || from === 'category') {
    return (v) => {
      if (typeof v !== 'string') return null;
      const text = v.toLowerCase();
      return TRUE_TEXT.has(text) ? true : FALSE_TEXT.has(text) ? false : null;
    };
  }
  return () => null;
}

function toDatetime(from: ItemType): Cast {
  if (from === 'string' || from === 'category') return (v) => (typeof v === 'string' ? parseTimestamp(v) : null);
  return () => null;
}

function toText(from: ItemType): Cast {
  if (from === 'datetime') return (v) => (typeof v === 'number' ? formatTimestamp(v) : null);
  return (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
}

/**
 * The conversion of values of canonical type `from` to the override `to`, or undefined when the
 * values need none (the same type, or an override to tensor, image or other, which keep the values).
 */
export function castValues(from: ItemType, to: ItemType): Cast | undefined {
  if (from === to) return undefined;
  switch (to) {
    case 'integer':
      return toInteger(from);
    case 'float':
      return toFloat(from);
    case 'boolean':
      return toBoolean(from);
    case 'datetime':
      return toDatetime(from);
    case 'string':
    case 'category':
      return from === 'string' || from === 'category' ? undefined : toText(from);
    default:
      return undefined;
  }
}
