import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CategorySample,
  categorySample,
  categoryTable,
  chiSquareCategories,
  jensenShannonCategories,
  psiCategories,
} from '../../../src/data/drift/categories.js';
import { profileColumns } from '../../../src/data/profile/profile.js';
import { chi2Contingency, jensenShannon, psiFromCounts } from '../../../src/data/stats/index.js';
import { countedLabels, draws } from './helpers.js';

function exact(values: string[]): CategorySample {
  return categorySample({ type: 'string' } as never, countedLabels(values)) as CategorySample;
}

function fromProfile(values: string[]): CategorySample {
  const p = profileColumns({ x: values }, { types: { x: 'string' } });
  return categorySample(p.columns.x as never) as CategorySample;
}

const repeat = (counts: Record<string, number>) => Object.entries(counts).flatMap(([v, n]) => Array(n).fill(v));

describe('category comparisons', () => {
  const reference = repeat({ a: 40, b: 30, c: 20, only_ref: 10 });
  const current = repeat({ a: 25, b: 35, c: 30, only_cur: 15 });

  it('chi-square with values absent on one side equals chi2Contingency on the built table', () => {
    const table = categoryTable(exact(reference), exact(current));
    assert.deepEqual(table.labels, ['a', 'b', 'c', 'only_cur', 'only_ref']);
    assert.deepEqual(table.reference, [40, 30, 20, 0, 10]);
    assert.deepEqual(table.current, [25, 35, 30, 15, 0]);
    const r = chiSquareCategories(exact(reference), exact(current));
    const expected = chi2Contingency([40, 30, 20, 0, 10], [25, 35, 30, 15, 0]);
    assert.equal(r.statistic, expected.statistic);
    assert.equal(r.p_value, expected.p_value);
    assert.equal(r.parameters.dof, 4);
    assert.equal(r.parameters.yates_correction, false);
    assert.equal(r.effect, jensenShannon([40, 30, 20, 0, 10], [25, 35, 30, 15, 0]).statistic);
    assert.equal(r.parameters.values, 'exact');
  });

  it('applies Yates only at one degree of freedom, as chi2_contingency', () => {
    const r = chiSquareCategories(exact(repeat({ yes: 30, no: 70 })), exact(repeat({ yes: 45, no: 55 })));
    assert.equal(r.parameters.dof, 1);
    assert.equal(r.parameters.yates_correction, true);
    assert.equal(r.statistic, chi2Contingency([70, 30], [55, 45]).statistic);
  });

  it('Jensen-Shannon distance in natural log, and PSI with epsilon, on the same table', () => {
    const js = jensenShannonCategories(exact(reference), exact(current));
    assert.equal(js.statistic, jensenShannon([40, 30, 20, 0, 10], [25, 35, 30, 15, 0]).statistic);
    assert.equal(js.parameters.log_base, 'e');
    const p = psiCategories(exact(reference), exact(current), 1e-4);
    assert.equal(p.statistic, psiFromCounts([40, 30, 20, 0, 10], [25, 35, 30, 15, 0], { epsilon: 1e-4 }).statistic);
    assert.equal(p.parameters.epsilon, 1e-4);
  });

  it('a profile under the frequent-values cap is exact and gives the same result as the data', () => {
    const fromData = chiSquareCategories(exact(reference), exact(current));
    const fromProfiles = chiSquareCategories(fromProfile(reference), fromProfile(current));
    assert.equal(fromProfiles.statistic, fromData.statistic);
    assert.equal(fromProfiles.parameters.values, 'exact');
  });

  it('beyond the cap: counts taken as count + error bound, the values not kept pooled, said to be approximate', () => {
    // 400 values with a heavy head: the profile keeps 200 counters (Misra-Gries).
    const weights = Array.from({ length: 400 }, (_, i) => 1 / (i + 1));
    const values = (seed: number) => draws(20000, seed, weights).map((i) => `v${i}`);
    const ref = values(1);
    const cur = values(2);
    const approx = fromProfile(ref);
    assert.equal(approx.exact, false);
    const truth = countedLabels(ref).counts;
    // The head was kept from the start, so count + error bound is its true count.
    for (const v of ['v0', 'v1', 'v2', 'v3']) assert.equal(approx.counts.get(v), truth.get(v));
    const table = categoryTable(approx, fromProfile(cur));
    assert.equal(table.labels.at(-1), null);
    assert.equal(
      table.reference.reduce((s, c) => s + c, 0),
      20000,
    );
    const r = chiSquareCategories(approx, fromProfile(cur));
    assert.equal(r.parameters.values, 'approximate');
    assert.equal(r.parameters.pooled_rest, true);
    assert.ok(r.p_value > 0.01, `same distribution: p ${r.p_value}`);
    // Against exact data, only the values the approximate side kept are compared one by one.
    const mixed = categoryTable(exact(cur), approx);
    assert.equal(mixed.labels.length, approx.counts.size + 1);
  });

  it('a column without values has no sample', () => {
    assert.equal(categorySample({ type: 'string' } as never, countedLabels([])), undefined);
  });
});
