// Arrow IPC files: flights-200k.arrow against the same data as JSON, and files written here with
// apache-arrow itself (file and stream formats) for every type mapping, overrides, limits and errors.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import {
  Bool,
  CompressionType,
  compressionRegistry,
  DateDay,
  Decimal,
  Dictionary,
  Field,
  FixedSizeList,
  Float32,
  Float64,
  Int8,
  Int32,
  Int64,
  LargeUtf8,
  List,
  makeData,
  makeVector,
  Struct,
  Table,
  type Timestamp,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  tableToIPC,
  Uint32,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { openData, readData, readSchema } from '../../../src/data/read/index.js';
import { ROOT, tempDir } from '../../helpers.js';
import { assertIterableOnce, collect, readRows, rejectsWith } from './helpers.js';

const DATA = join(ROOT, 'node_modules', 'vega-datasets', 'data');
const FLIGHTS = join(DATA, 'flights-200k.arrow');

interface Flight {
  delay: number;
  distance: number;
  time: number;
}

let dir: string;
let flightsJson: Flight[];

/** A vector of timestamps given exactly in their unit (vectorFromArray takes milliseconds), nulls included. */
function timestampVector(type: Timestamp, values: (bigint | null)[]): Vector<Timestamp> {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v !== null) nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i % 8));
  });
  const data = new BigInt64Array(values.map((v) => v ?? 0n));
  const nullCount = values.filter((v) => v === null).length;
  return makeVector(makeData({ type, length: values.length, nullCount, nullBitmap, data }));
}

/** Decimal128 values from their unscaled integers (two's complement, little-endian words). */
function decimalVector(scale: number, unscaled: bigint[]): Vector<Decimal> {
  const data = new BigUint64Array(unscaled.length * 2);
  unscaled.forEach((u, i) => {
    data[2 * i] = BigInt.asUintN(64, u);
    data[2 * i + 1] = BigInt.asUintN(64, u >> 64n);
  });
  const type = new Decimal(scale, 38, 128);
  return makeVector(makeData({ type, length: unscaled.length, data: new Uint32Array(data.buffer) }));
}

const EPOCH_2024 = Date.UTC(2024, 0, 2, 3, 4, 5, 678);

/** One row group of every type the reader maps (four rows, nulls in most columns). */
function typesTable(): Table {
  const ms = BigInt(EPOCH_2024);
  return new Table({
    tiny: vectorFromArray([1, -2, null, 127], new Int8()),
    unsigned: vectorFromArray([4_000_000_000, 0, 1, null], new Uint32()),
    // 2^53 + 1 is not a double: documented precision loss beyond 2^53.
    big: vectorFromArray([2n ** 53n + 1n, -5n, null, 0n], new Int64()),
    single: vectorFromArray([1.5, null, -0.25, 3], new Float32()),
    double: vectorFromArray([0.1, 2, null, Number.NaN], new Float64()),
    price: decimalVector(2, [12345n, -5n, 0n, -(2n ** 70n)]),
    name: vectorFromArray(['ann', null, 'cé', ''], new Utf8()),
    long_text: vectorFromArray(['x', 'y', null, 'z'], new LargeUtf8()),
    carrier: vectorFromArray(['AA', 'UA', null, 'AA'], new Dictionary(new Utf8(), new Int32())),
    ok: vectorFromArray([true, false, null, true], new Bool()),
    day: vectorFromArray(
      [new Date(Date.UTC(2024, 0, 2)), null, new Date(0), new Date(Date.UTC(1969, 11, 31))],
      new DateDay(),
    ),
    ts_s: timestampVector(new TimestampSecond(), [ms / 1000n, null, -1n, 0n]),
    ts_ms: timestampVector(new TimestampMillisecond(), [ms, -1n, null, 0n]),
    ts_us: timestampVector(new TimestampMicrosecond(), [ms * 1000n + 999n, -1_500n, 0n, null]),
    ts_ns: timestampVector(new TimestampNanosecond(), [ms * 1_000_000n + 999_999n, -1_500_000n, null, 1n]),
    ts_utc: timestampVector(new TimestampMillisecond('UTC'), [ms, null, 0n, 1n]),
    embedding: vectorFromArray([[1, 2.5], null, [], [-3]], new List(new Field('item', new Float64(), true))),
    pair: vectorFromArray(
      [[1, 2], [3, null], null, [5, 6]],
      new FixedSizeList(2, new Field('item', new Int32(), true)),
    ),
    point: vectorFromArray(
      [{ x: 1n, label: 'a' }, null, { x: 3n, label: null }, { x: 4n, label: 'd' }],
      new Struct([new Field('x', new Int64(), true), new Field('label', new Utf8(), true)]),
    ),
  });
}

