// A worker thread that runs one of this package's modules: the built file beside the caller's, or,
// when the caller runs from the TypeScript sources (tests), the source file through tsx.
import { Worker } from 'node:worker_threads';

/** A thread running module `name` (without extension) of the folder of `caller` (an import.meta.url). */
export function moduleWorker(caller: string, name: string, workerData: unknown): Worker {
  if (!caller.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, caller), { workerData });
  const entry = JSON.stringify(new URL(`./${name}.ts`, caller).href);
  const load = `import('kysely').then(() => import('tsx/esm/api')).then((tsx) => { tsx.register(); return import(${entry}); })`;
  return new Worker(load, { workerData, eval: true });
}
