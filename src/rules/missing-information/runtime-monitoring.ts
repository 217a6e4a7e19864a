// What must be measured, logged and collected in operation, and how production does it. The model
// lists metrics, logs (with format and history) and feedback; production says how it implements each.
// Left to the monitoring category: whether production implements every item the model asks for (so a
// production list is asked for here only when the model asks for nothing), metrics without operator
// or threshold (monitoring/threshold-missing) and log retention (monitoring/log-retention).
import type { Descriptor } from '../../descriptors/system.js';
import type { Facts } from '../facts.js';
import { blank, type Gap, missingFields, missingInList, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const runtimeMonitoringImportance = importance(['OE Runtime Metrics & Data']);

function modelGaps(tm: Descriptor<'trained-model'>): Gap[] {
  const d = tm.data;
  const gaps = missingFields(d, ['algorithm_metrics', 'business_metrics', 'log_data', 'user_system_feedback']);
  gaps.push(
    ...missingInList(
      d.log_data,
      ['log_data'],
      (l) => l.log,
      (l) => missingFields(l, ['log_data_format', 'history']).map((g) => g.field),
    ),
  );
  return gaps;
}

/** Production lists and the trained-model list each implements. */
const IMPLEMENTS = [
  { list: 'algorithm_metrics', model: 'algorithm_metrics', name: 'metric' },
  { list: 'business_metrics', model: 'business_metrics', name: 'metric' },
  { list: 'other_metrics', name: 'metric' },
  { list: 'model_logs', model: 'log_data', name: 'log' },
  { list: 'other_logs', name: 'log' },
  { list: 'user_system_feedback', model: 'user_system_feedback', name: 'feedback' },
] as const;

function productionGaps(pe: Descriptor<'production-environment'>, facts: Facts): Gap[] {
  const d = pe.data;
  const model = facts.modelOf(pe);
  const gaps: Gap[] = [];
  for (const spec of IMPLEMENTS) {
    const entries = d[spec.list] as ({ implementation?: string } & Record<string, unknown>)[] | undefined;
    if ('model' in spec && blank(entries) && (!model || blank(model.data[spec.model]))) {
      gaps.push(...missingFields(d, [spec.list]));
    }
    gaps.push(
      ...missingInList(
        entries,
        [spec.list],
        (e) => String(e[spec.name]),
        (e) => (blank(e.implementation) ? ['implementation'] : []),
      ),
    );
  }
  return gaps;
}

export const runtimeMonitoring = presenceRule(
  {
    topic: 'runtime-monitoring',
    description:
      'The trained model lists the algorithm and business metrics, logs (with format and history) and feedback production must keep; production says how it implements each.',
    rationale:
      'Without agreed run-time metrics, logs and feedback, nobody notices a model that degrades in production, data scientists cannot troubleshoot or find retraining indicators, and false positives are never reported back.',
    remedy:
      'The data scientist lists algorithm_metrics and business_metrics (with operator and threshold), log_data with format and history, and user_system_feedback; operations describes the implementation of each in the production environment.',
    tec: ['MF-TM', 'MF-PE'],
    examples: [
      'M02-04',
      'M03-01',
      'M09-05',
      'M13-06',
      'M16-05',
      'M14-05',
      'M04-01',
      'M12-08',
      'M04-04',
      'M08-03',
      'M09-02',
      'M10-02',
      'M11-03',
      'M12-02',
      'M17-07',
      'M18-02',
      'M17-09',
      'M19-07',
    ],
    importance: runtimeMonitoringImportance,
  },
  { 'trained-model': { gaps: modelGaps }, 'production-environment': { gaps: productionGaps } },
);