const COLOURS = ['red', 'blue', 'red', 'blue', 'red', 'blue', 'red', 'blue', 'red', 'blue', 'red', 'green'];

/**
 * Three record batches of four rows each, so batches and limits cross record batch bounds: slices
 * of one dictionary, or (the stream format only) a new dictionary per batch.
 */
function batchedTable(dictionaryPerBatch = false): Table {
  const part = (start: number, end: number): Table =>
    new Table({
      n: vectorFromArray(
        Array.from({ length: end - start }, (_, i) => start + i),
        new Int32(),
      ),
      colour: vectorFromArray(COLOURS.slice(start, end), new Dictionary(new Utf8(), new Int32())),
    });
  if (dictionaryPerBatch) return part(0, 4).concat(part(4, 8), part(8, 12));
  const [whole] = part(0, 12).batches;
  assert.ok(whole);
  return new Table([whole.slice(0, 4), whole.slice(4, 8), whole.slice(8, 12)]);
}

before(() => {
  dir = tempDir('dovetail-arrow-');
  flightsJson = JSON.parse(readFileSync(join(DATA, 'flights-200k.json'), 'utf8')) as Flight[];
  const types = typesTable();
  writeFileSync(join(dir, 'types.arrow'), tableToIPC(types, 'file'));
  writeFileSync(join(dir, 'types.feather'), tableToIPC(types, 'file'));
  writeFileSync(join(dir, 'types-stream.arrows'), tableToIPC(types, 'stream'));
  writeFileSync(join(dir, 'batched.arrow'), tableToIPC(batchedTable(), 'file'));
  writeFileSync(join(dir, 'batched.ipc'), tableToIPC(batchedTable(true), 'stream'));
  const file = tableToIPC(batchedTable(), 'file');
  const stream = tableToIPC(batchedTable(), 'stream');
  writeFileSync(join(dir, 'cut-file.arrow'), file.subarray(0, Math.floor(file.length * 0.7)));
  writeFileSync(join(dir, 'cut-stream.arrow'), stream.subarray(0, Math.floor(stream.length * 0.7)));
  writeFileSync(join(dir, 'text.arrow'), 'id,name\n1,ann\n2,bob\n'.repeat(20));
  writeFileSync(join(dir, 'empty.arrow'), '');
  writeFileSync(join(dir, 'old.feather'), Buffer.concat([Buffer.from('FEA1'), Buffer.alloc(60)]));
  // Marked as LZ4-compressed: this codec only puts an LZ4 frame header before the raw bytes, which is
  // all the writer checks, and has no decoder, as the reader has none.
  compressionRegistry.set(CompressionType.LZ4_FRAME, {
    encode: (data) => Uint8Array.of(4, 34, 77, 24, 64, 64, 0, ...data),
  });
  writeFileSync(join(dir, 'lz4.arrow'), tableToIPC(batchedTable(), 'file', CompressionType.LZ4_FRAME));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Arrow IPC: flights-200k.arrow', () => {
  it('reads the schema with canonical types and Arrow type names', async () => {
    const schema = await readSchema(FLIGHTS);
    assert.equal(schema.format, 'arrow');
    assert.deepEqual(
      schema.columns.map((c) => [c.name, c.type, c.sourceType, c.overridden]),
      [
        ['delay', 'integer', 'Int16', false],
        ['distance', 'integer', 'Int16', false],
        ['time', 'float', 'Float32', false],
      ],
    );
  });

  it('holds the same rows as flights-200k.json', async () => {
    const { columns } = await collect(FLIGHTS);
    assert.equal(flightsJson.length, 200_000);
    assert.equal(columns.get('delay')?.length, flightsJson.length);
    // float32 in the Arrow file, float64 in the JSON file
    const fromJson = (name: keyof Flight, v: number): number => (name === 'time' ? Math.fround(v) : v);
    for (const name of ['delay', 'distance', 'time'] as const) {
      const values = columns.get(name) as number[];
      for (const i of [0, 1, 2, 99_999, flightsJson.length - 2, flightsJson.length - 1]) {
        assert.equal(values[i], fromJson(name, flightsJson[i]?.[name] ?? Number.NaN), `${name}[${i}]`);
      }
      const mismatch = values.findIndex((v, i) => v !== fromJson(name, flightsJson[i]?.[name] ?? Number.NaN));
      assert.equal(mismatch, -1, `${name} differs first at row ${mismatch}`);
    }
    assert.deepEqual(
      [columns.get('delay')?.at(-1), columns.get('distance')?.at(-1), columns.get('time')?.at(-1)],
      [0, 1452, Math.fround(23.983333333333334)],
    );
  });

  it('cuts its one 200,000-row record batch into batches of batchRows', async () => {
    const { batches } = await collect(FLIGHTS, { batchRows: 30_000 });
    assert.deepEqual(
      batches.map((b) => b.rows),
      [30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 20_000],
    );
    for (const b of batches) for (const values of b.columns.values()) assert.equal(values.length, b.rows);
  });

  it('stops at the limit', async () => {
    const { columns } = await collect(FLIGHTS, { limit: 5 });
    assert.deepEqual(
      columns.get('delay'),
      flightsJson.slice(0, 5).map((f) => f.delay),
    );
    assert.equal((await collect(FLIGHTS, { limit: 0 })).batches.length, 0);
  });

  it('stops early and can be iterated only once', async () => {
    let seen = 0;
    for await (const batch of readData(FLIGHTS, { batchRows: 1000 })) {
      seen += batch.rows;
      if (seen >= 3000) break;
    }
    assert.equal(seen, 3000);
    await assertIterableOnce(FLIGHTS);
  });
});

