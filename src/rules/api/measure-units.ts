// Units of measure as people write them in item `unit` fields: `km`, `kilometres`, `miles`, `°C`,
// `%`, `USD`. Two spellings of one unit are one unit; two units of one quantity (km and miles) need a
// conversion whose factor the message can give; units nobody listed here are compared as text.

interface UnitEntry {
  dimension: string;
  /** Size in the dimension's base unit; absent where conversion is not a factor (°C/°F, currencies). */
  factor?: number;
  synonyms: string[];
}

const UNITS: Record<string, UnitEntry> = {
  mm: { dimension: 'length', factor: 0.001, synonyms: ['millimeter', 'millimeters', 'millimetre', 'millimetres'] },
  cm: { dimension: 'length', factor: 0.01, synonyms: ['centimeter', 'centimeters', 'centimetre', 'centimetres'] },
  m: { dimension: 'length', factor: 1, synonyms: ['meter', 'meters', 'metre', 'metres'] },
  km: { dimension: 'length', factor: 1000, synonyms: ['kilometer', 'kilometers', 'kilometre', 'kilometres', 'kms'] },
  in: { dimension: 'length', factor: 0.0254, synonyms: ['inch', 'inches'] },
  ft: { dimension: 'length', factor: 0.3048, synonyms: ['foot', 'feet'] },
  yd: { dimension: 'length', factor: 0.9144, synonyms: ['yard', 'yards'] },
  miles: { dimension: 'length', factor: 1609.344, synonyms: ['mi', 'mile', 'statute mile', 'statute miles'] },
  'nautical miles': { dimension: 'length', factor: 1852, synonyms: ['nmi', 'nautical mile'] },
  ns: { dimension: 'duration', factor: 1e-6, synonyms: ['nanosecond', 'nanoseconds'] },
  µs: { dimension: 'duration', factor: 1e-3, synonyms: ['us', 'microsecond', 'microseconds'] },
  ms: { dimension: 'duration', factor: 1, synonyms: ['msec', 'millisecond', 'milliseconds'] },
  s: { dimension: 'duration', factor: 1000, synonyms: ['sec', 'secs', 'second', 'seconds'] },
  min: { dimension: 'duration', factor: 60_000, synonyms: ['mins', 'minute', 'minutes'] },
  h: { dimension: 'duration', factor: 3_600_000, synonyms: ['hr', 'hrs', 'hour', 'hours'] },
  d: { dimension: 'duration', factor: 86_400_000, synonyms: ['day', 'days'] },
  mg: { dimension: 'mass', factor: 0.001, synonyms: ['milligram', 'milligrams'] },
  g: { dimension: 'mass', factor: 1, synonyms: ['gram', 'grams'] },
  kg: { dimension: 'mass', factor: 1000, synonyms: ['kilogram', 'kilograms', 'kilo', 'kilos'] },
  t: { dimension: 'mass', factor: 1e6, synonyms: ['tonne', 'tonnes', 'metric ton', 'metric tons'] },
  lb: { dimension: 'mass', factor: 453.59237, synonyms: ['lbs', 'pound', 'pounds'] },
  oz: { dimension: 'mass', factor: 28.349523125, synonyms: ['ounce', 'ounces'] },
  '°C': { dimension: 'temperature', synonyms: ['c', 'celsius', 'degc', 'deg c', 'degrees celsius', 'centigrade'] },
  '°F': { dimension: 'temperature', synonyms: ['f', 'fahrenheit', 'degf', 'deg f', 'degrees fahrenheit'] },
  K: { dimension: 'temperature', synonyms: ['kelvin'] },
  'm/s': { dimension: 'speed', factor: 1, synonyms: ['meters per second', 'metres per second', 'mps'] },
  'km/h': {
    dimension: 'speed',
    factor: 1 / 3.6,
    synonyms: ['kmh', 'kph', 'km per hour', 'kilometers per hour', 'kilometres per hour'],
  },
  mph: { dimension: 'speed', factor: 0.44704, synonyms: ['mi/h', 'miles per hour'] },
  knots: { dimension: 'speed', factor: 1852 / 3600, synonyms: ['kn', 'kt', 'kts', 'knot'] },
  probability: {
    dimension: 'ratio',
    factor: 1,
    synonyms: ['prob', 'fraction', 'ratio', 'share', 'proportion', '0-1', '0..1'],
  },
  '%': { dimension: 'ratio', factor: 0.01, synonyms: ['percent', 'percentage', 'pct', 'per cent'] },
  USD: { dimension: 'currency', synonyms: ['$', 'us$', 'dollar', 'dollars', 'us dollar', 'us dollars'] },
  EUR: { dimension: 'currency', synonyms: ['€', 'euro', 'euros'] },
  GBP: { dimension: 'currency', synonyms: ['£', 'pound sterling', 'sterling'] },
  JPY: { dimension: 'currency', synonyms: ['¥', 'yen'] },
  CHF: { dimension: 'currency', synonyms: ['swiss franc', 'swiss francs'] },
};

const keyOf = (text: string) => text.trim().toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');

const LOOKUP = new Map<string, string>();
for (const [id, entry] of Object.entries(UNITS)) {
  LOOKUP.set(keyOf(id), id);
  for (const s of entry.synonyms) LOOKUP.set(keyOf(s), id);
}

export interface UnitComparison {
  same: boolean;
  /** Both units are known and measure one quantity: how many consumer units one producer unit is. */
  factor?: number;
  /** Both units are known. */
  known: boolean;
  /** Both are known and measure different quantities (a length against a duration). */
  differentQuantity: boolean;
}

/** The canonical id of a unit, when it is one this module knows. */
export function unitId(text: string): string | undefined {
  return LOOKUP.get(keyOf(text));
}

/** Compares the unit a producer writes with the unit a consumer expects. */
export function compareUnits(producer: string, consumer: string): UnitComparison {
  const a = unitId(producer);
  const b = unitId(consumer);
  if (a && b) {
    const ea = UNITS[a];
    const eb = UNITS[b];
    const sameQuantity = ea?.dimension === eb?.dimension;
    const factor =
      sameQuantity && ea?.factor !== undefined && eb?.factor !== undefined ? ea.factor / eb.factor : undefined;
    return { same: a === b, factor, known: true, differentQuantity: !sameQuantity };
  }
  // Unknown units: equal when they are the same words, give or take case, spaces and a plural s.
  const plain = (t: string) => keyOf(t).replace(/(.{3,})s$/, '$1');
  return { same: plain(producer) === plain(consumer), known: false, differentQuantity: false };
}
