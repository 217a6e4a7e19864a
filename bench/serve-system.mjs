// What the serve benchmark sends: the flight-delays example with a data pipeline that declares 20
// input features (the example declares 4), and events of real flights (vega-datasets flights-10k)
// carrying those 20 features, so the contract checks and the window profiles see 20 columns.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLE = join(ROOT, 'examples', 'flight-delays');
const FLIGHTS = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', 'vega-datasets', 'data', 'flights-10k.json'), 'utf8'),
);
export const SYSTEM = 'flight-delays';

const CARRIERS = ['AA', 'UA', 'DL', 'WN', 'US', 'NW', 'CO', 'AS', 'HP', 'TW'];
const FARES = ['economy', 'premium', 'business', 'first'];
const HUBS = new Set(['ATL', 'ORD', 'DFW', 'DEN', 'LAX', 'PHX', 'DTW', 'MSP', 'IAH', 'EWR']);

const numberItem = (name, type, unit, min, max) => ({
  item_name: name,
  item_description: `${name.replace(/_/g, ' ')} (${unit}).`,
  item_type: type,
  unit,
  nullable: false,
  item_specification: { min_value: min, max_value: max },
});
const flagItem = (name) => ({
  item_name: name,
  item_description: `Whether the flight is ${name.replace(/_/g, ' ')}.`,
  item_type: 'boolean',
  nullable: false,
});

/** The 16 features the benchmark's pipeline declares beside the example's four. */
const EXTRA_ITEMS = [
  {
    item_name: 'carrier',
    item_description: 'IATA code of the operating airline.',
    item_type: 'string',
    nullable: false,
    item_specification: { min_length: 2, max_length: 2 },
  },
  numberItem('flight_number', 'integer', 'number', 1, 9999),
  numberItem('dep_hour', 'integer', 'hours', 0, 23),
  numberItem('dep_day_of_week', 'integer', 'days', 0, 6),
  numberItem('month', 'integer', 'months', 1, 12),
  numberItem('day_of_month', 'integer', 'days', 1, 31),
  numberItem('scheduled_duration', 'integer', 'minutes', 15, 720),
  numberItem('aircraft_seats', 'integer', 'seats', 19, 500),
  numberItem('booked_seats', 'integer', 'seats', 0, 500),
  numberItem('load_factor', 'float', 'ratio', 0, 1),
  numberItem('booking_lead_days', 'integer', 'days', 0, 330),
  numberItem('previous_leg_delay', 'float', 'minutes', -120, 1440),
  numberItem('origin_wind_speed', 'float', 'knots', 0, 120),
  flagItem('origin_hub'),
  flagItem('weekend'),
  {
    item_name: 'fare_class',
    item_description: 'Cabin of the booking.',
    item_type: 'category',
    nullable: false,
    item_specification: { allowed_values: FARES },
  },
];

/** Copies the example into `dir` with a pipeline of 20 input features; returns the system folder. */
export function writeSystem(dir) {
  // Without the store a `serve` run on the example may have left there.
  cpSync(EXAMPLE, dir, { recursive: true, filter: (path) => !path.endsWith('.dovetail') });
  const file = join(dir, 'data-pipeline.yaml');
  const pipeline = parse(readFileSync(file, 'utf8'));
  pipeline.input_spec.push(...EXTRA_ITEMS);
  writeFileSync(file, stringify(pipeline));
  return dir;
}

/** The JSON of event `i` after its id and timestamp (inputs, outputs, latency), one per flight. */
const TAILS = FLIGHTS.map((f, i) => {
  const departure = `${f.date.replace(/\//g, '-').replace(' ', 'T')}:00`;
  const when = new Date(`${departure}Z`);
  const hour = when.getUTCHours();
  const day = (when.getUTCDay() + 6) % 7;
  const seats = [50, 120, 150, 180, 300][i % 5];
  const booked = Math.round(seats * (0.55 + ((i * 37) % 45) / 100));
  const inputs = {
    scheduled_departure: departure,
    origin: f.origin,
    destination: f.destination,
    distance: f.distance,
    carrier: CARRIERS[i % CARRIERS.length],
    flight_number: 1 + ((i * 7919) % 9999),
    dep_hour: hour,
    dep_day_of_week: day,
    month: when.getUTCMonth() + 1,
    day_of_month: when.getUTCDate(),
    scheduled_duration: Math.round(30 + f.distance / 8),
    aircraft_seats: seats,
    booked_seats: booked,
    load_factor: Math.round((booked / seats) * 1000) / 1000,
    booking_lead_days: (i * 13) % 331,
    previous_leg_delay: FLIGHTS[(i + FLIGHTS.length - 1) % FLIGHTS.length].delay,
    origin_wind_speed: ((i * 31) % 400) / 10,
    origin_hub: HUBS.has(f.origin),
    weekend: day >= 5,
    fare_class: FARES[(i * 3) % 7 < 4 ? 0 : (i % 3) + 1],
  };
  const probability = Math.round(Math.min(1, 0.05 + hour / 40 + f.distance / 20000) * 1000) / 1000;
  const rest = {
    inputs,
    outputs: { delay_probability: probability, model_version: '2.3.0' },
    latency_ms: 6 + (i % 43),
  };
  return JSON.stringify(rest).slice(1);
});

/** Event `i` of the run `run` as JSON text: a unique id, the time it was made (ISO 8601), a flight's features. */
export const eventJson = (run, i, timestamp) =>
  `{"id":"${run}-${i}","timestamp":"${timestamp}",${TAILS[i % TAILS.length]}`;