describe('Arrow IPC: type mapping', () => {
  const expectedTypes = [
    ['tiny', 'integer', 'Int8'],
    ['unsigned', 'integer', 'Uint32'],
    ['big', 'integer', 'Int64'],
    ['single', 'float', 'Float32'],
    ['double', 'float', 'Float64'],
    ['price', 'float', 'Decimal[38e+2]'],
    ['name', 'string', 'Utf8'],
    ['long_text', 'string', 'LargeUtf8'],
    ['carrier', 'category', 'Dictionary<Int32, Utf8>'],
    ['ok', 'boolean', 'Bool'],
    ['day', 'datetime', 'Date32<DAY>'],
    ['ts_s', 'datetime', 'Timestamp<SECOND>'],
    ['ts_ms', 'datetime', 'Timestamp<MILLISECOND>'],
    ['ts_us', 'datetime', 'Timestamp<MICROSECOND>'],
    ['ts_ns', 'datetime', 'Timestamp<NANOSECOND>'],
    ['ts_utc', 'datetime', 'Timestamp<MILLISECOND, UTC>'],
    ['embedding', 'tensor', 'List<Float64>'],
    ['pair', 'tensor', 'FixedSizeList[2]<Int32>'],
    ['point', 'other', 'Struct<{x:Int64, label:Utf8}>'],
  ];

  for (const file of ['types.arrow', 'types.feather', 'types-stream.arrows']) {
    it(`maps every column of ${file}`, async () => {
      const options = file.endsWith('.arrows') ? { format: 'arrow' } : {};
      const schema = await readSchema(join(dir, file), options);
      assert.deepEqual(
        schema.columns.map((c) => [c.name, c.type, c.sourceType]),
        expectedTypes,
      );
      const { columns } = await collect(join(dir, file), options);
      const ms = EPOCH_2024;
      assert.deepEqual(Object.fromEntries(columns), {
        tiny: [1, -2, null, 127],
        unsigned: [4_000_000_000, 0, 1, null],
        big: [2 ** 53, -5, null, 0],
        single: [1.5, null, -0.25, 3],
        double: [0.1, 2, null, Number.NaN],
        price: [123.45, -0.05, 0, -(2 ** 70) / 100],
        name: ['ann', null, 'cé', ''],
        long_text: ['x', 'y', null, 'z'],
        carrier: ['AA', 'UA', null, 'AA'],
        ok: [true, false, null, true],
        day: [Date.UTC(2024, 0, 2), null, 0, -86_400_000],
        ts_s: [ms - 678, null, -1000, 0],
        ts_ms: [ms, -1, null, 0],
        // sub-millisecond parts are truncated toward zero, as DuckDB's epoch_ms does
        ts_us: [ms, -1, 0, null],
        ts_ns: [ms, -1, null, 0],
        ts_utc: [ms, null, 0, 1],
        embedding: [[1, 2.5], null, [], [-3]],
        pair: [[1, 2], [3, null], null, [5, 6]],
        point: [{ x: 1, label: 'a' }, null, { x: 3, label: null }, { x: 4, label: 'd' }],
      });
    });
  }

  it('cuts record batches into batches across their bounds, dictionary by dictionary', async () => {
    for (const file of ['batched.arrow', 'batched.ipc']) {
      const { batches, columns } = await collect(join(dir, file), { batchRows: 5 });
      assert.deepEqual(
        batches.map((b) => b.rows),
        [5, 5, 2],
        file,
      );
      assert.deepEqual(columns.get('n'), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], file);
      assert.deepEqual(columns.get('colour')?.slice(7), ['blue', 'red', 'blue', 'red', 'green'], file);
      const limited = await collect(join(dir, file), { limit: 7, batchRows: 3 });
      assert.deepEqual(
        limited.batches.map((b) => b.rows),
        [3, 3, 1],
        file,
      );
    }
  });

  it('reads an Arrow stream from standard input and removes its temp file', async () => {
    const count = (): number => readdirSync(tmpdir()).filter((n) => n.startsWith('dovetail-stdin-')).length;
    const before = count();
    const stdin = Readable.from([tableToIPC(batchedTable(), 'stream')]);
    const { columns } = await collect('-', { format: 'arrow', stdin });
    assert.deepEqual(columns.get('n'), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.equal(count(), before);
  });
});

