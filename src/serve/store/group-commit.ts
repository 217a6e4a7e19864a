// Group commit: the writes that arrive while the store is committing (or within one turn of the
// event loop) are committed together, in one transaction, and each caller is answered only when the
// transaction holding its write has committed. A commit costs a sync to disk whatever its size, so
// concurrent requests share one instead of queueing for one each.
//
// The same queue batches the messages to the store's thread (ThreadStore): a message costs about
// the same for one write as for many, so writes wait while enough messages are under way.
interface Pending<W, R> {
  write: W;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Groups under way at once, at most; the next group takes every write that arrived meanwhile. */
  groups?: number;
  /** Whether an idle queue waits for the end of the turn (the I/O read with the first write) before it commits. */
  waitForTurn?: boolean;
}

export class GroupCommit<W, R> {
  private pending: Pending<W, R>[] = [];
  private running = 0;
  private scheduled = false;
  private readonly groups: number;
  private readonly waitForTurn: boolean;

  /** `commit` writes every item in one transaction and returns a result per item, in order. */
  constructor(
    private readonly commit: (writes: readonly W[]) => Promise<R[]>,
    { groups = 1, waitForTurn = true }: GroupCommitOptions = {},
  ) {
    this.groups = groups;
    this.waitForTurn = waitForTurn;
  }

  /** Resolves once `write` is committed, with its result. */
  add(write: W): Promise<R> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.running >= this.groups || this.scheduled) return;
      if (!this.waitForTurn) return this.start();
      this.scheduled = true;
      // After the I/O of this turn: requests read together are committed together.
      setImmediate(() => {
        this.scheduled = false;
        this.start();
      });
    });
  }

  /** Starts groups of the pending writes while fewer than `groups` are under way. */
  private start(): void {
    while (this.pending.length && this.running < this.groups) {
      const group = this.pending;
      this.pending = [];
      this.running++;
      void this.commitGroup(group).then(() => {
        this.running--;
        this.start();
      });
    }
  }

  private async commitGroup(group: Pending<W, R>[]): Promise<void> {
    try {
      const results = await this.commit(group.map((p) => p.write));
      group.forEach((p, i) => {
        p.resolve(results[i] as R);
      });
    } catch (e) {
      // A write that cannot be stored fails alone, not the writes committed beside it.
      if (group.length === 1) group[0]?.reject(e);
      else for (const p of group) await this.commitGroup([p]);
    }
  }
}
