// Group commit: the writes that arrive while the store is committing (or within one turn of the
// event loop) are committed together, in one transaction, and each caller is answered only when the
// transaction holding its write has committed. A commit costs a sync to disk whatever its size, so
// concurrent requests share one instead of queueing for one each.
interface Pending<W, R> {
  write: W;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<W, R> {
  private pending: Pending<W, R>[] = [];
  private busy = false;

  /** `commit` writes every item in one transaction and returns a result per item, in order. */
  constructor(private readonly commit: (writes: readonly W[]) => Promise<R[]>) {}

  /** Resolves once `write` is committed, with its result. */
  add(write: W): Promise<R> {
    return new Promise((resolve, reject) => {
      this.pending.push({ write, resolve, reject });
      if (this.busy) return;
      this.busy = true;
      // After the I/O of this turn: requests read together are committed together.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length) {
      const group = this.pending;
      this.pending = [];
      await this.commitGroup(group);
    }
    this.busy = false;
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
