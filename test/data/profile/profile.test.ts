import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GridHistogram } from '../../../src/data/profile/grid.js';
import { mergeProfileList, mergeProfiles } from '../../../src/data/profile/merge.js';
import {
  type ColumnProfile,
  edgesFrom,
  loadProfile,
  type Profile,
  ProfileBuilder,
  ProfileError,
  type ProfileOptions,
  parseProfile,
  profileColumns,
  quantileEdges,
  quantileSketch,
  validateProfile,
} from '../../../src/data/profile/profile.js';
import { keyOf } from '../../../src/data/sketch/frequent.js';
import { HyperLogLog } from '../../../src/data/sketch/hll.js';
import { tempDir } from '../../helpers.js';
import { mulberry32, normals } from '../sketch/gen.js';

const N = 20000;
const TYPES = { x: 'float', n: 'int64', cat: 'categorical', flag: 'bool', ts: 'timestamp' };

/** Several column types, with missing (null, NaN, ''), invalid values and infinities. */
function dataset(seed = 7): Record<string, unknown[]> {
  const r = mulberry32(seed);
  const z = normals(N, seed + 1, 50, 12);
  const cats = ['red', 'green', 'blue', 'cyan', 'magenta'];
  const x: unknown[] = [];
  const n: unknown[] = [];
  const cat: unknown[] = [];
  const flag: unknown[] = [];
  const ts: unknown[] = [];
  const t0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < N; i++) {
    const u = r();
    x.push(u < 0.03 ? Number.NaN : u < 0.05 ? null : u < 0.051 ? 'abc' : u < 0.052 ? Number.POSITIVE_INFINITY : z[i]);
    n.push(r() < 0.02 ? undefined : Math.floor(Math.exp(r() * 9)));
    cat.push(r() < 0.01 ? '' : cats[Math.floor(r() ** 2 * cats.length)]);
    flag.push(r() < 0.05 ? null : r() < 0.3);
    ts.push(r() < 0.04 ? null : new Date(t0 + Math.floor(r() * 365 * 86400e3)));
  }
  return { x, n, cat, flag, ts };
}

function slice(data: Record<string, unknown[]>, from: number, to: number): Map<string, unknown[]> {
  return new Map(Object.entries(data).map(([k, v]) => [k, v.slice(from, to)]));
}

const OPTIONS: ProfileOptions = { types: TYPES, seed: 42, created: '2025-01-01T00:00:00.000Z' };

function profileOf(data: Record<string, unknown[]>, cuts: number[], options = OPTIONS): Profile[] {
  const bounds = [0, ...cuts, N];
  return bounds.slice(1).map((to, i) => {
    const b = new ProfileBuilder(options);
    // Several batches per part, to exercise streaming too.
    const from = bounds[i] as number;
    for (let s = from; s < to; s += 3000) b.addBatch({ columns: slice(data, s, Math.min(to, s + 3000)) });
    return b.build();
  });
}

function relClose(a: number, b: number, rel: number, scale = 0): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b), scale);
}

function trueRankInterval(sorted: number[], x: number): [number, number] {
  let below = 0;
  let atOrBelow = 0;
  for (const v of sorted) {
    if (v < x) below++;
    if (v <= x) atOrBelow++;
  }
  return [below / sorted.length, atOrBelow / sorted.length];
}

