// Where production data comes from and how fast it arrives. Its schema and statistics are asked for by
// data-dictionary and data-statistics.
import { blank, missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const productionDataImportance = importance(['OD Data Sources', 'OD Data Rates']);

export const productionData = presenceRule(
  {
    topic: 'production-data',
    description: 'Production data states its sources and the rate at which it arrives.',
    rationale:
      'Operational sources assumed to be like the training sources often are not (another device, feed or system), and an unknown arrival rate hides that the model cannot keep up; unreported changes of a feed show up as unexplained drift.',
    remedy:
      'Operations lists the data_sources (systems, feeds, devices) and the data_rates (e.g. 25/s), with peaks and batching in data_rates_details.',
    tec: ['MF-PD'],
    examples: ['M02-07', 'M13-02', 'M12-03', 'M08-01', 'M11-07'],
    importance: productionDataImportance,
  },
  {
    'production-data': {
      // A rate in words (data_rates_details, or TEC free text the importer could not read as a rate) is an answer.
      gaps: (pd) => [
        ...missingFields(pd.data, ['data_sources']),
        ...(blank(pd.data.data_rates_details) ? missingFields(pd.data, ['data_rates']) : []),
      ],
    },
  },
);
