// Payloads as the public protocol descriptions give them, filled with real flights.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadSystem } from '../../src/descriptors/load.js';
import { Contract } from '../../src/serve/contract.js';
import { protocol } from '../../src/serve/protocols/index.js';
import { EXAMPLE } from '../helpers.js';
import { departure, FLIGHTS, type Flight, probability } from './flights.js';

const contract = Contract.compile(await loadSystem([EXAMPLE]));
const names = {
  inputNames: Object.keys(contract.types('input')),
  outputNames: ['delay_probability'],
};
const flights = FLIGHTS.slice(100, 103) as Flight[];
const inputs = flights.map((f) => ({
  scheduled_departure: departure(f),
  origin: f.origin,
  destination: f.destination,
  distance: f.distance,
}));
const outputs = flights.map((f) => ({ delay_probability: probability(f) }));

/** The records keep the contract (outputs lack model_version, which only the service's answer carries). */
function assertKept(records: { inputs: Record<string, unknown>[]; errors: unknown[] }) {
  assert.deepEqual(records.errors, []);
  for (const row of records.inputs) assert.deepEqual(contract.check({ inputs: row }), []);
}

describe('KServe / Open Inference Protocol v2', () => {
  const kserve = protocol('kserve-v2');
  const request = {
    id: 'req-1',
    inputs: [
      { name: 'scheduled_departure', shape: [3], datatype: 'BYTES', data: inputs.map((r) => r.scheduled_departure) },
      { name: 'origin', shape: [3], datatype: 'BYTES', data: flights.map((f) => f.origin) },
      { name: 'destination', shape: [3], datatype: 'BYTES', data: flights.map((f) => f.destination) },
      { name: 'distance', shape: [3], datatype: 'INT64', data: flights.map((f) => f.distance) },
    ],
  };
  const response = {
    model_name: 'delay-classifier',
    model_version: '2.3.0',
    id: 'req-1',
    outputs: [
      { name: 'delay_probability', shape: [3], datatype: 'FP32', data: outputs.map((o) => o.delay_probability) },
    ],
  };

  it('reads one row per element of the first dimension, named by tensor', () => {
    const r = kserve(request, response, names);
    assert.deepEqual(r.inputs, inputs);
    assert.deepEqual(r.outputs, outputs);
    assertKept(r);
  });

  it('reshapes row-major data, flat or nested, and spreads one feature tensor over the declared fields', () => {
    const image = {
      name: 'image',
      shape: [2, 2, 2, 3],
      datatype: 'UINT8',
      data: Array.from({ length: 24 }, (_, i) => i),
    };
    const [first, second] = kserve({ inputs: [image] }, undefined).inputs;
    assert.deepEqual(first, {
      image: [
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        [
          [6, 7, 8],
          [9, 10, 11],
        ],
      ],
    });
    assert.deepEqual(second, {
      image: [
        [
          [12, 13, 14],
          [15, 16, 17],
        ],
        [
          [18, 19, 20],
          [21, 22, 23],
        ],
      ],
    });
    const features = {
      name: 'input-0',
      shape: [2, 2],
      datatype: 'FP64',
      data: [
        [1750, 0],
        [2399, 1],
      ],
    };
    assert.deepEqual(kserve({ inputs: [features] }, undefined, { inputNames: ['distance', 'dep_hour'] }).inputs, [
      { distance: 1750, dep_hour: 0 },
      { distance: 2399, dep_hour: 1 },
    ]);
  });

  it('reports malformed tensors with their JSON pointer', () => {
    const bad = (tensor: Record<string, unknown>) =>
      kserve({ inputs: [{ name: 'distance', ...tensor }] }, undefined).errors;
    assert.deepEqual(bad({ shape: [3], datatype: 'INT64', data: [1750, 2399] }), [
      { side: 'request', pointer: '/inputs/0/data', message: 'holds 2 elements; shape [3] needs 3' },
    ]);
    assert.match(
      bad({ shape: [2], datatype: 'INT64', data: [1750, '2399'] })[0]?.message ?? '',
      /element 1 is "2399", not a integer/,
    );
    assert.match(bad({ shape: [2], datatype: 'FP128', data: [1, 2] })[0]?.pointer ?? '', /datatype$/);
    assert.match(
      bad({ shape: [2], datatype: 'FP32', parameters: { binary_data_size: 8 } })[0]?.message ?? '',
      /binary tensor data/,
    );
    const mixed = kserve(
      { inputs: [request.inputs[0], { name: 'distance', shape: [2], datatype: 'INT64', data: [1, 2] }] },
      undefined,
    );
    assert.match(mixed.errors[0]?.message ?? '', /batch \(first dimension\) is 2; tensor scheduled_departure has 3/);
    assert.deepEqual(kserve(request, { error: 'model not ready' }).errors, [
      { side: 'response', pointer: '/error', message: 'model not ready' },
    ]);
  });
});

