// The embedded store: one SQLite file, by default `<system folder>/.dovetail/dovetail.sqlite`. It runs
// in a thread of its own (sqlite-thread.ts): with synchronous=FULL a commit waits for the disk, and
// better-sqlite3 waits on the thread that calls it; off the main thread, the service goes on reading
// and checking requests while a commit syncs.
import { moduleWorker } from './module-worker.js';
import type { Store } from './store.js';
import { ThreadStore } from './thread-store.js';

export function openSqlite(file: string, instance?: string): Promise<Store> {
  return ThreadStore.start(moduleWorker(import.meta.url, 'sqlite-thread', { role: 'store', file, instance }), 'sqlite');
}
