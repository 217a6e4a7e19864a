// Versions and lineage: the version of each data set, pipeline and model, when the model was trained,
// and which data set and pipeline it came from. A reference is asked for only when the system has a
// descriptor it could name (references must resolve). The least important topic of the survey, but
// what lets a deployed model be traced to its data.
import { type Gap, missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const versionsImportance = importance(['TM Versioning', 'TD Versioning']);

export const versions = presenceRule(
  {
    topic: 'versions',
    description:
      'Raw data, training data, data pipeline and trained model have a version; the model says when it was trained and which training data and pipeline it came from; training data which raw data.',
    rationale:
      'Without versions and lineage nobody can tell which model is deployed, which data and code produced it, or whether test cases and results belong to it; a pipeline and model of different versions raise false alarms.',
    remedy:
      'Give each descriptor the version of the element it describes; in the trained model set training_date, training_data (name@version) and data_pipeline; in the training data set raw_data.',
    tec: ['MF-RD', 'MF-DP', 'MF-TD', 'MF-TM'],
    examples: ['M03-07', 'M04-05', 'M14-03', 'M15-05', 'M16-06', 'M08-04', 'M02-10', 'M13-05'],
    importance: versionsImportance,
  },
  {
    'raw-data': { gaps: (rd) => missingFields(rd.data, ['version']) },
    'data-pipeline': { gaps: (dp) => missingFields(dp.data, ['version']) },
    'training-data': {
      gaps: (td, facts) => missingFields(td.data, ['version', ...(facts.has('raw-data') ? ['raw_data'] : [])]),
    },
    'trained-model': {
      gaps: (tm, facts) => {
        const gaps: Gap[] = missingFields(tm.data, ['version', 'training_date']);
        if (facts.has('training-data')) gaps.push(...missingFields(tm.data, ['training_data']));
        if (facts.has('data-pipeline')) gaps.push(...missingFields(tm.data, ['data_pipeline']));
        return gaps;
      },
    },
  },
);
