import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { DataReadError, detectFormat, openData, readData, readSchema } from '../../../src/data/read/index.js';
import { ROOT, tempDir } from '../../helpers.js';
import { assertIterableOnce, collect, readRows, rejectsWith } from './helpers.js';

const FLIGHTS = join(ROOT, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');

let dir: string;

before(() => {
  dir = tempDir('dovetail-read-');
  writeFileSync(
    join(dir, 'small.csv'),
    'id,name,score,when,ok,big\n1,ann,1.5,2024-01-02 00:00:00,true,9007199254740993\n2,bob,,2024-01-03 12:00:00,false,2\n3,"c, d",2.25,,true,3\n',
  );
  writeFileSync(join(dir, 'small.tsv'), 'a\tb\n1\tx\n2\ty\n');
  writeFileSync(join(dir, 'rows.jsonl'), '{"a":1,"s":"x","t":"2024-01-01T00:00:00Z"}\n{"a":2,"s":"y","t":null}\n');
  const lines = ['id,name,when'];
  for (let i = 1; i < 40_000; i++) lines.push(`${i},n${i},2020-01-${String((i % 28) + 1).padStart(2, '0')}`);
  lines.splice(30_000, 0, '30000,x,y,z'); // file line 30,001: four fields
  writeFileSync(join(dir, 'bad-late.csv'), `${lines.join('\n')}\n`);
  const early = ['id,name,when', '1,a,2020-01-01', '2,b,c,d', '3,c,2020-01-03'];
  writeFileSync(join(dir, 'bad-early.csv'), `${early.join('\n')}\n`);
  writeFileSync(join(dir, 'notes.txt'), 'hello\n');
  writeFileSync(join(dir, 'broken.jsonl'), '{"a":1}\n{"a":}\n{"a":3}\n');
});

after(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
});

describe('detectFormat', () => {
  it('knows the extensions, case-insensitively', () => {
    assert.equal(detectFormat('a/b.CSV'), 'csv');
    assert.equal(detectFormat('x.tsv'), 'tsv');
    assert.equal(detectFormat('x.parquet'), 'parquet');
    assert.equal(detectFormat('x.jsonl'), 'jsonl');
    assert.equal(detectFormat('x.ndjson'), 'jsonl');
    assert.equal(detectFormat('x.arrow'), 'arrow');
    assert.equal(detectFormat('x.feather'), 'arrow');
    assert.equal(detectFormat('x.ipc'), 'arrow');
  });
  it('takes an override', () => {
    assert.equal(detectFormat('x.txt', 'csv'), 'csv');
    assert.equal(detectFormat('x.csv', '.tsv'), 'tsv');
    assert.equal(detectFormat('x', 'ndjson'), 'jsonl');
    assert.throws(() => detectFormat('x.csv', 'xlsx'), DataReadError);
  });
  it('rejects an unknown extension, naming the file', () => {
    assert.throws(
      () => detectFormat('data/notes.txt'),
      (e: unknown) =>
        e instanceof DataReadError && e.file === 'data/notes.txt' && /\.txt/.test(e.message) && !!e.expected,
    );
  });
});

describe('Parquet (flights-3m)', () => {
  it('reads the schema with canonical types', async () => {
    const schema = await readSchema(FLIGHTS);
    assert.equal(schema.format, 'parquet');
    assert.deepEqual(
      schema.columns.map((c) => [c.name, c.type, c.sourceType]),
      [
        ['date', 'datetime', 'TIMESTAMP'],
        ['delay', 'integer', 'BIGINT'],
        ['distance', 'integer', 'BIGINT'],
        ['origin', 'string', 'VARCHAR'],
        ['destination', 'string', 'VARCHAR'],
      ],
    );
  });

  it('gives timestamps as epoch ms and BIGINTs as numbers', async () => {
    const { columns } = await collect(FLIGHTS, { limit: 3 });
    const dates = columns.get('date') as number[];
    assert.equal(dates.length, 3);
    for (const d of dates) {
      assert.equal(typeof d, 'number');
      assert.equal(new Date(d).getUTCFullYear(), 2001);
    }
    assert.equal(typeof columns.get('delay')?.[0], 'number');
    assert.equal(typeof columns.get('origin')?.[0], 'string');
  });

  it('streams in batches without materialising the table', async () => {
    const reader = await openData(FLIGHTS, { limit: 200_000, batchRows: 10_000 });
    let rows = 0;
    let batches = 0;
    try {
      for await (const batch of reader) {
        batches++;
        rows += batch.rows;
        assert.equal(batch.columns.size, 5);
        for (const values of batch.columns.values()) assert.equal(values.length, batch.rows);
        assert.ok(batch.rows <= 10_000 + 2048);
      }
    } finally {
      await reader.close();
    }
    assert.equal(rows, 200_000);
    assert.ok(batches >= 15, `${batches} batches`);
  });

  it('stops early and cleans up when the consumer breaks', async () => {
    let seen = 0;
    for await (const batch of readData(FLIGHTS, { batchRows: 2048 })) {
      seen += batch.rows;
      if (seen >= 4096) break;
    }
    assert.equal(seen, 4096);
  });

  it('can be iterated only once', async () => {
    await assertIterableOnce(FLIGHTS);
  });
});

