import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { profileColumns } from '../../src/data/profile/profile.js';
import { loadSystem, systemFromTexts } from '../../src/descriptors/load.js';
import { descriptorsOf } from '../../src/descriptors/system.js';
import { Contract, ContractError, ContractTally, type Violation } from '../../src/serve/contract.js';
import { MAX_NAMES, OTHER } from '../../src/serve/names.js';
import { EXAMPLE } from '../helpers.js';
import { FLIGHT_EVENTS, FLIGHTS, type FlightEvent } from './flights.js';

const system = await loadSystem([EXAMPLE]);
const contract = Contract.compile(system, { model: 'delay-classifier', version: '2.3.0' });

function withInputs(e: FlightEvent, change: Record<string, unknown>): FlightEvent {
  return { ...e, inputs: { ...e.inputs, ...change } };
}

const brief = (v: Violation) => `${v.side} ${v.field} ${v.kind}: expected ${v.expected}, found ${v.found}`;

describe('compiling the contract of delay-classifier', () => {
  it('takes the inputs from the pipeline and the outputs after post-processing, with their types', () => {
    assert.deepEqual(contract.model, { name: 'delay-classifier', version: '2.3.0' });
    assert.deepEqual(contract.types('input'), {
      scheduled_departure: 'datetime',
      origin: 'string',
      destination: 'string',
      distance: 'integer',
    });
    assert.deepEqual(contract.types('output'), { delay_probability: 'float', model_version: 'string' });
  });

  it('refuses a model the system does not declare, and a version other than the declared one', () => {
    assert.throws(() => Contract.compile(system, { model: 'delay-regressor' }), ContractError);
    assert.throws(
      () => Contract.compile(system, { model: 'delay-classifier', version: '2.4.0' }),
      /declared at version 2\.3\.0; the events name 2\.4\.0/,
    );
    assert.equal(Contract.compile(system).model.name, 'delay-classifier');
  });
});