describe('Arrow IPC: type overrides', () => {
  it('converts values as TRY_CAST does, unconvertible ones to null', async () => {
    const file = join(dir, 'types.arrow');
    const types = {
      name: 'category',
      tiny: 'str',
      single: 'integer',
      carrier: 'string',
      ok: 'int',
      ts_ms: 'string',
      day: 'float',
      double: 'boolean',
      embedding: 'other',
    };
    const schema = await readSchema(file, { types });
    const byName = new Map(schema.columns.map((c) => [c.name, c]));
    assert.equal(byName.get('name')?.type, 'category');
    assert.equal(byName.get('name')?.overridden, true);
    assert.equal(byName.get('tiny')?.type, 'string');
    assert.equal(byName.get('big')?.overridden, false);
    const { columns } = await collect(file, { types });
    assert.deepEqual(columns.get('name'), ['ann', null, 'cé', '']);
    assert.deepEqual(columns.get('tiny'), ['1', '-2', null, '127']);
    // float → integer rounds half to even, as DuckDB does
    assert.deepEqual(columns.get('single'), [2, null, 0, 3]);
    assert.deepEqual(columns.get('carrier'), ['AA', 'UA', null, 'AA']);
    assert.deepEqual(columns.get('ok'), [1, 0, null, 1]);
    assert.deepEqual(columns.get('ts_ms'), [
      '2024-01-02 03:04:05.678',
      '1969-12-31 23:59:59.999',
      null,
      '1970-01-01 00:00:00',
    ]);
    assert.deepEqual(columns.get('day'), [null, null, null, null]);
    assert.deepEqual(columns.get('double'), [true, true, null, null]);
    assert.deepEqual(columns.get('embedding'), [[1, 2.5], null, [], [-3]]);
  });

  it('parses text into numbers, booleans and timestamps', async () => {
    const file = join(dir, 'text-values.arrow');
    const text = ['12', ' 2.5 ', 'yes', '2024-01-02 03:04:05.5', '2024-02-30', '2024-01-02T03:04:05+02:00', null];
    writeFileSync(file, tableToIPC(new Table({ a: vectorFromArray(text, new Utf8()) }), 'file'));
    const as = async (type: string): Promise<unknown[] | undefined> =>
      (await collect(file, { types: { a: type } })).columns.get('a');
    assert.deepEqual(await as('integer'), [12, 3, null, null, null, null, null]);
    assert.deepEqual(await as('float'), [12, 2.5, null, null, null, null, null]);
    assert.deepEqual(await as('boolean'), [null, null, true, null, null, null, null]);
    assert.deepEqual(await as('datetime'), [
      null,
      null,
      null,
      Date.UTC(2024, 0, 2, 3, 4, 5, 500),
      null,
      Date.UTC(2024, 0, 2, 1, 4, 5),
      null,
    ]);
  });

  it('rejects an unknown column or type, naming the file', async () => {
    const file = join(dir, 'types.arrow');
    await rejectsWith(readSchema(file, { types: { nope: 'category' } }), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /nope/);
      assert.match(e.expected ?? '', /tiny, unsigned, big/);
    });
    await rejectsWith(readSchema(file, { types: { tiny: 'colour' } }), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /colour/);
    });
  });
});

