// Units of measure as people write them in item and field `unit`s: `km`, `kilometres`, `miles`, `°C`,
// `%`, `USD`. Two spellings of one unit are one unit; two units of one quantity (km and miles) need a
// conversion whose factor a message can give; units nobody listed here are compared as words. One
// table and one comparison for every rule that compares units (api, data-schema, data-distribution).
import { round } from '../descriptors/units.js';
import { squash } from '../descriptors/vocabulary.js';

interface Unit {
  quantity: string;
  /** Size in the quantity's base unit; absent where conversion is not a factor (°C/°F, currencies). */
  size?: number;
  /** How messages write one of it, when not as the unit's symbol: `1 mile = 1.609 km`. */
  one?: string;
  synonyms: string[];
}

/** By the symbol messages write (`1 km = 0.6214 miles`). */
const UNITS: Record<string, Unit> = {
  mm: { quantity: 'length', size: 0.001, synonyms: ['millimeter', 'millimeters', 'millimetre', 'millimetres'] },
  cm: { quantity: 'length', size: 0.01, synonyms: ['centimeter', 'centimeters', 'centimetre', 'centimetres'] },
  m: { quantity: 'length', size: 1, synonyms: ['meter', 'meters', 'metre', 'metres'] },
  km: { quantity: 'length', size: 1000, synonyms: ['kilometer', 'kilometers', 'kilometre', 'kilometres', 'kms'] },
  in: { quantity: 'length', size: 0.0254, synonyms: ['inch', 'inches'] },
  ft: { quantity: 'length', size: 0.3048, synonyms: ['foot', 'feet'] },
  yd: { quantity: 'length', size: 0.9144, synonyms: ['yard', 'yards'] },
  miles: {
    quantity: 'length',
    size: 1609.344,
    one: 'mile',
    synonyms: ['mi', 'mile', 'statute mile', 'statute miles'],
  },
  'nautical miles': {
    quantity: 'length',
    size: 1852,
    one: 'nautical mile',
    synonyms: ['nmi', 'nautical mile'],
  },
  ns: { quantity: 'duration', size: 1e-9, synonyms: ['nanosecond', 'nanoseconds'] },
  µs: { quantity: 'duration', size: 1e-6, synonyms: ['μs', 'us', 'microsecond', 'microseconds'] },
  ms: { quantity: 'duration', size: 0.001, synonyms: ['msec', 'millisecond', 'milliseconds'] },
  s: { quantity: 'duration', size: 1, synonyms: ['sec', 'secs', 'second', 'seconds'] },
  min: { quantity: 'duration', size: 60, synonyms: ['mins', 'minute', 'minutes'] },
  h: { quantity: 'duration', size: 3600, synonyms: ['hr', 'hrs', 'hour', 'hours'] },
  days: { quantity: 'duration', size: 86_400, one: 'day', synonyms: ['d', 'day'] },
  mg: { quantity: 'mass', size: 0.001, synonyms: ['milligram', 'milligrams'] },
  g: { quantity: 'mass', size: 1, synonyms: ['gram', 'grams'] },
  kg: { quantity: 'mass', size: 1000, synonyms: ['kilogram', 'kilograms', 'kilo', 'kilos'] },
  t: { quantity: 'mass', size: 1e6, synonyms: ['tonne', 'tonnes', 'metric ton', 'metric tons'] },
  lb: { quantity: 'mass', size: 453.59237, synonyms: ['lbs', 'pound', 'pounds'] },
  oz: { quantity: 'mass', size: 28.349523125, synonyms: ['ounce', 'ounces'] },
  '°C': {
    quantity: 'temperature',
    synonyms: ['c', 'celsius', 'degc', 'deg c', 'degree celsius', 'degrees celsius', 'centigrade'],
  },
  '°F': {
    quantity: 'temperature',
    synonyms: ['f', 'fahrenheit', 'degf', 'deg f', 'degree fahrenheit', 'degrees fahrenheit'],
  },
  K: { quantity: 'temperature', synonyms: ['kelvin'] },
  'm/s': { quantity: 'speed', size: 1, synonyms: ['meters per second', 'metres per second', 'mps'] },
  'km/h': {
    quantity: 'speed',
    size: 1 / 3.6,
    synonyms: ['kmh', 'kph', 'km per hour', 'kilometers per hour', 'kilometres per hour'],
  },
  mph: { quantity: 'speed', size: 0.44704, synonyms: ['mi/h', 'miles per hour'] },
  knots: { quantity: 'speed', size: 1852 / 3600, one: 'knot', synonyms: ['kn', 'kt', 'kts', 'knot'] },
  probability: {
    quantity: 'ratio',
    size: 1,
    synonyms: ['prob', 'fraction', 'ratio', 'share', 'proportion', '0-1', '0..1'],
  },
  '%': { quantity: 'ratio', size: 0.01, synonyms: ['percent', 'percentage', 'pct', 'per cent'] },
  USD: { quantity: 'currency', synonyms: ['$', 'us$', 'dollar', 'dollars', 'us dollar', 'us dollars'] },
  EUR: { quantity: 'currency', synonyms: ['€', 'euro', 'euros'] },
  GBP: { quantity: 'currency', synonyms: ['£', 'pound sterling', 'pounds sterling', 'sterling'] },
  JPY: { quantity: 'currency', synonyms: ['¥', 'yen'] },
  CHF: { quantity: 'currency', synonyms: ['swiss franc', 'swiss francs'] },
};

