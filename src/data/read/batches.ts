// Cuts the column chunks a reader produces (DuckDB's 2,048-row chunks, Arrow's record batches) into
// the batches of column vectors readers hand on.
import type { DataBatch } from './reader.js';

export class BatchBuffer {
  /** Per column, the value arrays added since the last batch, joined once when the batch is cut. */
  private pending: unknown[][][];
  /** Rows added since the last batch. */
  rows = 0;

  constructor(private readonly names: readonly string[]) {
    this.pending = names.map(() => []);
  }

  /** Adds one chunk: a value array per column, in the order of `names`, each `rows` long. */
  add(columns: unknown[][], rows: number): void {
    for (let i = 0; i < columns.length; i++) this.pending[i]?.push(columns[i] as unknown[]);
    this.rows += rows;
  }

  /** The rows added since the last batch, as one batch. */
  take(): DataBatch {
    const batch: DataBatch = {
      columns: new Map(this.names.map((name, i) => [name, this.join(this.pending[i] ?? [])])),
      rows: this.rows,
    };
    this.pending = this.names.map(() => []);
    this.rows = 0;
    return batch;
  }

  private join(parts: unknown[][]): unknown[] {
    if (parts.length === 1) return parts[0] as unknown[];
    const out = new Array<unknown>(this.rows);
    let at = 0;
    for (const part of parts) for (let j = 0; j < part.length; j++) out[at++] = part[j];
    return out;
  }
}