describe('checking events', () => {
  it('finds nothing wrong with 10,000 real flights as the pipeline expects them', () => {
    const first = contract.check(FLIGHT_EVENTS[0] as FlightEvent);
    for (const e of FLIGHT_EVENTS) assert.equal(contract.check(e), first, `event ${e.id}`);
    assert.equal(first.length, 0);
  });

  it('reports every distance sent in kilometres beyond the 5,100 miles declared', () => {
    let expected = 0;
    let found = 0;
    for (const e of FLIGHT_EVENTS) {
      const km = Math.round((e.inputs.distance as number) * 1.609344);
      if (km > 5100) expected++;
      const violations = contract.check(withInputs(e, { distance: km }));
      for (const v of violations) assert.equal(brief(v), `input distance range: expected 10 to 5100, found ${km}`);
      found += violations.length;
    }
    assert.ok(expected > 0);
    assert.equal(found, expected);
  });

  it('names each broken declaration with its place in the descriptor', () => {
    const e = FLIGHT_EVENTS[0] as FlightEvent;
    const violations = contract.check({
      inputs: { scheduled_departure: 'soon', destination: null, distance: '1750', origin: 'DTWX', dep_hour: 0 },
      outputs: { delay_probability: 1.2 },
    });
    assert.deepEqual(violations.map(brief), [
      'input scheduled_departure type: expected datetime, found string "soon"',
      'input origin length: expected exactly 3 characters, found 4 characters "DTWX"',
      'input origin unseen-category: expected a value seen in training, found "DTWX"',
      'input destination missing-field: expected a string value, found null',
      'input distance type: expected integer, found string "1750"',
      'input dep_hour unexpected-field: expected only scheduled_departure, origin, destination, distance, found 0',
      'output delay_probability range: expected 0 to 1, found 1.2',
      'output model_version missing-field: expected a string value, found absent',
    ]);
    const distance = violations.find((v) => v.field === 'distance');
    assert.equal(distance?.declared.file, 'data-pipeline.yaml');
    assert.equal(distance?.declared.pointer, '/input_spec/3');
    assert.deepEqual(distance?.declared.descriptor, { kind: 'data-pipeline', name: 'flight-features' });
    assert.ok((distance?.declared.line ?? 0) > 1);
    assert.equal(violations.find((v) => v.field === 'model_version')?.declared.pointer, '/final_output_spec/1');
    assert.deepEqual(contract.check({ inputs: e.inputs }), [], 'a side the event lacks is not checked');
  });

  it('reports airports outside the 227 the training data lists as unseen categories', () => {
    const e = withInputs(FLIGHT_EVENTS[0] as FlightEvent, { origin: 'GST' });
    const [v, ...rest] = contract.check(e);
    assert.equal(rest.length, 0);
    assert.equal(brief(v as Violation), 'input origin unseen-category: expected a value seen in training, found "GST"');
    assert.equal(v?.declared.file, 'training-data.yaml');
    assert.equal(v?.declared.pointer, '/schema/1');
  });

  it('prefers the values the training profile saw, when it has them all', async () => {
    const texts = ['trained-model', 'data-pipeline', 'training-data'].map((k) => ({
      file: `${k}.yaml`,
      text: readFileSync(join(EXAMPLE, `${k}.yaml`), 'utf8'),
    }));
    const january = FLIGHTS.filter((f) => f.date.startsWith('2001/01'));
    const profile = profileColumns(
      { origin: january.map((f) => f.origin), destination: january.map((f) => f.destination) },
      { types: { origin: 'category', destination: 'category' } },
    );
    const trained = Contract.compile(
      await systemFromTexts(texts, { profiles: { 'training-data/flights-2001-jan-apr': profile } }),
    );
    const seenOrigins = new Set(january.map((f) => f.origin));
    const seenDestinations = new Set(january.map((f) => f.destination));
    const later = FLIGHT_EVENTS.filter((e) => !(e.inputs.scheduled_departure as string).startsWith('2001-01'));
    const tally = new ContractTally();
    for (const e of later) tally.add(trained.check(e), e);
    const unseen = (seen: Set<string>, field: 'origin' | 'destination') =>
      later.filter((e) => !seen.has(e.inputs[field] as string)).length;
    assert.ok(unseen(seenOrigins, 'origin') > 0);
    assert.equal(tally.count('unseen-category', 'origin'), unseen(seenOrigins, 'origin'));
    assert.equal(tally.count('unseen-category', 'destination'), unseen(seenDestinations, 'destination'));
    assert.equal(tally.toJSON().violations[0]?.declared.pointer, '/profile');
  });

  it('finds a long value the training profile counted under its key', async () => {
    const texts = ['trained-model', 'data-pipeline', 'training-data'].map((k) => ({
      file: `${k}.yaml`,
      text: readFileSync(join(EXAMPLE, `${k}.yaml`), 'utf8'),
    }));
    const long = (c: string) => `SFO ${c.repeat(500)}`;
    const profile = profileColumns({ origin: ['SFO', long('a')] }, { types: { origin: 'category' } });
    const trained = Contract.compile(
      await systemFromTexts(texts, { profiles: { 'training-data/flights-2001-jan-apr': profile } }),
    );
    const [event] = FLIGHT_EVENTS;
    const unseen = (origin: string) =>
      (trained.check(withInputs(event as FlightEvent, { origin })) ?? []).filter((v) => v.kind === 'unseen-category');
    assert.deepEqual(unseen(long('a')), []);
    assert.equal(unseen(long('b'))[0]?.field, 'origin');
  });
});

describe('shapes, allowed values and labels', async () => {
  const digits = await systemFromTexts([
    {
      file: 'training-data.yaml',
      text: `kind: training-data
name: digits
schema:
  - field_name: pixels
    field_type: tensor
    item_specification: { shape: [null, 28, 28] }
  - field_name: photo
    field_type: image
    item_specification: { resolution_x: 4, resolution_y: 2, channels: 3 }
  - field_name: label
    field_type: category
    label_field: true
distribution:
  - { label: 0, percentage: 50 }
  - { label: 1, percentage: 50 }
`,
    },
    {
      file: 'trained-model.yaml',
      text: `kind: trained-model
name: digit-model
training_data: digits
output_spec:
  - item_name: label
    item_type: category
  - item_name: source
    item_type: string
    nullable: true
    item_specification: { allowed_values: [scan, photo] }
`,
    },
  ]);
  const c = Contract.compile(digits);
  const grid = (rows: number, cols: number) => Array.from({ length: rows }, () => new Array(cols).fill(0));
  const rgb = Array.from({ length: 2 }, () => Array.from({ length: 4 }, () => [0, 0, 0]));

  it('takes the inputs from the training features when the model has no pipeline', () => {
    assert.deepEqual(c.types('input'), { pixels: 'tensor', photo: 'image' });
  });

  it('accepts one row of a batched shape and an image with channels last or first', () => {
    assert.deepEqual(c.check({ inputs: { pixels: grid(28, 28), photo: rgb } }), []);
    assert.deepEqual(c.check({ inputs: { pixels: [grid(28, 28)], photo: [grid(2, 4), grid(2, 4), grid(2, 4)] } }), []);
    assert.deepEqual(c.check({ inputs: { pixels: grid(28, 28), photo: 'iVBORw0KGgo=' } }), []);
  });

  it('reports other shapes', () => {
    assert.deepEqual(c.check({ inputs: { pixels: grid(28, 27), photo: grid(4, 2) } }).map(brief), [
      'input pixels shape: expected [*, 28, 28] or [28, 28], found [28, 27]',
      'input photo shape: expected [2, 4, 3] or [3, 2, 4], found [4, 2]',
    ]);
  });

  it('checks declared allowed values, and labels against the training distribution', () => {
    assert.deepEqual(c.check({ outputs: { label: 1, source: 'scan' } }), []);
    assert.deepEqual(c.check({ outputs: { label: 7, source: 'fax' } }).map(brief), [
      'output label unseen-category: expected a value seen in training, found 7',
      'output source enum: expected one of scan, photo, found "fax"',
    ]);
  });
});