describe('Arrow IPC: errors', () => {
  it('reports a truncated file (no footer) when it opens', async () => {
    const file = join(dir, 'cut-file.arrow');
    await rejectsWith(openData(file), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /truncated Arrow IPC file/);
    });
  });

  it('reports a stream cut in the middle of a message while reading', async () => {
    const file = join(dir, 'cut-stream.arrow');
    const counted = { rows: 0 };
    await rejectsWith(readRows(file, counted), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /truncated or corrupt Arrow data/);
    });
    assert.ok(counted.rows < 12);
  });

  it('rejects what is not Arrow IPC, naming the file', async () => {
    const cases: [string, RegExp][] = [
      ['text.arrow', /not an Arrow IPC file or stream/],
      ['empty.arrow', /empty file/],
      ['old.feather', /Feather v1/],
    ];
    for (const [name, reason] of cases) {
      const file = join(dir, name);
      await rejectsWith(readSchema(file), (e) => {
        assert.equal(e.file, file);
        assert.match(e.message, reason);
        assert.match(e.message, new RegExp(name.replace('.', '\\.')));
      });
    }
  });

  it('explains that compressed buffers cannot be read', async () => {
    const file = join(dir, 'lz4.arrow');
    await rejectsWith(collect(file), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /compressed Arrow IPC/);
    });
  });

  it('names a missing file', async () => {
    const file = join(dir, 'missing.arrow');
    await rejectsWith(openData(file), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /not found/);
    });
  });
});
