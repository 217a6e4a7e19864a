// The run-time checks of one served system (DESIGN §7): each stored event is checked against its
// trained model's contract and counted in that model's tumbling windows; feedback joins the window
// of its event's model; every closed window's observation is stored.
import { descriptorsOf } from '../descriptors/system.js';
import type { ItemError } from './batch.js';
import { Contract } from './contract.js';
import type { EventRecord, FeedbackRecord, JoinedEvent } from './store/store.js';
import type { ServedSystem } from './systems.js';
import { type Observation, TumblingWindows, windowSettings } from './window.js';

/** `--window` and `--window-events`: they override the system's `window` and `window_events`. */
export interface WindowOverrides {
  durationMs?: number;
  maxEvents?: number;
}

interface Model {
  contract: Contract;
  windows: TumblingWindows;
}

export class Monitor {
  private readonly models = new Map<string, Model>();
  /** Observations are written one call after the other, so a shutdown waits for those under way. */
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly served: ServedSystem,
    overrides: WindowOverrides = {},
  ) {
    const settings = windowSettings(served.system);
    const durationMs = overrides.durationMs ?? settings.durationMs;
    const maxEvents = overrides.maxEvents ?? settings.maxEvents;
    for (const d of descriptorsOf(served.system, 'trained-model')) {
      const contract = Contract.compile(served.system, { model: d.name });
      const windows = new TumblingWindows({
        durationMs,
        maxEvents,
        model: contract.model,
        inputTypes: contract.types('input'),
        outputTypes: contract.types('output'),
      });
      this.models.set(d.name, { contract, windows });
    }
  }

  /** The model an event names, or the system's only one when it names none. */
  private model(name: string | undefined): Model | undefined {
    return name === undefined
      ? this.models.size === 1
        ? [...this.models.values()][0]
        : undefined
      : this.models.get(name);
  }

  /** Why an event cannot be checked (no such model, or another version), or undefined when it can. */
  refusal(event: { model?: string; model_version?: string }): ItemError | undefined {
    const model = this.model(event.model);
    if (!model) {
      const names = [...this.models.keys()];
      if (!names.length)
        return { path: '', message: `${this.served.name} declares no trained model to check events against` };
      const declared = `declared: ${names.join(', ')}`;
      return event.model === undefined
        ? {
            path: '/model',
            message: `name the model: ${this.served.name} has ${names.length} trained models (${declared})`,
          }
        : { path: '/model', message: `${this.served.name} has no trained model "${event.model}" (${declared})` };
    }
    const version = model.contract.model.version;
    if (event.model_version !== undefined && version !== undefined && event.model_version !== version) {
      return {
        path: '/model_version',
        message: `trained model "${model.contract.model.name}" is declared at version ${version}, not ${event.model_version}`,
      };
    }
    return undefined;
  }

  /** Checks and windows events that are stored (and were not refused); stores the windows they close. */
  add(events: readonly EventRecord[], now: number): Promise<void> {
    const closed: Observation[] = [];
    for (const e of events) {
      const model = this.model(e.model);
      if (model) closed.push(...model.windows.add(e, model.contract.check(e)));
    }
    return this.store(closed, now);
  }

  /** Adds stored feedback, with the event each item joins, to the open window of that event's model. */
  addFeedback(feedback: readonly FeedbackRecord[], joined: readonly (JoinedEvent | undefined)[]): void {
    feedback.forEach((f, i) => {
      const event = joined[i];
      if (event)
        this.model(event.model)?.windows.addFeedback({ kind: f.kind, actual: f.actual, outputs: event.outputs });
    });
  }

  /** Closes and stores the windows whose end `now` (epoch ms) has passed: call on a timer. */
  flush(now: number): Promise<void> {
    return this.store(
      [...this.models.values()].flatMap((m) => m.windows.flush(now)),
      now,
    );
  }

  /** Closes and stores the open windows (on shutdown), after the observations being written. */
  close(now: number): Promise<void> {
    return this.store(
      [...this.models.values()].flatMap((m) => m.windows.close() ?? []),
      now,
    );
  }

  private store(observations: readonly Observation[], now: number): Promise<void> {
    if (!observations.length) return this.writing;
    const at = new Date(now).toISOString();
    const write = this.writing.then(() => this.served.store.addObservations(this.served.name, observations, at));
    this.writing = write.catch(() => {});
    return write;
  }
}

/** A served system with its run-time checks. */
export interface MonitoredSystem extends ServedSystem {
  monitor: Monitor;
}
