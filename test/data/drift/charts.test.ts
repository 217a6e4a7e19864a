import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignGrids, type ColumnChart, columnCharts } from '../../../src/data/drift/charts.js';
import { GridHistogram } from '../../../src/data/profile/grid.js';
import { profileColumns } from '../../../src/data/profile/profile.js';
import { normal, side } from './helpers.js';

function grid(values: number[], minLevel = -60): GridHistogram {
  const g = new GridHistogram({ maxBins: 64, minLevel });
  for (const v of values) g.add(v);
  return g;
}

describe('charts', () => {
  it('aligns two grid histograms on the coarser lattice, counts unchanged', () => {
    const narrow = normal(5000, 1, 0, 0.1); // a fine level
    const wide = normal(5000, 2, 3, 2); // a coarse level
    const a = grid(narrow);
    const b = grid(wide);
    assert.ok(a.level < b.level);
    const bins = alignGrids(a, b);
    assert.equal(bins.reference.length, bins.edges.length - 1);
    assert.equal(bins.current.length, bins.edges.length - 1);
    assert.ok(bins.reference.length <= 64);
    assert.equal(
      bins.reference.reduce((s, c) => s + c, 0),
      5000,
    );
    assert.equal(
      bins.current.reduce((s, c) => s + c, 0),
      5000,
    );
    // Every value sits in its bin: recount on the aligned edges.
    const recount = (values: number[]) =>
      bins.edges.slice(0, -1).map((lo, i) => values.filter((v) => v >= lo && v < (bins.edges[i + 1] as number)).length);
    assert.deepEqual(bins.reference, recount(narrow));
    assert.deepEqual(bins.current, recount(wide));
    const width = (bins.edges[1] as number) - (bins.edges[0] as number);
    assert.ok(Number.isInteger(Math.log2(width)));
    assert.ok(width >= 2 ** b.level);
  });

  it('one chart per compared column: histograms for numbers, top values for categories', () => {
    const a = {
      x: normal(200, 3),
      c: ['a', 'b', 'b', 'c'].flatMap((v) => Array(50).fill(v)),
      img: Array(200).fill('x'),
    };
    const b = { x: normal(180, 4, 1), c: ['b', 'c', 'd'].flatMap((v) => Array(60).fill(v)), img: Array(180).fill('x') };
    const types = { x: 'float', c: 'category', img: 'image' };
    const charts = columnCharts(side(a, types), side(b, types));
    assert.deepEqual([...charts.keys()], ['x', 'c']);
    const x = charts.get('x') as ColumnChart & { kind: 'histogram' };
    assert.equal(x.kind, 'histogram');
    assert.equal(x.approximate, false);
    const c = charts.get('c') as ColumnChart & { kind: 'top-values' };
    assert.equal(c.kind, 'top-values');
    assert.deepEqual(c.labels, ['b', 'c', 'd', 'a']);
    assert.deepEqual(c.reference, [100, 50, 0, 50]);
    assert.deepEqual(c.current, [60, 60, 60, 0]);
  });

  it('histograms on caller edges: used when both sides share them', () => {
    const edges = { x: [-4, -2, 0, 2, 4] };
    const ref = { profile: profileColumns({ x: normal(400, 5) }, { types: { x: 'float' }, edges }) };
    const cur = { profile: profileColumns({ x: normal(400, 6) }, { types: { x: 'float' }, edges }) };
    const x = columnCharts(ref, cur).get('x') as ColumnChart & { kind: 'histogram' };
    assert.deepEqual(x.edges, edges.x);
    assert.deepEqual(x.reference, ref.profile.columns.x?.histogram?.counts);
  });
});
