// A store that runs in a worker thread, called by messages: ThreadStore is its face on the main
// thread, serveStore its loop in the thread. Arguments and results are copied between threads;
// events go as the JSON text they are stored as (copying text costs a tenth of copying objects),
// and those stored come back as their places in the batch. A message costs the main thread a few
// microseconds, as much as checking a small event: calls that add few events go together while two
// messages of them are under way (the thread commits one while the other waits for it), so with many
// clients a message carries tens of requests. A larger batch goes at once, as it costs far more to
// check than its message.
import type { MessagePort, Worker } from 'node:worker_threads';
import { type Place, serializeEvents, storedOf } from './event-batches.js';
import { GroupCommit } from './group-commit.js';
import type { EventWrite, KyselyStore } from './kysely-store.js';
import type { Dialect } from './migrations.js';
import type { Store } from './store.js';

/** What the thread's store answers: the Store, with events already serialized. */
type Served = Store & Pick<KyselyStore, 'addEventWrites'>;

/** Messages of small calls under way at once. */
const EVENT_MESSAGES = 2;
/** Calls with fewer events than this go together. */
const FEW_EVENTS = 10;
type Method = {
  [K in keyof Served]: Served[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof Served];

interface Call {
  id: number;
  method: Method;
  args: unknown[];
}

interface ErrorJSON {
  message: string;
  stack?: string;
}

type Reply = { id: number; result: unknown } | { id: number; error: ErrorJSON };
type Ready = { ready: true } | { failed: ErrorJSON };

const errorJSON = (e: unknown): ErrorJSON =>
  e instanceof Error ? { message: e.message, stack: e.stack } : { message: String(e) };
const toError = (e: ErrorJSON) => Object.assign(new Error(e.message), e.stack ? { stack: e.stack } : {});

export class ThreadStore implements Store {
  private next = 0;
  /** Why the thread stopped, if it did: later calls fail at once. */
  private failure?: Error;
  private readonly calls = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  private readonly eventWrites = new GroupCommit<EventWrite, PromiseSettledResult<Place[]>>(
    (writes) => this.writeEvents(writes),
    { groups: EVENT_MESSAGES, waitForTurn: false },
  );

  private constructor(
    private readonly worker: Worker,
    readonly dialect: Dialect,
  ) {
    worker.on('message', (reply: Reply) => {
      const call = this.calls.get(reply.id);
      this.calls.delete(reply.id);
      // The thread keeps the process alive only while calls wait for it.
      if (!this.calls.size) worker.unref();
      if ('error' in reply) call?.reject(toError(reply.error));
      else call?.resolve(reply.result);
    });
    const fail = (e: Error) => {
      this.failure ??= e;
      for (const call of this.calls.values()) call.reject(e);
      this.calls.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the ${dialect} store's thread stopped (exit code ${code})`)));
    worker.unref();
  }

  /** The store `worker` opens (it runs serveStore), once it is ready. */
  static start(worker: Worker, dialect: Dialect): Promise<ThreadStore> {
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (m: Ready) => {
        worker.off('error', reject);
        if ('failed' in m) void worker.terminate().then(() => reject(toError(m.failed)));
        else resolve(new ThreadStore(worker, dialect));
      });
    });
  }

  private call<T>(method: Method, ...args: unknown[]): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, method, args } satisfies Call);
    });
  }

  addEvents: Store['addEvents'] = async (system, events, rejected, json) => {
    const write = { system, batches: serializeEvents(events, json), rejected };
    const stored =
      events.length < FEW_EVENTS
        ? await this.eventWrites.add(write)
        : ((await this.writeEvents([write]))[0] as PromiseSettledResult<Place[]>);
    if (stored.status === 'rejected') throw stored.reason;
    return storedOf(events, stored.value);
  };

  private writeEvents(writes: readonly EventWrite[]) {
    return this.call<PromiseSettledResult<Place[]>[]>('addEventWrites', writes);
  }

  addFeedback: Store['addFeedback'] = (...args) => this.call('addFeedback', ...args);
  events: Store['events'] = (...args) => this.call('events', ...args);
  feedback: Store['feedback'] = (...args) => this.call('feedback', ...args);
  counts: Store['counts'] = (...args) => this.call('counts', ...args);
  recordFindings: Store['recordFindings'] = (...args) => this.call('recordFindings', ...args);
  findings: Store['findings'] = (...args) => this.call('findings', ...args);
  addObservations: Store['addObservations'] = (...args) => this.call('addObservations', ...args);
  windows: Store['windows'] = (...args) => this.call('windows', ...args);
  ownObservations: Store['ownObservations'] = (...args) => this.call('ownObservations', ...args);
  windowObservations: Store['windowObservations'] = (...args) => this.call('windowObservations', ...args);
  eventsToRefill: Store['eventsToRefill'] = (...args) => this.call('eventsToRefill', ...args);
  lastClosed: Store['lastClosed'] = (...args) => this.call('lastClosed', ...args);
  deleteEventsReceivedBefore: Store['deleteEventsReceivedBefore'] = (...args) =>
    this.call('deleteEventsReceivedBefore', ...args);
  observations: Store['observations'] = (...args) => this.call('observations', ...args);

  async close(): Promise<void> {
    await this.call('close');
    await this.worker.terminate();
  }
}

/** The thread's side: opens the store, says it is ready (or why not), then answers the calls. */
export function serveStore(port: MessagePort, open: () => Promise<Served>): void {
  open().then(
    (store) => {
      port.on('message', async ({ id, method, args }: Call) => {
        try {
          const result = await (store[method] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
          port.postMessage({ id, result } satisfies Reply);
        } catch (e) {
          port.postMessage({ id, error: errorJSON(e) } satisfies Reply);
        }
      });
      port.postMessage({ ready: true } satisfies Ready);
    },
    (e) => port.postMessage({ failed: errorJSON(e) } satisfies Ready),
  );
}
