// What is logged about a trained model, as text to search: the model's log_data (name and format)
// and the model_logs and other_logs of the production environments serving it (name and
// implementation). Shared by the rules that ask whether something in particular is logged.
import type { Descriptor } from '../../descriptors/system.js';
import type { Facts } from '../facts.js';
import { mentions } from '../match.js';
import type { Cite } from '../types.js';

export interface LogText {
  text: string;
  descriptor: Descriptor;
  path: (string | number)[];
}

export interface Logging {
  /** Every log entry, as text. */
  entries: LogText[];
  /** Where the logging plan is, to cite when something is missing from all of it. */
  cite: Cite[];
}

export function loggingOf(facts: Facts, model: Descriptor<'trained-model'>): Logging {
  const entries: LogText[] = (model.data.log_data ?? []).map((l, i) => ({
    text: `${l.log} ${l.log_data_format ?? ''}`,
    descriptor: model,
    path: ['log_data', i],
  }));
  const cite: Cite[] = [{ descriptor: model, path: model.data.log_data ? ['log_data'] : [] }];
  for (const env of facts.environmentsOf(model)) {
    for (const list of ['model_logs', 'other_logs'] as const) {
      for (const [i, l] of (env.data[list] ?? []).entries()) {
        entries.push({ text: `${l.log} ${l.implementation ?? ''}`, descriptor: env, path: [list, i] });
      }
    }
    cite.push({
      descriptor: env,
      path: env.data.model_logs ? ['model_logs'] : env.data.other_logs ? ['other_logs'] : [],
    });
  }
  return { entries, cite };
}

/** The first log entry that mentions one of the phrases (whole words, case and punctuation ignored). */
export function loggedMention(logging: Logging, phrases: readonly string[]): LogText | undefined {
  return logging.entries.find((e) => mentions(e.text, phrases) !== undefined);
}