/** Asserts `merged` equals `whole` exactly where the format promises it, quantiles within the bound. */
function assertEquivalent(merged: Profile, whole: Profile, data: Record<string, unknown[]>): void {
  assert.equal(merged.rows, whole.rows);
  assert.deepEqual(Object.keys(merged.columns).sort(), Object.keys(whole.columns).sort());
  for (const [name, w] of Object.entries(whole.columns)) {
    const m = merged.columns[name] as ColumnProfile;
    const at = `column ${name}`;
    for (const key of ['type', 'count', 'missing', 'invalid', 'distinct', 'min', 'max'] as const)
      assert.equal(m[key], w[key], `${at}: ${key}`);
    assert.deepEqual(m.hll, w.hll, `${at}: HLL registers`);
    assert.deepEqual(m.histogram, w.histogram, `${at}: histogram`);
    assert.deepEqual(m.frequent, w.frequent, `${at}: frequent values`);
    if (w.moments && m.moments) {
      const a = m.moments;
      const b = w.moments;
      assert.equal(a.n, b.n);
      assert.equal(a.infinite, b.infinite);
      assert.equal(a.min, b.min);
      assert.equal(a.max, b.max);
      assert.ok(relClose(a.mean, b.mean, 1e-12), `${at}: mean ${a.mean} vs ${b.mean}`);
      assert.ok(relClose(a.m2, b.m2, 1e-12), `${at}: m2`);
      const sd = Math.sqrt(b.m2 / b.n);
      assert.ok(relClose(a.m3, b.m3, 1e-12, b.n * sd ** 3), `${at}: m3 ${a.m3} vs ${b.m3}`);
      assert.ok(relClose(a.m4, b.m4, 1e-12), `${at}: m4`);
      assert.ok(relClose(m.variance as number, w.variance as number, 1e-12), `${at}: variance`);
    }
    if (w.quantiles && m.quantiles) {
      assert.equal(m.quantiles.error_bound, w.quantiles.error_bound);
      assert.equal(m.quantiles.sketch.n, w.quantiles.sketch.n);
      const kll = quantileSketch(m);
      assert.ok(kll);
      const values = (data[name] as unknown[])
        .map((v) => (v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Number.NaN))
        .filter((v) => Number.isFinite(v))
        .sort((p, q) => p - q);
      assert.equal(values.length, m.quantiles.sketch.n);
      for (let q = 0.01; q < 1; q += 0.049) {
        const [lo, hi] = trueRankInterval(values, kll.quantile(q));
        const err = q < lo ? lo - q : q > hi ? q - hi : 0;
        assert.ok(err <= m.quantiles.error_bound, `${at}: quantile ${q} rank error ${err}`);
      }
    }
  }
}

describe('profile: parts merge into the whole', () => {
  const data = dataset();
  const whole = profileOf(data, [])[0] as Profile;
  const parts = profileOf(data, [1234, 7000, 7001, 15555]);

  it('profiles the whole data set with the expected summary', () => {
    assert.equal(whole.dovetail_profile, 1);
    assert.equal(whole.rows, N);
    const x = whole.columns.x as ColumnProfile;
    assert.equal(x.type, 'float');
    assert.equal(x.count, N);
    assert.ok(x.missing > 0.04 * N && x.missing < 0.06 * N);
    assert.ok(x.invalid > 0);
    assert.ok((x.moments?.infinite ?? 0) > 0);
    assert.ok(Math.abs((x.mean as number) - 50) < 1);
    assert.ok(Math.abs(Math.sqrt(x.variance as number) - 12) < 1);
    assert.ok(x.histogram?.grid, 'default grid histogram');
    assert.ok((x.histogram?.counts.length ?? 0) <= 64 && (x.histogram?.counts.length ?? 0) > 32);
    assert.equal(x.histogram?.overflow, x.moments?.infinite);
    assert.equal(whole.columns.n?.type, 'integer');
    assert.equal(whole.columns.cat?.type, 'category');
    assert.equal(whole.columns.cat?.frequent?.items.length, 5);
    assert.equal(whole.columns.cat?.frequent?.errorBound, 0);
    assert.equal(whole.columns.flag?.type, 'boolean');
    assert.deepEqual(whole.columns.flag?.frequent?.items.map((i) => i[0]).sort(), ['false', 'true']);
    const ts = whole.columns.ts as ColumnProfile;
    assert.equal(ts.type, 'datetime');
    assert.ok((ts.min as number) >= Date.UTC(2024, 0, 1) && (ts.max as number) < Date.UTC(2025, 0, 1));
    assert.ok(Math.abs((ts.distinct as number) - (N - ts.missing)) / N < 0.05);
    assert.ok(Math.abs((whole.columns.cat?.distinct as number) - 5) < 0.5);
    for (const c of Object.values(whole.columns))
      assert.equal(
        c.count,
        c.missing + c.invalid + (c.moments ? c.moments.n + c.moments.infinite : (c.frequent?.n ?? 0)),
      );
  });

  it('merged in order equals the whole', () => assertEquivalent(mergeProfiles(...(parts as [Profile])), whole, data));

  it('merged in reverse order equals the whole', () =>
    assertEquivalent(mergeProfileList([...parts].reverse()), whole, data));

  it('merged as a tree, after a JSON round trip, equals the whole', () => {
    const [a, b, c, d, e] = parts.map((p) => parseProfile(JSON.stringify(p))) as Profile[];
    const left = mergeProfiles(e as Profile, a as Profile);
    const right = mergeProfiles(mergeProfiles(c as Profile, b as Profile), d as Profile);
    assertEquivalent(mergeProfiles(right, left), whole, data);
  });

  it('is independent of the split: another split merges to the same exact parts', () => {
    const other = mergeProfileList(profileOf(data, [10, 19990]));
    const merged = mergeProfileList(parts);
    for (const [name, c] of Object.entries(merged.columns)) {
      assert.deepEqual(other.columns[name]?.histogram, c.histogram, name);
      assert.deepEqual(other.columns[name]?.hll, c.hll, name);
    }
  });

  it('with caller edges (from a reference), histograms merge exactly too', () => {
    const reference = profileOf(dataset(99), [])[0] as Profile;
    const edges: Record<string, number[]> = {
      ...edgesFrom(reference),
      x: quantileEdges(reference.columns.x as ColumnProfile, 10) as number[],
    };
    assert.ok((edges.x?.length ?? 0) >= 8);
    const opts = { ...OPTIONS, edges };
    const w = profileOf(data, [], opts)[0] as Profile;
    assert.equal(w.columns.x?.histogram?.grid, undefined);
    assert.deepEqual(w.columns.x?.histogram?.edges, edges.x);
    assert.deepEqual(w.columns.n?.histogram?.edges, edges.n);
    assertEquivalent(mergeProfileList(profileOf(data, [5000, 5100, 12000], opts).reverse()), w, data);
  });
});

