// How long the model needs its logs kept (log_data history) against how long production keeps logs.
// A log production does not keep at all is log-not-kept's finding, not this one.
import { formatDuration } from '../../descriptors/units.js';
import { squash } from '../../descriptors/vocabulary.js';
import { rule } from '../types.js';

export const logRetention = rule(
  {
    id: 'monitoring/log-retention',
    category: 'monitoring',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-scientist', 'operations'],
    description:
      'Production keeps logs at least as long as the trained model needs them (log_data history against log_retention).',
    rationale:
      'Logs deleted before the history the data scientist needs leave too little operational data to troubleshoot incidents, to compare with the training data, or to retrain on (a season, a quarter).',
    remedy:
      'Raise log_retention (and the storage it needs) in the production environment, archive the log elsewhere, or agree with the data scientist on a shorter history.',
    tec: [],
    examples: ['M10-02', 'M11-03'],
    needs: ['trained-model', 'production-environment'],
  },
  ({ facts, report }) => {
    for (const model of facts.all('trained-model')) {
      const logs = model.data.log_data ?? [];
      for (const env of facts.environmentsOf(model)) {
        const kept = new Set([
          ...(env.data.model_logs ?? []).map((l) => squash(l.log)),
          ...(env.data.other_logs ?? []).map((l) => squash(l.log)),
        ]);
        const retention = env.data.log_retention;
        const needed = logs
          .map((log, i) => ({ log, i }))
          .filter(({ log }) => log.history !== undefined && log.history > 0 && kept.has(squash(log.log)));
        if (retention === undefined) {
          const longest = needed.reduce<(typeof needed)[number] | undefined>(
            (a, b) => (a && (a.log.history ?? 0) >= (b.log.history ?? 0) ? a : b),
            undefined,
          );
          if (!longest) continue;
          report({
            message: `trained-model \`${model.name}\` needs \`${longest.log.log}\` kept for ${formatDuration(longest.log.history ?? 0)}; production-environment \`${env.name}\` does not say how long it keeps logs`,
            cite: [
              { descriptor: model, path: ['log_data', longest.i, 'history'] },
              { descriptor: env, path: [] },
            ],
            key: 'log_retention',
            severity: 'info',
          });
          continue;
        }
        for (const { log, i } of needed) {
          if ((log.history ?? 0) <= retention) continue;
          report({
            message: `trained-model \`${model.name}\` needs \`${log.log}\` kept for ${formatDuration(log.history ?? 0)}; production-environment \`${env.name}\` keeps logs for ${formatDuration(retention)}`,
            cite: [
              { descriptor: model, path: ['log_data', i, 'history'] },
              { descriptor: env, path: ['log_retention'] },
            ],
            key: log.log,
          });
        }
      }
    }
  },
);
