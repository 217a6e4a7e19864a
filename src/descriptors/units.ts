// Quantities with units. Descriptors hold text such as `16Gi`, `500m`, `250ms` or `120/min`; rules
// compare numbers in one base unit per dimension: bytes, CPU cores, milliseconds, events per second.
// A bare number keeps the unit TEC used for that field, so imported documents mean what they meant.

export type Dimension = 'bytes' | 'cpu' | 'duration' | 'rate';

export interface ParseResult {
  ok: boolean;
  value: number;
  /** What a valid value looks like, for error messages. */
  expected: string;
}

const BYTE_UNITS: Record<string, number> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 2 ** 10,
  kib: 2 ** 10,
  mi: 2 ** 20,
  mib: 2 ** 20,
  gi: 2 ** 30,
  gib: 2 ** 30,
  ti: 2 ** 40,
  tib: 2 ** 40,
};

const CPU_UNITS: Record<string, number> = {
  '': 1,
  m: 0.001,
  cpu: 1,
  cpus: 1,
  vcpu: 1,
  vcpus: 1,
  core: 1,
  cores: 1,
};

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1e3,
  sec: 1e3,
  secs: 1e3,
  second: 1e3,
  seconds: 1e3,
  m: 6e4,
  min: 6e4,
  mins: 6e4,
  minute: 6e4,
  minutes: 6e4,
  h: 3.6e6,
  hr: 3.6e6,
  hrs: 3.6e6,
  hour: 3.6e6,
  hours: 3.6e6,
  d: 8.64e7,
  day: 8.64e7,
  days: 8.64e7,
  w: 6.048e8,
  week: 6.048e8,
  weeks: 6.048e8,
  y: 3.1536e10,
  year: 3.1536e10,
  years: 3.1536e10,
};

const NUMBER_AND_UNIT = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([^\d\s].*)?$/i;

function split(text: string): { n: number; unit: string } | undefined {
  const m = NUMBER_AND_UNIT.exec(text.trim());
  if (!m?.[1]) return undefined;
  return { n: Number(m[1]), unit: (m[2] ?? '').trim().toLowerCase() };
}

const EXPECTED: Record<Dimension, string> = {
  bytes: 'a size such as 16Gi, 512MB or a bare number of GB',
  cpu: 'a CPU amount such as 2, 500m or 2 vCPU',
  duration: 'a duration such as 250ms, 2s or 1min',
  rate: 'a rate such as 50/s, 3000/min or 2 per hour',
};

function result(value: number | undefined, dim: Dimension): ParseResult {
  const ok = value !== undefined && Number.isFinite(value) && value >= 0;
  return { ok, value: ok ? value : Number.NaN, expected: EXPECTED[dim] };
}

/** Sizes in bytes. A bare number is gigabytes (TEC's unit for memory and storage). */
export function parseBytes(input: number | string): ParseResult {
  if (typeof input === 'number') return result(input * 1e9, 'bytes');
  const p = split(input);
  if (!p) return result(undefined, 'bytes');
  const f = p.unit === '' ? 1e9 : BYTE_UNITS[p.unit];
  return result(f === undefined ? undefined : p.n * f, 'bytes');
}

/** CPU in cores. `500m` is half a core (Kubernetes millicores). */
export function parseCpu(input: number | string): ParseResult {
  if (typeof input === 'number') return result(input, 'cpu');
  const p = split(input);
  if (!p) return result(undefined, 'cpu');
  const f = CPU_UNITS[p.unit];
  return result(f === undefined ? undefined : p.n * f, 'cpu');
}

/** Durations in milliseconds. A bare number is in `bareUnit` (milliseconds unless the field says otherwise). */
export function parseDuration(input: number | string, bareUnit = 'ms'): ParseResult {
  const bare = DURATION_UNITS[bareUnit] ?? 1;
  if (typeof input === 'number') return result(input * bare, 'duration');
  const p = split(input);
  if (!p) return result(undefined, 'duration');
  const f = p.unit === '' ? bare : DURATION_UNITS[p.unit];
  return result(f === undefined ? undefined : p.n * f, 'duration');
}

/** Rates in events per second: `50/s`, `3000/min`, `2 per hour`, `100 rps`; a bare number is per second. */
export function parseRate(input: number | string): ParseResult {
  if (typeof input === 'number') return result(input, 'rate');
  const text = input.trim().toLowerCase();
  const rps = /^(.*?)\s*(?:rps|qps|eps)$/.exec(text);
  if (rps?.[1]) {
    const n = split(rps[1]);
    return result(n && n.unit === '' ? n.n : undefined, 'rate');
  }
  const m = /^(.*?)\s*(?:\/|\bper\b)\s*(.+)$/.exec(text);
  if (!m?.[1] || !m[2]) {
    const n = split(text);
    return result(n && n.unit === '' ? n.n : undefined, 'rate');
  }
  const count = split(m[1].replace(/\b(?:events?|requests?|records?|rows?|messages?|calls?)\b/g, '').trim());
  const per = split(/^\d/.test(m[2]) ? m[2] : `1 ${m[2]}`);
  if (count?.unit !== '' || !count || !per) return result(undefined, 'rate');
  const ms = DURATION_UNITS[per.unit];
  return result(ms === undefined || per.n === 0 ? undefined : (count.n * 1000) / (per.n * ms), 'rate');
}

export const parsers: Record<Dimension, (input: number | string) => ParseResult> = {
  bytes: parseBytes,
  cpu: parseCpu,
  duration: (input) => parseDuration(input),
  rate: parseRate,
};

/** A number as messages write it: `digits` significant digits, no trailing zeros (`1.609`, `0.6214`, `100`). */
export function round(n: number, digits = 4): string {
  return Number.parseFloat(n.toPrecision(digits)).toString();
}

/** `17179869184` → `16 GiB`; decimal units when the value is a round decimal size. */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0 B';
  const binary = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  const decimal = ['B', 'KB', 'MB', 'GB', 'TB'];
  const pick = (base: number, names: string[]) => {
    let i = 0;
    let v = bytes;
    while (v >= base && i < names.length - 1) {
      v /= base;
      i++;
    }
    return { v, name: names[i] ?? 'B' };
  };
  const d = pick(1000, decimal);
  const b = pick(1024, binary);
  const best = Number.isInteger(d.v) && !Number.isInteger(b.v) ? d : b;
  return `${round(best.v)} ${best.name}`;
}

export function formatCpu(cores: number): string {
  if (cores < 1 && cores > 0) return `${round(cores * 1000)}m`;
  return `${round(cores)} ${cores === 1 ? 'core' : 'cores'}`;
}

export function formatDuration(ms: number): string {
  const steps: [number, string][] = [
    [8.64e7, 'd'],
    [3.6e6, 'h'],
    [6e4, 'min'],
    [1e3, 's'],
  ];
  for (const [size, name] of steps) if (ms >= size) return `${round(ms / size)}${name}`;
  return `${round(ms)}ms`;
}

export function formatRate(perSecond: number): string {
  if (perSecond >= 1) return `${round(perSecond)}/s`;
  if (perSecond * 60 >= 1) return `${round(perSecond * 60)}/min`;
  return `${round(perSecond * 3600)}/h`;
}