describe('tallies', () => {
  const events = FLIGHT_EVENTS.slice(0, 2000).map((e, i) =>
    i % 7 === 0 ? withInputs(e, { distance: (e.inputs.distance as number) * 10, extra: i }) : e,
  );
  const tallyOf = (part: readonly FlightEvent[]) => {
    const t = new ContractTally();
    for (const e of part) t.add(contract.check(e), e);
    return t;
  };

  it('count per kind and field, keeping the earliest examples', () => {
    const json = tallyOf(events).toJSON();
    assert.equal(json.events, 2000);
    const extra = json.violations.find((v) => v.field === 'extra');
    assert.equal(extra?.count, Math.ceil(2000 / 7));
    assert.deepEqual(
      extra?.examples.map((x) => x.event),
      ['e00000', 'e00007', 'e00014'],
    );
    assert.equal(extra?.examples[0]?.timestamp, '2001-01-01T00:47:00Z');
  });

  it(`keep ${MAX_NAMES} unexpected fields apart and count further ones under "${OTHER}"; declared fields always apart`, () => {
    const madeUp = (from: number, n: number) =>
      FLIGHT_EVENTS.slice(from, from + n).map((e, i) => withInputs(e, { [`made_up_${from + i}`]: i }));
    const t = new ContractTally();
    for (const e of madeUp(0, MAX_NAMES + 50)) t.add(contract.check(e), e);
    const far = FLIGHT_EVENTS[0] as FlightEvent;
    t.add(contract.check(withInputs(far, { distance: (far.inputs.distance as number) * 10 })), far);
    const json = t.toJSON();
    const unexpected = json.violations.filter((v) => v.kind === 'unexpected-field');
    assert.equal(unexpected.length, MAX_NAMES + 1);
    assert.equal(unexpected.find((v) => v.field === OTHER)?.count, 50);
    assert.equal(unexpected.find((v) => v.field === 'made_up_0')?.count, 1);
    assert.ok(json.violations.some((v) => v.field === 'distance' && v.kind !== 'unexpected-field'));
    assert.deepEqual(ContractTally.fromJSON(json).toJSON(), json);
    // Merged with another instance's made-up fields: still bounded, nothing uncounted.
    const other = new ContractTally();
    for (const e of madeUp(1000, 100)) other.add(contract.check(e), e);
    const merged = ContractTally.fromJSON(json).merge(other).toJSON().violations;
    const mergedUnexpected = merged.filter((v) => v.kind === 'unexpected-field');
    assert.equal(mergedUnexpected.length, MAX_NAMES + 1);
    assert.equal(
      mergedUnexpected.reduce((n, v) => n + v.count, 0),
      MAX_NAMES + 150,
    );
  });

  it('merge in any split and order to the tally of the whole', () => {
    const whole = tallyOf(events).toJSON();
    const a = tallyOf(events.filter((_, i) => i % 3 === 0));
    const b = tallyOf(events.filter((_, i) => i % 3 !== 0));
    assert.deepEqual(ContractTally.fromJSON(b.toJSON()).merge(a).toJSON(), whole);
    assert.deepEqual(a.merge(b).toJSON(), whole);
  });
});

it('every trained model of the example compiles', () => {
  for (const m of descriptorsOf(system, 'trained-model')) assert.ok(Contract.compile(system, { model: m.name }));
});
