// Leaf codecs: how single TEC values become Dovetail values and back. Reading is lenient, because
// TEC's forms store what the browser gave them: "" for a cleared number, numbers as text, null for
// NaN. Blanks become absent fields; text that holds a number becomes the number, with a warning.

import { describe, isObject } from '../json.js';
import { formatDuration, formatRate, parseBytes, parseCpu, parseDuration, parseRate } from '../units.js';
import { type At, type Codec, Unreadable } from './codec.js';

export function blankText(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function blankNumber(value: unknown): boolean {
  return blankText(value) || value === 0 || (typeof value === 'number' && Number.isNaN(value));
}

const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** Reads text; numbers and booleans are turned into text with a warning. */
export function readText(value: unknown, where: At): string | undefined | Unreadable {
  if (blankText(value)) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
    where.reader.warn(where.tec, `expected text, found ${describe(value)}; read as "${String(value)}"`);
    return String(value);
  }
  return new Unreadable(`expected text, found ${describe(value)}`);
}

export const text: Codec = {
  read: readText,
  write: (value) => (value === undefined ? '' : String(value)),
  check: (raw) => raw,
  blank: blankText,
  accepts: (v) => typeof v === 'string',
};

/** Names and references: leading and trailing spaces are not part of a name. */
export const identifier: Codec = {
  ...text,
  read(value, where) {
    const r = readText(value, where);
    if (typeof r !== 'string' || r === r.trim()) return r;
    where.reader.warn(where.tec, `spaces around ${JSON.stringify(r)} removed`);
    return r.trim();
  },
};

/** Dovetail versions are text; YAML may give numbers. */
export const versionText: Codec = { ...text, check: (raw) => (raw === undefined ? raw : String(raw)) };

/** Reads a number; numeric text is accepted with a warning. */
export function readNumber(value: unknown, where: At, zeroIsBlank = false): number | undefined | Unreadable {
  if (blankText(value)) return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return zeroIsBlank && value === 0 ? undefined : value;
  }
  if (typeof value === 'string' && NUMERIC.test(value.trim())) {
    const n = Number(value.trim());
    if (zeroIsBlank && n === 0) return undefined;
    where.reader.warn(where.tec, `number stored as text (${JSON.stringify(value)}); read as ${n}`);
    return n;
  }
  return new Unreadable(`expected a number, found ${describe(value)}`);
}

/** A number; TEC writes 0 where nothing was filled in. `zeroIsBlank` where 0 can only mean that. */
export function number(options: { integer?: boolean; zeroIsBlank?: boolean } = {}): Codec {
  return {
    read: (value, where) => readNumber(value, where, options.zeroIsBlank),
    write: (value) => (typeof value === 'number' ? value : 0),
    check: (raw) => raw,
    blank: blankNumber,
    accepts: (v) => typeof v === 'number' && Number.isFinite(v) && (!options.integer || Number.isInteger(v)),
  };
}

export const boolean: Codec = {
  read(value, where) {
    if (typeof value === 'boolean') return value;
    if (blankText(value)) return undefined;
    const s = String(value).trim().toLowerCase();
    const b = ['true', 'yes', '1'].includes(s) ? true : ['false', 'no', '0'].includes(s) ? false : undefined;
    if (b === undefined) return new Unreadable(`expected true or false, found ${describe(value)}`);
    where.reader.warn(where.tec, `expected true or false, found ${describe(value)}; read as ${b}`);
    return b;
  },
  write: (value) => value === true,
  check: (raw) => raw,
  blank: (v) => v === false || blankText(v),
  accepts: (v) => typeof v === 'boolean',
};

/** Dates: TEC never checks the format; Dovetail wants YYYY-MM-DD. */
export const date: Codec = {
  read(value, where) {
    const r = readText(value, where);
    if (typeof r !== 'string') return r;
    const s = r.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
    if (/^\d{4}-\d{2}-\d{2}[T ]/.test(s) && !Number.isNaN(Date.parse(s))) {
      where.reader.warn(where.tec, `date and time ${JSON.stringify(s)}; read as the date ${s.slice(0, 10)}`);
      return s.slice(0, 10);
    }
    return new Unreadable(`not a date written YYYY-MM-DD: ${JSON.stringify(s)}`);
  },
  write: (value) => (value === undefined ? '' : String(value)),
  check: (raw) => (raw instanceof Date ? raw.toISOString().slice(0, 10) : raw),
  blank: blankText,
  accepts: (v) => typeof v === 'string',
};