describe('CSV and TSV', () => {
  it('reads a CSV with types, nulls and quoted fields', async () => {
    const file = join(dir, 'small.csv');
    const schema = await readSchema(file);
    assert.deepEqual(
      schema.columns.map((c) => [c.name, c.type]),
      [
        ['id', 'integer'],
        ['name', 'string'],
        ['score', 'float'],
        ['when', 'datetime'],
        ['ok', 'boolean'],
        ['big', 'integer'],
      ],
    );
    const { columns } = await collect(file);
    assert.deepEqual(columns.get('id'), [1, 2, 3]);
    assert.deepEqual(columns.get('name'), ['ann', 'bob', 'c, d']);
    assert.deepEqual(columns.get('score'), [1.5, null, 2.25]);
    assert.deepEqual(columns.get('when'), [Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3, 12), null]);
    assert.deepEqual(columns.get('ok'), [true, false, true]);
    // 2^53 + 1 is not a double: documented precision loss beyond 2^53.
    assert.equal(columns.get('big')?.[0], 2 ** 53);
  });

  it('reads a TSV', async () => {
    const { columns } = await collect(join(dir, 'small.tsv'));
    assert.deepEqual(columns.get('a'), [1, 2]);
    assert.deepEqual(columns.get('b'), ['x', 'y']);
  });

  it('reads by format override whatever the extension', async () => {
    const file = join(dir, 'small-as.txt');
    writeFileSync(file, 'a,b\n1,2\n');
    const { columns } = await collect(file, { format: 'csv' });
    assert.deepEqual(columns.get('b'), [2]);
  });
});

describe('type overrides', () => {
  it('turns a string column into a category and an integer into a string', async () => {
    const file = join(dir, 'small.csv');
    const schema = await readSchema(file, { types: { name: 'category', id: 'str' } });
    const byName = new Map(schema.columns.map((c) => [c.name, c]));
    assert.equal(byName.get('name')?.type, 'category');
    assert.equal(byName.get('name')?.overridden, true);
    assert.equal(byName.get('id')?.type, 'string');
    assert.equal(byName.get('score')?.overridden, false);
    const { columns } = await collect(file, { types: { id: 'string', score: 'integer', name: 'categorical' } });
    assert.deepEqual(columns.get('id'), ['1', '2', '3']);
    assert.deepEqual(columns.get('score'), [2, null, 2]);
    assert.deepEqual(columns.get('name'), ['ann', 'bob', 'c, d']);
  });

  it('rejects an unknown column or type', async () => {
    const file = join(dir, 'small.csv');
    await rejectsWith(readSchema(file, { types: { nope: 'category' } }), (e) => {
      assert.match(e.message, /nope/);
      assert.match(e.expected ?? '', /id, name/);
    });
    await rejectsWith(readSchema(file, { types: { id: 'colour' } }), (e) => assert.match(e.message, /colour/));
  });
});

describe('JSON Lines', () => {
  it('reads a file', async () => {
    const { columns } = await collect(join(dir, 'rows.jsonl'));
    assert.deepEqual(columns.get('a'), [1, 2]);
    assert.deepEqual(columns.get('s'), ['x', 'y']);
    assert.deepEqual(columns.get('t'), [Date.UTC(2024, 0, 1), null]);
  });

  it('reads standard input and removes its temp file', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('dovetail-stdin-')).length;
    const stdin = Readable.from(['{"x":1,"y":"a"}\n', '{"x":2,"y":"b"}\n{"x":3,"y":"a"}\n']);
    const reader = await openData('-', { stdin, types: { y: 'category' } });
    assert.equal(reader.file, '<stdin>');
    assert.equal(reader.format, 'jsonl');
    assert.deepEqual(
      reader.columns.map((c) => [c.name, c.type]),
      [
        ['x', 'integer'],
        ['y', 'category'],
      ],
    );
    const xs: unknown[] = [];
    for await (const b of reader) xs.push(...(b.columns.get('x') ?? []));
    await reader.close();
    assert.deepEqual(xs, [1, 2, 3]);
    const afterCount = readdirSync(tmpdir()).filter((n) => n.startsWith('dovetail-stdin-')).length;
    assert.equal(afterCount, before);
  });

  it('reads the real standard input of a process', () => {
    const entry = join(ROOT, 'src', 'data', 'read', 'index.js');
    const code = `import { openData } from ${JSON.stringify(entry)};
      const r = await openData('-'); let n = 0; for await (const b of r) n += b.rows; await r.close();
      console.log(JSON.stringify({ n, columns: r.columns.map((c) => c.name + ':' + c.type) }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      input: '{"k":1,"v":"a"}\n{"k":2,"v":"b"}\n',
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), { n: 2, columns: ['k:integer', 'v:string'] });
  });

  it('reports malformed JSON with its line', async () => {
    await rejectsWith(collect(join(dir, 'broken.jsonl')), (e) => {
      assert.equal(e.file, join(dir, 'broken.jsonl'));
      assert.equal(e.line, 2);
    });
  });
});

describe('errors', () => {
  it('names a missing file', async () => {
    const file = join(dir, 'missing.parquet');
    await rejectsWith(openData(file), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /not found/);
    });
  });

  it('rejects an unknown extension', async () => {
    const file = join(dir, 'notes.txt');
    await rejectsWith(openData(file), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /\.txt/);
    });
  });

  it('names the line of a malformed CSV row instead of stopping silently', async () => {
    const file = join(dir, 'bad-late.csv');
    const counted = { rows: 0 };
    await rejectsWith(readRows(file, counted), (e) => {
      assert.equal(e.file, file);
      assert.equal(e.line, 30_001);
      assert.equal(e.expected, '3 columns');
      assert.match(e.message, /30000,x,y,z/);
    });
    assert.ok(counted.rows < 40_000);
  });

  it('reports a CSV whose layout cannot be detected', async () => {
    const file = join(dir, 'bad-early.csv');
    await rejectsWith(readSchema(file), (e) => {
      assert.equal(e.file, file);
      assert.match(e.message, /CSV layout/);
    });
  });
});
