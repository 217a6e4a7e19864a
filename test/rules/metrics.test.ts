import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Descriptor } from '../../src/descriptors/system.js';
import {
  describeResult,
  direction,
  goalOperator,
  metricKind,
  metricName,
  naturalOperator,
  resultOf,
  satisfies,
} from '../../src/rules/metrics.js';

const model = (data: Record<string, unknown>) => ({ data }) as unknown as Descriptor<'trained-model'>;

describe('metrics', () => {
  test('the kind of a freely named metric', () => {
    assert.equal(metricKind('recall'), 'recall');
    assert.equal(metricKind('recall-7d'), 'recall');
    assert.equal(metricKind('Recall (weekly)'), 'recall');
    assert.equal(metricKind('feature-drift-psi'), undefined);
  });
  test('which way a metric is healthy', () => {
    assert.equal(naturalOperator('recall'), '>=');
    assert.equal(naturalOperator('false-positive-rate'), '<=');
    assert.equal(direction('>'), 'higher');
    assert.equal(direction('<='), 'lower');
    assert.equal(direction('=='), undefined);
    assert.equal(goalOperator({ id: 'G1', goal: 'catch fraud', metric: 'recall' }), '>=');
    assert.equal(goalOperator({ id: 'G1', goal: 'catch fraud', metric: 'recall', operator: '>' }), '>');
    assert.equal(goalOperator({ id: 'G2', goal: 'fewer calls', metric: 'other' }), undefined);
  });
  test('targets are met with a little slack for floating point', () => {
    assert.ok(satisfies(0.8, '>=', 0.8));
    assert.ok(satisfies(0.1 + 0.2, '<=', 0.3));
    assert.ok(!satisfies(0.8, '>', 0.8));
    assert.ok(satisfies(0.3, '==', 0.1 + 0.2));
  });
  test('names of `other` metrics are their free names', () => {
    assert.equal(metricName({ metric: 'recall' }), 'recall');
    assert.equal(metricName({ metric: 'other', other_metric: 'calls saved' }), 'calls saved');
    assert.equal(metricName({}), undefined);
  });
  test('results: the test result first, then evaluation; a rate from its complement', () => {
    const m = model({
      evaluation_metrics: [{ metric: 'recall', result: 0.6 }],
      test_metrics: [{ metric: 'recall', result: 0.56 }],
    });
    assert.deepEqual(resultOf(m, 'recall'), {
      value: 0.56,
      reported: 0.56,
      source: 'test',
      list: 'test_metrics',
      index: 0,
    });
    const fnr = resultOf(m, 'false-negative-rate');
    assert.equal(fnr?.value, 0.44);
    assert.equal(
      fnr && describeResult('false-negative-rate', fnr),
      'test false-negative-rate of 0.44 (1 − test recall 0.56)',
    );
    assert.equal(resultOf(m, 'precision'), undefined);
    const other = model({ test_metrics: [{ metric: 'other', other_metric: 'Calls saved', result: 12 }] });
    assert.equal(resultOf(other, 'other', 'calls-saved')?.value, 12);
    assert.equal(resultOf(other, 'other', 'revenue'), undefined);
  });
});
