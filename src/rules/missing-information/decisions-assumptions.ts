// The model's decisions, assumptions, limitations and constraints, and for an ensemble how its parts
// combine. An empty list says nothing (TEC lets `decisions_assumptions: []` through: B-M3).
import { type Gap, missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const decisionsAssumptionsImportance = importance(['TM Decisions, Assumptions, Limitations & Constraints']);

export const decisionsAssumptions = presenceRule(
  {
    topic: 'decisions-assumptions',
    description:
      'The trained model lists its decisions, assumptions, limitations and constraints, and an ensemble says how its components combine.',
    rationale:
      'Engineers who do not know the model’s assumptions break them: they skip validation they thought the model did, change units or preprocessing to gain speed, or feed it data from a device it never saw.',
    remedy:
      'The data scientist lists in decisions_assumptions what the model assumes about its inputs (units, time zones, vocabularies, ranges), what it does not handle, and what was decided with whom; for an ensemble, model_composition_details.',
    tec: ['MF-TM'],
    examples: ['M12-04', 'M08-08', 'M02-03', 'M05-04', 'M14-05'],
    importance: decisionsAssumptionsImportance,
  },
  {
    'trained-model': {
      gaps: (tm) => {
        const d = tm.data;
        const gaps: Gap[] = missingFields(d, ['decisions_assumptions']);
        if (d.ensemble === true || (d.model_components?.length ?? 0) > 1) {
          gaps.push(...missingFields(d, ['model_composition_details']));
        }
        return gaps;
      },
    },
  },
);
