// Events built from real flights (vega-datasets flights-10k: January–March 2001), as delay-service
// would record them: the four booking-api inputs, the model's answer, a latency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers.js';

export interface Flight {
  date: string;
  delay: number;
  distance: number;
  origin: string;
  destination: string;
}

export const FLIGHTS: readonly Flight[] = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', 'vega-datasets', 'data', 'flights-10k.json'), 'utf8'),
);

/** `2001/01/01 00:47` → `2001-01-01T00:47:00`: the scheduled departure, local time. */
export const departure = (f: Flight) => `${f.date.replace(/\//g, '-').replace(' ', 'T')}:00`;

/** A stand-in for the model: later departures and longer routes are riskier (3 decimals, as served). */
export function probability(f: Flight): number {
  const hour = Number(f.date.slice(11, 13));
  return Math.round(Math.min(1, 0.05 + hour / 40 + f.distance / 20000) * 1000) / 1000;
}

export interface FlightEvent {
  id: string;
  timestamp: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  latency_ms: number;
}

export function flightEvent(f: Flight, i: number): FlightEvent {
  return {
    id: `e${String(i).padStart(5, '0')}`,
    timestamp: `${departure(f)}Z`,
    inputs: { scheduled_departure: departure(f), origin: f.origin, destination: f.destination, distance: f.distance },
    outputs: { delay_probability: probability(f), model_version: '2.3.0' },
    latency_ms: 6 + ((i * 7919) % 43),
  };
}

export const FLIGHT_EVENTS: readonly FlightEvent[] = FLIGHTS.map(flightEvent);