/** Reads a number that may carry a unit when given as text ("16GB"); Dovetail parses the text. */
function quantity(parse: (v: number | string) => { ok: boolean; value: number }, unitText: string): Codec['read'] {
  return (value, where) => {
    if (typeof value === 'string' && !NUMERIC.test(value.trim()) && !blankText(value)) {
      if (!parse(value).ok) return new Unreadable(`expected a number (${unitText}), found ${describe(value)}`);
      where.reader.warn(where.tec, `text in a number field (${JSON.stringify(value)}); kept with its unit`);
      return value.trim();
    }
    return readNumber(value, where);
  };
}

function round(n: number): number {
  return Number.parseFloat(n.toPrecision(12));
}

/** Memory and storage: TEC numbers are GB; Dovetail holds bytes once validated, a bare number is GB. */
export const gigabytes: Codec = {
  read: quantity(parseBytes, 'GB'),
  write: (value) => (typeof value === 'number' ? round(value / 1e9) : 0),
  check: (raw) => (typeof raw === 'number' || typeof raw === 'string' ? parseBytes(raw).value : raw),
  blank: blankNumber,
  accepts: (v) => typeof v === 'number' && Number.isFinite(v),
};

/**
 * CPUs: TEC counts whole CPUs. A fraction of a core is rounded up for what a model needs and down
 * for what an environment has, so TEC's comparison stays on the safe side.
 */
export function cpus(rounding: 'up' | 'down'): Codec {
  return {
    read: quantity(parseCpu, 'CPUs'),
    write: (value) => (typeof value === 'number' ? (rounding === 'up' ? Math.ceil(value) : Math.floor(value)) : 0),
    check: (raw) => (typeof raw === 'number' || typeof raw === 'string' ? parseCpu(raw).value : raw),
    blank: blankNumber,
    accepts: (v) => typeof v === 'number' && Number.isInteger(v),
  };
}

/** GPUs: TEC has a count; Dovetail may add the memory and model of each GPU. */
export const gpus: Codec = {
  read: (value, where) => readNumber(value, where),
  write(value) {
    if (typeof value === 'number') return value;
    return isObject(value) && typeof value.count === 'number' ? value.count : 0;
  },
  check(raw) {
    if (typeof raw === 'number') return { count: raw };
    if (!isObject(raw)) return raw;
    const memory =
      typeof raw.memory === 'number' || typeof raw.memory === 'string' ? parseBytes(raw.memory).value : raw.memory;
    return { ...raw, ...(raw.memory === undefined ? {} : { memory }) };
  },
  blank: blankNumber,
  accepts: (v) => typeof v === 'number' && Number.isInteger(v),
};

const TEC_TIME_UNITS = [
  { label: 'Hours', ms: 3.6e6, suffix: 'h' },
  { label: 'Minutes', ms: 6e4, suffix: 'min' },
  { label: 'Seconds', ms: 1e3, suffix: 's' },
  { label: 'Milliseconds', ms: 1, suffix: 'ms' },
] as const;

/**
 * TEC `{time, unit}` ⇄ a Dovetail duration ("250ms", "2s"). TEC's time is an integer, so the writer
 * takes the largest unit that keeps it whole. A time of 0 is TEC's "not filled in".
 */
