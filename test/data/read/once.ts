// A contract every reader keeps: rows stream once; a second pass is refused; close() can be repeated.
import assert from 'node:assert/strict';
import { openData } from '../../../src/data/read/index.js';

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
