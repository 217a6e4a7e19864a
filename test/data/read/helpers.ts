// Shared by the readers' tests: reading a whole file, expecting a DataReadError, and the contract
// every reader keeps (rows stream once; a second pass is refused; close() can be repeated).
import assert from 'node:assert/strict';
import { type DataBatch, DataReadError, openData, type ReadOptions, readData } from '../../../src/data/read/index.js';

/** Every batch of a file, and its columns joined across batches. */
export async function collect(
  file: string,
  options: ReadOptions = {},
): Promise<{ batches: DataBatch[]; columns: Map<string, unknown[]> }> {
  const batches: DataBatch[] = [];
  for await (const batch of readData(file, options)) batches.push(batch);
  const columns = new Map<string, unknown[]>();
  for (const b of batches) for (const [k, v] of b.columns) columns.set(k, [...(columns.get(k) ?? []), ...v]);
  return { batches, columns };
}

/** Reads a file to its end and returns the rows read; use with rejectsWith to see how far it got. */
export async function readRows(file: string, counted: { rows: number }): Promise<void> {
  for await (const b of readData(file)) counted.rows += b.rows;
}

export async function rejectsWith(promise: Promise<unknown>, check: (e: DataReadError) => void): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DataReadError, `expected DataReadError, got ${String(error)}`);
    check(error);
    return true;
  });
}

export async function assertIterableOnce(file: string): Promise<void> {
  const reader = await openData(file, { limit: 10 });
  try {
    for await (const _ of reader) {
      // drain
    }
    await assert.rejects(async () => {
      for await (const _ of reader) {
        // second pass
      }
    }, /once/);
  } finally {
    await reader.close();
    await reader.close();
  }
}