describe('GridHistogram', () => {
  it('any split in any order gives the histogram of the whole', () => {
    const r = mulberry32(3);
    for (let trial = 0; trial < 30; trial++) {
      const scale = 10 ** Math.floor(r() * 12 - 4);
      const values = Array.from({ length: 500 }, () =>
        r() < 0.1 ? Math.floor(r() * 20) * scale : (r() - 0.3) * scale * (r() < 0.05 ? 1000 : 1),
      );
      const opts = { maxBins: 2 + Math.floor(r() * 40), minLevel: trial % 2 ? 0 : -60 };
      const whole = new GridHistogram(opts);
      for (const v of values) whole.add(v);
      const parts = [new GridHistogram(opts), new GridHistogram(opts), new GridHistogram(opts)];
      for (const v of values) (parts[Math.floor(r() * 3)] as GridHistogram).add(v);
      const m1 = (parts[2] as GridHistogram)
        .clone()
        .merge(parts[0] as GridHistogram)
        .merge(parts[1] as GridHistogram);
      const m2 = (parts[1] as GridHistogram)
        .clone()
        .merge((parts[0] as GridHistogram).clone().merge(parts[2] as GridHistogram));
      const shuffled = new GridHistogram(opts);
      for (const v of [...values].reverse()) shuffled.add(v);
      assert.deepEqual(m1.toJSON(), whole.toJSON());
      assert.deepEqual(m2.toJSON(), whole.toJSON());
      assert.deepEqual(shuffled.toJSON(), whole.toJSON());
      assert.equal(whole.total, values.length);
      assert.ok(whole.counts.length <= opts.maxBins);
      const e = whole.edges();
      assert.ok(Math.min(...values) >= (e[0] as number) && Math.max(...values) < (e.at(-1) as number));
    }
  });

  it('round-trips through JSON', () => {
    const g = new GridHistogram({ maxBins: 16, minLevel: -60 });
    for (const v of [0.1, 0.5, -3, 7.25, Number.NEGATIVE_INFINITY]) g.add(v);
    assert.deepEqual(GridHistogram.fromJSON(g.toJSON()).toJSON(), g.toJSON());
    assert.equal(g.underflow, 1);
  });
});

