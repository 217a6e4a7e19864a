// Group commit: writes that arrive together share a commit, later ones wait for the next; a write
// that cannot be committed fails alone.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GroupCommit } from '../../src/serve/store/group-commit.js';

describe('group commit', () => {
  test('writes of one turn share a commit; those during a commit share the next', async () => {
    const commits: number[][] = [];
    let release = () => {};
    const group = new GroupCommit<number, string>(async (writes) => {
      commits.push([...writes]);
      if (commits.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return writes.map((w) => `stored ${w}`);
    });
    const first = [group.add(1), group.add(2)];
    await new Promise((resolve) => setImmediate(resolve));
    // The first commit is under way: these wait for it, then go together.
    const second = [group.add(3), group.add(4), group.add(5)];
    release();
    assert.deepEqual(
      await Promise.all([...first, ...second]),
      [1, 2, 3, 4, 5].map((w) => `stored ${w}`),
    );
    assert.deepEqual(commits, [
      [1, 2],
      [3, 4, 5],
    ]);
  });

  test('with two groups under way and no wait, writes go at once until two are under way, then together', async () => {
    const commits: number[][] = [];
    const releases: (() => void)[] = [];
    const group = new GroupCommit<number, number>(
      async (writes) => {
        commits.push([...writes]);
        await new Promise<void>((resolve) => releases.push(resolve));
        return writes.map((w) => -w);
      },
      { groups: 2, waitForTurn: false },
    );
    const answers = [group.add(1), group.add(2), group.add(3), group.add(4)];
    // Started in the same turn, without waiting for its end.
    assert.deepEqual(commits, [[1], [2]]);
    releases[1]?.();
    await answers[1];
    await new Promise((resolve) => setImmediate(resolve));
    // One group ended: the writes that waited go together.
    assert.deepEqual(commits, [[1], [2], [3, 4]]);
    // Two under way again ([1] and [3, 4]): the next write waits for one of them.
    const fifth = group.add(5);
    assert.equal(commits.length, 3);
    releases[0]?.();
    await answers[0];
    await new Promise((resolve) => setImmediate(resolve));
    releases[2]?.();
    releases[3]?.();
    assert.deepEqual(await Promise.all([...answers, fifth]), [-1, -2, -3, -4, -5]);
    assert.deepEqual(commits, [[1], [2], [3, 4], [5]]);
  });

  test('a write that cannot be committed fails alone', async () => {
    const group = new GroupCommit<number, number>(async (writes) => {
      if (writes.includes(13)) throw new Error('no 13 here');
      return writes.map((w) => w * 2);
    });
    const results = await Promise.allSettled([group.add(1), group.add(13), group.add(2)]);
    assert.deepEqual(
      results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
      [2, 'no 13 here', 4],
    );
  });
});