export const timeWithUnit: Codec = {
  read(value, where) {
    if (blankText(value)) return undefined;
    if (!isObject(value)) return new Unreadable(`expected {time, unit}, found ${describe(value)}`);
    const time = readNumber(value.time, { ...where, tec: [...where.tec, 'time'] }, true);
    if (time instanceof Unreadable) return time;
    if (time === undefined) return undefined;
    const unit = typeof value.unit === 'string' ? value.unit.trim() : '';
    if (unit === '') {
      where.reader.warn([...where.tec, 'unit'], `no unit for time ${time}; read as milliseconds, as TEC does`);
      return `${time}ms`;
    }
    const known = TEC_TIME_UNITS.find((u) => u.label.toLowerCase() === unit.toLowerCase());
    if (known) return `${time}${known.suffix}`;
    const text = `${time} ${unit}`;
    if (!parseDuration(text).ok) return new Unreadable(`unknown time unit ${JSON.stringify(unit)}`);
    where.reader.warn(
      [...where.tec, 'unit'],
      `time unit ${JSON.stringify(unit)} is not one of TEC's; read as "${text}"`,
    );
    return text;
  },
  write(value) {
    if (typeof value !== 'number') return { time: 0, unit: 'Milliseconds' };
    const unit = TEC_TIME_UNITS.find((u) => value > 0 && value % u.ms === 0) ?? TEC_TIME_UNITS[3];
    return { time: Math.round(value / unit.ms), unit: unit.label };
  },
  check: (raw) => (typeof raw === 'number' || typeof raw === 'string' ? parseDuration(raw).value : raw),
  blank: (v) => blankText(v) || (isObject(v) && blankNumber(v.time) && blankText(v.unit)),
  accepts: (v) => isObject(v) && Number.isInteger(v.time) && TEC_TIME_UNITS.some((u) => u.label === v.unit),
};

/** A duration TEC keeps as free text (log history): kept as written when it parses; bare numbers are days. */
export const durationText: Codec = {
  read(value, where) {
    if (typeof value === 'number') return readNumber(value, where);
    const r = readText(value, where);
    if (typeof r !== 'string') return r;
    const s = r.trim();
    if (!parseDuration(s, 'd').ok) return new Unreadable(`not a duration Dovetail understands: ${JSON.stringify(s)}`);
    return s;
  },
  write(value, raw) {
    if (typeof value !== 'number') return '';
    if ((typeof raw === 'string' || typeof raw === 'number') && parseDuration(raw, 'd').value === value)
      return String(raw);
    return formatDuration(value);
  },
  check: (raw) => (typeof raw === 'number' || typeof raw === 'string' ? parseDuration(raw, 'd').value : raw),
  blank: blankText,
  accepts: (v) => typeof v === 'string',
};

/** Rates are free text in TEC; the writer keeps the user's text when it still says the same. */
export function writeRate(value: unknown, raw: unknown): string {
  if (typeof value !== 'number') return '';
  if (typeof raw === 'string' && parseRate(raw).value === value) return raw;
  return formatRate(value);
}

/** Statistic values are text in TEC; Dovetail wants numbers where they are numbers. */
export const statisticValue: Codec = {
  read(value, where) {
    if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
    const r = readText(value, where);
    if (typeof r !== 'string') return r;
    return NUMERIC.test(r.trim()) ? Number(r.trim()) : r;
  },
  write: (value) => (value === undefined ? '' : String(value)),
  check: (raw) => raw,
  blank: blankText,
  accepts: (v) => typeof v === 'string',
};

/** One string in TEC, a list in Dovetail (production data sources). */
export const textAsList: Codec = {
  read(value, where) {
    if (Array.isArray(value)) {
      const items = value.filter((v) => !blankText(v)).map(String);
      return items.length > 0 ? items : undefined;
    }
    const r = readText(value, where);
    return typeof r === 'string' ? [r] : r;
  },
  write: (value) => (Array.isArray(value) ? value.join('; ') : ''),
  check: (raw) => raw,
  blank: (v) => blankText(v) || (Array.isArray(v) && v.every(blankText)),
  accepts: (v) => typeof v === 'string',
};

/** TEC's image format is "", JPG or PNG; Dovetail takes any format name. */
export const imageFormat: Codec = {
  read: readText,
  write(value) {
    const s = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return s === 'jpg' || s === 'jpeg' ? 'JPG' : s === 'png' ? 'PNG' : '';
  },
  check: (raw) => raw,
  blank: blankText,
  accepts: (v) => v === '' || v === 'JPG' || v === 'PNG',
};