describe('ProfileBuilder', () => {
  it('pads columns absent from a batch with missing values, and infers types', () => {
    const b = new ProfileBuilder({ seed: 1 });
    b.addBatch({ columns: { a: [1, 2, 3], s: ['x', 'y', 'x'] } });
    b.addBatch({ columns: { a: [4, null], t: [new Date(0), new Date(1000)] } });
    const p = b.build();
    assert.equal(p.rows, 5);
    assert.equal(p.columns.a?.type, 'float');
    assert.equal(p.columns.a?.missing, 1);
    assert.equal(p.columns.s?.type, 'string');
    assert.equal(p.columns.s?.missing, 2);
    assert.equal(p.columns.t?.type, 'datetime');
    assert.equal(p.columns.t?.missing, 3);
    assert.deepEqual(p.columns.s?.frequent?.items, [
      ['x', 2],
      ['y', 1],
    ]);
  });

  it('takes columns one by one (addColumn), padding the shorter ones at build', () => {
    const b = new ProfileBuilder();
    b.addColumn('n', 'integer', [1, 2, '3', 'x']);
    b.addColumn('b', 'boolean', ['yes', 'no']);
    b.addColumn('n', undefined, [5]);
    const p = b.build();
    assert.equal(p.rows, 5);
    assert.equal(p.columns.n?.invalid, 1);
    assert.equal(p.columns.n?.max, 5);
    assert.equal(p.columns.b?.missing, 3);
    assert.throws(() => b.addColumn('n', 'string', ['a']), /type string given, but the column was started as integer/);
    assert.throws(() => b.addColumn('q', 'nonsense', [1]), /unknown column type "nonsense"/);
    assert.throws(() => b.addBatch({ columns: { a: [1], c: [1, 2] } }), /has 2 values/);
  });
});

describe('mergeProfiles', () => {
  const created = '2025-01-01T00:00:00.000Z';

  it('counts a column missing from one profile as missing values there', () => {
    const a = profileColumns({ x: [1, 2, 3], y: ['a', 'b', 'c'] }, { seed: 1, created });
    const b = profileColumns({ x: [4, 5] }, { seed: 2, created });
    const m = mergeProfiles(a, b);
    assert.equal(m.rows, 5);
    assert.equal(m.columns.y?.count, 5);
    assert.equal(m.columns.y?.missing, 2);
    assert.equal(m.columns.x?.max, 5);
    assert.deepEqual(mergeProfiles(b, a).columns.y?.frequent, m.columns.y?.frequent);
    assert.equal(validateProfile(JSON.parse(JSON.stringify(m))).rows, 5);
  });

  it('widens integer and float to float, rejects other type conflicts', () => {
    const a = profileColumns({ x: [1, 2, 3] }, { types: { x: 'integer' }, created });
    const b = profileColumns({ x: [0.5, 2.5] }, { types: { x: 'float' }, created });
    const m = mergeProfiles(a, b);
    assert.equal(m.columns.x?.type, 'float');
    assert.equal(m.columns.x?.moments?.n, 5);
    assert.equal(m.columns.x?.min, 0.5);
    assert.equal(
      m.columns.x?.histogram?.counts.reduce((s, c) => s + c, 0),
      5,
    );
    const c = profileColumns({ x: ['a'] }, { types: { x: 'category' }, created });
    assert.throws(() => mergeProfiles(a, c), /column "x": cannot merge type integer with type category/);
  });

  it('merges histograms only on equal edges', () => {
    const a = profileColumns({ x: [1, 2] }, { edges: { x: [0, 1, 2, 3] }, created });
    const b = profileColumns({ x: [1, 2] }, { edges: { x: [0, 2, 3] }, created });
    const g = profileColumns({ x: [1, 2] }, { created });
    assert.throws(() => mergeProfiles(a, b), /column "x": Histogram.merge: edges differ/);
    assert.throws(() => mergeProfiles(a, g), /column "x": cannot merge a histogram on caller-given edges/);
    const m = mergeProfiles(a, a);
    assert.deepEqual(m.columns.x?.histogram?.counts, [0, 2, 2]);
  });

  it('keeps an equal source and the given creation time', () => {
    const a = profileColumns({ x: [1] }, { source: { path: 'a.csv' }, created });
    const b = profileColumns({ x: [2] }, { source: { path: 'b.csv' }, created });
    assert.deepEqual(mergeProfiles(a, a).source, { path: 'a.csv' });
    assert.equal(mergeProfiles(a, b).source, undefined);
    assert.equal(mergeProfileList([a, b], { created: 'then' }).created, 'then');
  });
});

