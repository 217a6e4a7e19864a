// Events travel to the store as JSON array texts; a group commit joins the requests' texts into one
// batch row per system.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinBatches, serializeEvents } from '../../src/serve/store/event-batches.js';
import type { EventRecord } from '../../src/serve/store/store.js';

const event = (id: string, distance: number): EventRecord => ({
  id,
  timestamp: '2001-05-01T10:00:00.000Z',
  inputs: { distance, origin: 'ATL' },
});

describe('serializeEvents', () => {
  it('takes the text of the events as the request sent it, when given', () => {
    const events = [event('a', 1), event('b', 2)];
    const sent = JSON.stringify(events, null, 2);
    assert.deepEqual(serializeEvents(events, sent), [{ json: sent, ids: ['a', 'b'] }]);
    assert.deepEqual(serializeEvents(events), [{ json: JSON.stringify(events), ids: ['a', 'b'] }]);
    assert.deepEqual(serializeEvents([], '[]'), []);
  });
});

describe('joinBatches', () => {
  it('joins the batches of several requests, in order, into the batch of all their events', () => {
    const requests = [[event('a', 1)], [event('b', 2), event('c', 3)], [], [event('d', 4)]];
    const joined = joinBatches(requests.flatMap((events) => serializeEvents(events)));
    assert.deepEqual(joined, serializeEvents(requests.flat()));
    assert.deepEqual(JSON.parse(joined[0]?.json ?? ''), requests.flat());
  });

  it('keeps a long batch as a row of its own, the text it came with', () => {
    const long = (id: string) => serializeEvents([{ ...event(id, 1), inputs: { note: 'x'.repeat(20_000) } }])[0];
    const [small, first, second, last] = [serializeEvents([event('a', 1)])[0], long('b'), long('c'), long('d')];
    if (!small || !first || !second || !last) throw new Error('expected one batch each');
    const joined = joinBatches([small, first, second, last]);
    // 32,768 characters at most in a joined text: the small batch joins the first long one only.
    assert.deepEqual(
      joined.map((b) => b.ids),
      [['a', 'b'], ['c'], ['d']],
    );
    assert.equal(joined[1], second);
    assert.deepEqual(JSON.parse(joined[0]?.json ?? ''), [...JSON.parse(small.json), ...JSON.parse(first.json)]);
  });

  it('gives nothing for no events', () => {
    assert.deepEqual(joinBatches(serializeEvents([])), []);
    assert.deepEqual(joinBatches([]), []);
  });
});