/** Known units compare without case, spaces, hyphens, underscores or a final dot (`Km.`, `statute-miles`). */
const lookupKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s\-_]+/g, '')
    .replace(/\.$/, '');

const LOOKUP = new Map<string, string>();
for (const [symbol, unit] of Object.entries(UNITS)) {
  LOOKUP.set(lookupKey(symbol), symbol);
  for (const s of unit.synonyms) LOOKUP.set(lookupKey(s), symbol);
}

/** Free-text units compare without case, spacing, punctuation or plural s: `Hours of day` = `hour of day`. */
const wordsKey = (text: string) => squash(text.replace(/(\w{3,})s\b/g, '$1'));

/** The symbol of a unit this module knows (`kilometres` → `km`), undefined for any other text. */
export function unitId(text: string): string | undefined {
  return LOOKUP.get(lookupKey(text));
}

export interface UnitDifference {
  /** Both units are known, so they certainly differ (free text may say one unit two ways). */
  known: boolean;
  /** Known units of one quantity: how many `b` make one `a` (1 mile = 1.609 km). */
  factor?: number;
  /** Known units of different quantities: a length against a duration. */
  otherQuantity: boolean;
  /** `miles vs km`, as written. */
  text: string;
  /** `1 mile = 1.609 km`, when there is a factor. */
  conversion?: string;
  /**
   * What a message says after the two units: ` (1 mile = 1.609 km)`, ` (not even the same quantity)`,
   * or for free text `: the units are written differently; …`; nothing for known units without a
   * factor (currencies, temperatures).
   */
  note: string;
}

/** How two written units differ, or undefined when they are one unit (or one side gives none). */
export function unitDifference(a: string | undefined, b: string | undefined): UnitDifference | undefined {
  if (!a?.trim() || !b?.trim()) return undefined;
  const text = `${a} vs ${b}`;
  const ia = unitId(a);
  const ib = unitId(b);
  const ua = ia === undefined ? undefined : UNITS[ia];
  const ub = ib === undefined ? undefined : UNITS[ib];
  if (ia === undefined || ib === undefined || !ua || !ub) {
    if (wordsKey(a) === wordsKey(b)) return undefined;
    const note = ': the units are written differently; if they mean one unit, write it the same way on both sides';
    return { known: false, otherQuantity: false, text, note };
  }
  if (ia === ib) return undefined;
  if (ua.quantity !== ub.quantity)
    return { known: true, otherQuantity: true, text, note: ' (not even the same quantity)' };
  if (ua.size === undefined || ub.size === undefined) return { known: true, otherQuantity: false, text, note: '' };
  const factor = ua.size / ub.size;
  const conversion = `1 ${ua.one ?? ia} = ${round(factor)} ${ib}`;
  return { known: true, factor, otherQuantity: false, text, conversion, note: ` (${conversion})` };
}

/** ` (in different units: miles vs km; 1 mile = 1.609 km)`, or nothing: for messages about values in those units. */
export function unitNote(a: string | undefined, b: string | undefined): string {
  const diff = unitDifference(a, b);
  return diff ? ` (in different units: ${diff.text}${diff.conversion ? `; ${diff.conversion}` : ''})` : '';
}