describe('profile JSON', () => {
  const p = profileColumns(
    { x: [1.5, 2, null, 4], c: ['a', 'b', 'a', null] },
    { seed: 5, created: '2025-01-01T00:00:00.000Z', source: { path: 'x.csv', format: 'csv' } },
  );

  it('round-trips through text and keeps merging', () => {
    const text = JSON.stringify(p);
    const back = parseProfile(text, 'p.json');
    assert.deepEqual(back, p);
    assert.equal(JSON.stringify(back), text);
    assert.equal(mergeProfiles(back, back).columns.x?.count, 8);
  });

  it('reads a long frequent value, as profiles written before its key held it, under its key', () => {
    const long = 'x'.repeat(500);
    const written = structuredClone(p) as unknown as { columns: { c: { frequent: { items: [string, number][] } } } };
    written.columns.c.frequent.items.push([long, 1]);
    const back = parseProfile(JSON.stringify(written), 'old.json');
    assert.deepEqual(back.columns.c?.frequent?.items.at(-1), [keyOf(long), 1]);
    assert.deepEqual(back.columns.c?.frequent?.items.slice(0, -1), p.columns.c?.frequent?.items);
  });

  it('reads distinct-count registers written one byte each (hll version 2) and merges them with version 3', () => {
    const written = structuredClone(p);
    for (const c of Object.values(written.columns)) {
      if (!c.hll) continue;
      const dense = Buffer.from(HyperLogLog.fromJSON(c.hll).registers).toString('base64');
      Object.assign(c.hll, { v: 2, registers: dense });
    }
    const back = parseProfile(JSON.stringify(written), 'old.json');
    for (const [name, c] of Object.entries(p.columns)) {
      if (!c.hll) continue;
      const old = back.columns[name]?.hll;
      assert.ok(old, name);
      assert.equal(old.v, 2, name);
      assert.deepEqual(HyperLogLog.fromJSON(old).registers, HyperLogLog.fromJSON(c.hll).registers, name);
    }
    // Merged with itself as written now: the registers' max is the same sketch, written as version 3.
    const merged = mergeProfiles(back, p);
    assert.deepEqual(merged.columns.c?.hll, p.columns.c?.hll);
    assert.equal(merged.columns.c?.distinct, p.columns.c?.distinct);
  });

  it('loads a file and rejects invalid profiles naming the file and the JSON pointer', async () => {
    const dir = tempDir();
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify(p));
    assert.deepEqual(await loadProfile(good), p);

    const bad = structuredClone(p) as unknown as { columns: Record<string, Record<string, unknown>> };
    (bad.columns.x as Record<string, unknown>).count = '4';
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(bad));
    await assert.rejects(loadProfile(file), (e: unknown) => {
      assert.ok(e instanceof ProfileError);
      assert.match(e.message, /bad\.json: \/columns\/x\/count: wrong type; expected a number, found "4"/);
      assert.equal(e.diagnostics[0]?.pointer, '/columns/x/count');
      return true;
    });
  });

  it('names the pointer for wrong versions, bad types, off-lattice edges and bad JSON', () => {
    const errorOf = (doc: unknown): ProfileError => {
      try {
        validateProfile(doc, 'p.json');
      } catch (e) {
        assert.ok(e instanceof ProfileError);
        return e;
      }
      assert.fail('accepted an invalid profile');
    };
    assert.match(errorOf({ ...p, dovetail_profile: 2 }).message, /p\.json: \/dovetail_profile: .*expected one of 1/);
    const typo = structuredClone(p);
    (typo.columns.c as ColumnProfile).type = 'colour';
    assert.match(errorOf(typo).message, /\/columns\/c\/type: .*expected one of "boolean"/);
    const lattice = structuredClone(p);
    const latticeEdges = lattice.columns.x?.histogram?.edges as number[];
    latticeEdges[1] = (latticeEdges[1] as number) + 0.001;
    assert.match(errorOf(lattice).message, /\/columns\/x\/histogram\/edges: edge 1 is not on the/);
    const counts = structuredClone(p);
    (counts.columns.c as ColumnProfile).count = 3;
    assert.match(errorOf(counts).message, /\/columns\/c\/count: count differs from rows; expected 4/);
    const registers = structuredClone(p);
    (registers.columns.c?.hll as { registers: string }).registers = Buffer.from([0, 9]).toString('base64');
    assert.match(
      errorOf(registers).message,
      /\/columns\/c\/hll\/registers: registers do not match p: 9 of 2\^p = 4096; expected 2\^p = 4096 registers/,
    );
    const missing = structuredClone(p) as Partial<Profile>;
    delete missing.rows;
    assert.match(errorOf(missing).message, /\/rows: missing required field "rows"/);
    assert.throws(() => parseProfile('{"dovetail_profile": 1,\n oops}', 'q.json'), /q\.json:2: \/: not JSON/);
  });
});
