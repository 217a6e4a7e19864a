// What the trained model asks production to compute, keep or collect (metrics, logs, feedback),
// against what each production environment serving it implements (TEC R9, R10, R11, R13). One
// factory: the four rules differ only by the lists they compare. Production names the model's items
// exactly (the loader rejects unknown names), so an item is implemented when production lists it
// under its own list, or describes it under other_metrics/other_logs (matched ignoring case and
// punctuation), which TEC does not look at. Without a production environment there is nothing to compare.
import type { Descriptor } from '../../descriptors/system.js';
import { squash } from '../../descriptors/vocabulary.js';
import { rule, type Severity } from '../types.js';

type ModelList = 'algorithm_metrics' | 'business_metrics' | 'log_data' | 'user_system_feedback';
type EnvList = 'algorithm_metrics' | 'business_metrics' | 'model_logs' | 'user_system_feedback';
type EnvExtra = 'other_metrics' | 'other_logs';

interface Spec {
  id: string;
  tec: string;
  severity: Severity;
  /** The model's list and the field naming each entry. */
  model: ModelList;
  modelKey: 'metric' | 'log' | 'short_name';
  /** Production's list, its naming field, and the free-form list that may describe the item too. */
  env: EnvList;
  envKey: 'metric' | 'log' | 'feedback';
  extra?: { list: EnvExtra; key: 'metric' | 'log' };
  /** `algorithm metric`, `log`, `feedback item` */
  what: string;
  /** `computes`, `keeps`, `collects` */
  verb: string;
  description: string;
  rationale: string;
  remedy: string;
  examples: string[];
}

function names(d: Descriptor<'production-environment'>, list: EnvList | EnvExtra, key: string): string[] {
  const entries = ((d.data as Record<string, unknown>)[list] ?? []) as Record<string, string | undefined>[];
  return entries.map((e) => e[key]).filter((n): n is string => typeof n === 'string');
}

function collectedRule(spec: Spec) {
  return rule(
    {
      id: `monitoring/${spec.id}`,
      category: 'monitoring',
      severity: spec.severity,
      phases: ['design'],
      roles: ['data-scientist', 'operations'],
      description: spec.description,
      rationale: spec.rationale,
      remedy: spec.remedy,
      tec: [spec.tec],
      examples: spec.examples,
      needs: ['trained-model', 'production-environment'],
    },
    ({ facts, report }) => {
      for (const model of facts.all('trained-model')) {
        const wanted = ((model.data as Record<string, unknown>)[spec.model] ?? []) as Record<string, string>[];
        for (const env of facts.environmentsOf(model)) {
          const own = names(env, spec.env, spec.envKey);
          const described = spec.extra ? names(env, spec.extra.list, spec.extra.key).map(squash) : [];
          for (const [i, entry] of wanted.entries()) {
            const name = entry[spec.modelKey];
            if (name === undefined || own.includes(name) || described.includes(squash(name))) continue;
            const listed = (env.data as Record<string, unknown>)[spec.env] !== undefined;
            report({
              message: `trained-model \`${model.name}\` needs the ${spec.what} \`${name}\`; production-environment \`${env.name}\` ${listed ? `${spec.verb} no ${spec.what} of that name` : `lists no ${spec.env}`}`,
              cite: [
                { descriptor: model, path: [spec.model, i, spec.modelKey] },
                { descriptor: env, path: listed ? [spec.env] : [] },
              ],
              key: name,
            });
          }
        }
      }
    },
  );
}

const metricRationale =
  'Nobody computes the metric in operation, so its threshold never fires: the data scientist believes the model is watched, and a model that degrades (drift, a unit change upstream, a shift in the population) keeps serving wrong outputs unnoticed.';
const metricRemedy =
  'Implement the metric in production (say how under the same name), or agree with the data scientist to drop it from the trained model.';

export const algorithmMetricNotCollected = collectedRule({
  id: 'algorithm-metric-not-collected',
  tec: 'R10',
  severity: 'error',
  model: 'algorithm_metrics',
  modelKey: 'metric',
  env: 'algorithm_metrics',
  envKey: 'metric',
  extra: { list: 'other_metrics', key: 'metric' },
  what: 'algorithm metric',
  verb: 'computes',
  description: 'Every algorithm metric of the trained model is computed by each production environment serving it.',
  rationale: metricRationale,
  remedy: metricRemedy,
  examples: ['M17-07', 'M18-02', 'M09-02', 'M11-03', 'M12-08'],
});

export const businessMetricNotCollected = collectedRule({
  id: 'business-metric-not-collected',
  tec: 'R9',
  severity: 'error',
  model: 'business_metrics',
  modelKey: 'metric',
  env: 'business_metrics',
  envKey: 'metric',
  extra: { list: 'other_metrics', key: 'metric' },
  what: 'business metric',
  verb: 'computes',
  description: 'Every business metric of the trained model is computed by each production environment serving it.',
  rationale: metricRationale,
  remedy: metricRemedy,
  examples: ['M17-07', 'M18-02', 'M09-02'],
});

export const logNotKept = collectedRule({
  id: 'log-not-kept',
  tec: 'R11',
  severity: 'warning',
  model: 'log_data',
  modelKey: 'log',
  env: 'model_logs',
  envKey: 'log',
  extra: { list: 'other_logs', key: 'log' },
  what: 'log',
  verb: 'keeps',
  description: 'Every log the trained model asks for (log_data) is kept by each production environment serving it.',
  rationale:
    'Without the log, data scientists cannot see the operational inputs, outputs and errors: they cannot troubleshoot wrong outputs or collect data to retrain on.',
  remedy: 'Keep the log in production (and say how in model_logs), or agree with the data scientist on another source.',
  examples: ['M02-04', 'M03-01', 'M09-05', 'M13-06', 'M16-05', 'M08-03', 'M10-02'],
});

export const feedbackNotCollected = collectedRule({
  id: 'feedback-not-collected',
  tec: 'R13',
  severity: 'warning',
  model: 'user_system_feedback',
  modelKey: 'short_name',
  env: 'user_system_feedback',
  envKey: 'feedback',
  what: 'feedback item',
  verb: 'collects',
  description:
    'Every user or system feedback item of the trained model is collected by each production environment serving it.',
  rationale:
    'Feedback is often the only ground truth in operation: without it, accuracy metrics cannot be computed, false positives are never reported back, and the model cannot be retrained on its mistakes.',
  remedy:
    'Collect the feedback in production (and say how in user_system_feedback), or agree with the data scientist on another source of ground truth.',
  examples: ['M04-04', 'M17-09', 'M19-07'],
});
