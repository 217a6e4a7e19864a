import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Histogram } from '../../../src/data/sketch/histogram.js';
import { normals } from './gen.js';

describe('Histogram', () => {
  it('bins like numpy.histogram, with overflow bins and missing counted apart', () => {
    const h = new Histogram([0, 1, 2, 3]);
    h.addAll([-0.5, 0, 0.5, 1, 2.999, 3, 3.01, Number.NaN, null, undefined, -Infinity, Infinity, -0]);
    assert.deepEqual(h.counts, [3, 1, 2]);
    assert.equal(h.underflow, 2);
    assert.equal(h.overflow, 2);
    assert.equal(h.missing, 3);
    assert.equal(h.total, 10);
  });

  it('agrees with a linear scan on many values', () => {
    const h = Histogram.uniform(-3, 3, 37);
    const xs = normals(20_000, 5);
    h.addAll(xs);
    const e = h.edges;
    const expect = new Array(37).fill(0);
    let under = 0;
    let over = 0;
    for (const x of xs) {
      if (x < -3) under++;
      else if (x > 3) over++;
      else {
        let i = 0;
        while (i < 36 && x >= (e[i + 1] as number)) i++;
        expect[i]++;
      }
    }
    assert.deepEqual(h.counts, expect);
    assert.equal(h.underflow, under);
    assert.equal(h.overflow, over);
  });

  it('merges exactly and commutatively', () => {
    const xs = normals(10_000, 8);
    const whole = Histogram.uniform(-2, 2, 10).addAll(xs);
    const a = Histogram.uniform(-2, 2, 10).addAll(xs.slice(0, 3000));
    const b = Histogram.uniform(-2, 2, 10).addAll(xs.slice(3000));
    assert.deepEqual(a.clone().merge(b).toJSON(), whole.toJSON());
    assert.deepEqual(b.clone().merge(a).toJSON(), whole.toJSON());
  });

  it('refuses to merge different edges with a clear error', () => {
    assert.throws(() => new Histogram([0, 1, 2]).merge(new Histogram([0, 1, 3])), /edges differ/);
    assert.throws(() => new Histogram([0, 1]).merge(new Histogram([0, 1, 2])), /edges differ/);
  });

  it('validates edges', () => {
    assert.throws(() => new Histogram([1]), /two edges/);
    assert.throws(() => new Histogram([0, 0]), /strictly increasing/);
    assert.throws(() => new Histogram([0, Number.NaN]), /not finite/);
  });

  it('round-trips through JSON', () => {
    const h = new Histogram([-1, 0, 1]).addAll([0.5, -2, Number.NaN]);
    const r = Histogram.fromJSON(JSON.parse(JSON.stringify(h)));
    assert.deepEqual(r.toJSON(), h.toJSON());
    assert.throws(() => Histogram.fromJSON({ ...h.toJSON(), counts: [1] }), /counts/);
  });
});
