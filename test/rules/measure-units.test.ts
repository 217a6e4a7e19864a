import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { unitDifference, unitId, unitNote } from '../../src/rules/measure-units.js';

describe('measure-units', () => {
  test('spellings of one unit are one unit', () => {
    const spellings: [string, string][] = [
      ['km', 'kilometres'],
      ['mi', 'Statute Miles'],
      ['percent', '%'],
      ['°C', 'degrees celsius'],
      ['pounds sterling', 'GBP'],
      ['d', 'days'],
      ['µs', 'microseconds'],
    ];
    for (const [a, b] of spellings) {
      assert.equal(unitDifference(a, b), undefined, `${a} vs ${b}`);
      assert.ok(unitId(a) !== undefined && unitId(a) === unitId(b), `${a} vs ${b}`);
    }
    assert.notEqual(unitId('m/s'), unitId('ms'));
  });
  test('free text compares as words, without case, spacing or plural s', () => {
    assert.equal(unitDifference('Hours of day', 'hour of  day'), undefined);
    const diff = unitDifference('hour of day (local)', 'hour of day (UTC)');
    assert.equal(diff?.known, false);
    assert.match(diff?.note ?? '', /written differently/);
  });
  test('units of one quantity: the factor, written one to many', () => {
    assert.equal(unitDifference('miles', 'km')?.conversion, '1 mile = 1.609 km');
    assert.equal(unitDifference('kilometres', 'miles')?.conversion, '1 km = 0.6214 miles');
    assert.equal(unitDifference('s', 'milliseconds')?.note, ' (1 s = 1000 ms)');
    assert.equal(unitDifference('probability', '%')?.factor, 100);
    assert.equal(unitDifference('day', 'h')?.conversion, '1 day = 24 h');
  });
  test('known units without a factor, or of another quantity', () => {
    assert.deepEqual(unitDifference('USD', 'euros'), {
      known: true,
      otherQuantity: false,
      text: 'USD vs euros',
      note: '',
    });
    assert.equal(unitDifference('minutes', 'km')?.note, ' (not even the same quantity)');
  });
  test('one side without a unit is no difference; the note for messages about values', () => {
    assert.equal(unitDifference('km', undefined), undefined);
    assert.equal(unitDifference(' ', 'km'), undefined);
    assert.equal(unitNote('miles', 'km'), ' (in different units: miles vs km; 1 mile = 1.609 km)');
    assert.equal(unitNote('miles', 'mi'), '');
  });
});
