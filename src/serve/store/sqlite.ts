// The embedded store: one SQLite file, by default `<system folder>/.dovetail/dovetail.sqlite`. It runs
// in a thread of its own (sqlite-thread.ts): with synchronous=FULL a commit waits for the disk, and
// better-sqlite3 waits on the thread that calls it; off the main thread, the service goes on reading
// and checking requests while a commit syncs.
import { Worker } from 'node:worker_threads';
import type { Store } from './store.js';
import { ThreadStore } from './thread-store.js';

/** The thread's module beside this one; run from the TypeScript sources (tests), through tsx as they are. */
function thread(file: string, instance: string | undefined): Worker {
  const options = { workerData: { file, instance } };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./sqlite-thread.js', import.meta.url), options);
  const entry = JSON.stringify(new URL('./sqlite-thread.ts', import.meta.url).href);
  const load = `import('kysely').then(() => import('tsx/esm/api')).then((tsx) => { tsx.register(); return import(${entry}); })`;
  return new Worker(load, { ...options, eval: true });
}

export function openSqlite(file: string, instance?: string): Promise<Store> {
  return ThreadStore.start(thread(file, instance), 'sqlite');
}