describe('MLflow scoring server', () => {
  const mlflow = protocol('mlflow');
  const columns = Object.keys(inputs[0] as object);
  const predictions = { predictions: outputs.map((o) => o.delay_probability) };

  it('reads every request layout to the same rows', () => {
    const layouts = [
      { dataframe_split: { columns, data: inputs.map((r) => columns.map((c) => r[c as keyof typeof r])) } },
      { dataframe_records: inputs },
      { instances: inputs },
      { inputs: Object.fromEntries(columns.map((c) => [c, inputs.map((r) => r[c as keyof typeof r])])) },
      { dataframe_split: { data: inputs.map((r) => Object.values(r)) }, params: { threshold: 0.24 } },
    ];
    for (const body of layouts) {
      const r = mlflow(body, predictions, names);
      assert.deepEqual(r.inputs, inputs, Object.keys(body)[0]);
      assert.deepEqual(r.outputs, outputs);
      assertKept(r);
    }
  });

  it('reads predictions as values, records, columns or a bare list', () => {
    const request = { dataframe_records: inputs };
    for (const response of [
      predictions,
      { predictions: outputs },
      { predictions: { delay_probability: outputs.map((o) => o.delay_probability) } },
      outputs.map((o) => o.delay_probability),
    ])
      assert.deepEqual(mlflow(request, response, names).outputs, outputs);
  });

  it('reports a request with no layout or two, ragged rows and server errors', () => {
    assert.match(mlflow({ instances: inputs, inputs }, predictions).errors[0]?.message ?? '', /exactly one of/);
    assert.deepEqual(
      mlflow({ dataframe_split: { columns, data: [[1, 2]] } }, undefined).errors[0]?.pointer,
      '/dataframe_split/data/0',
    );
    const error = { error_code: 'BAD_REQUEST', message: 'Failed to parse input' };
    assert.match(mlflow({ dataframe_records: inputs }, error).errors[0]?.message ?? '', /Failed to parse input/);
    assert.match(
      mlflow({ dataframe_records: inputs }, { predictions: [0.1] }).errors[0]?.message ?? '',
      /answers 1 rows; the request asked about 3/,
    );
  });
});

describe('TensorFlow Serving REST', () => {
  const tf = protocol('tfserving');

  it('reads the row format', () => {
    const r = tf({ signature_name: 'serving_default', instances: inputs }, predictions(), names);
    assert.deepEqual(r.inputs, inputs);
    assert.deepEqual(r.outputs, outputs);
    assertKept(r);
  });

  it('reads the columnar format, and binary values as their base64 text', () => {
    const columnar = Object.fromEntries(
      Object.keys(inputs[0] as object).map((c) => [c, inputs.map((r) => r[c as keyof typeof r])]),
    );
    const r = tf({ inputs: columnar }, { outputs: outputs.map((o) => [o.delay_probability]) }, names);
    assert.deepEqual(r.inputs, inputs);
    assert.deepEqual(
      r.outputs,
      outputs.map((o) => ({ delay_probability: [o.delay_probability] })),
    );
    const photo = tf({ instances: [{ image: { b64: 'iVBORw0KGgo=' }, key: 'a' }] }, undefined);
    assert.deepEqual(photo.inputs, [{ image: 'iVBORw0KGgo=', key: 'a' }]);
  });

  it('reports the wrong shape and passes the server error on', () => {
    assert.match(
      tf({ instances: inputs, inputs: {} }, undefined).errors[0]?.message ?? '',
      /exactly one of instances, inputs/,
    );
    assert.deepEqual(
      tf({ instances: inputs }, { error: 'Serving signature name: "x" not found' }).errors[0]?.pointer,
      '/error',
    );
  });

  function predictions() {
    return { predictions: outputs.map((o) => o.delay_probability) };
  }
});

describe('plain JSON with field paths', () => {
  it('reads rows where the paths lead, crossing lists', () => {
    const json = protocol('json', { inputsPath: 'flights.features', outputsPath: 'result.score' });
    const request = { flights: inputs.map((features, i) => ({ id: i, features })) };
    const response = { result: { score: outputs.map((o) => o.delay_probability) } };
    const r = json(request, response);
    assert.deepEqual(r.inputs, inputs);
    assert.deepEqual(
      r.outputs,
      outputs.map((o) => ({ score: o.delay_probability })),
    );
    assertKept(r);
  });

  it('reads one record, an indexed element and the whole body', () => {
    const json = protocol('json', { inputsPath: '', outputsPath: 'results.0' });
    const r = json(inputs[0], { results: [outputs[0], outputs[1]] });
    assert.deepEqual(r.inputs, [inputs[0]]);
    assert.deepEqual(r.outputs, [outputs[0]]);
  });

  it('reports a path that leads nowhere', () => {
    const json = protocol('json', { inputsPath: 'features', outputsPath: 'result.score' });
    assert.deepEqual(json({ features: inputs[0] }, { result: { probability: 0.2 } }).errors, [
      { side: 'response', pointer: '/result', message: 'no "score" here (path result.score)' },
    ]);
    assert.throws(() => protocol('json'), /--inputs-path/);
  });
});
