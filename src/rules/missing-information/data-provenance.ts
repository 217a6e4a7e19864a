// Where the raw data comes from and what it covers: sources, what an instance is, how many, when and
// where it was collected, known issues, whether it stands in for operational data, and its label
// shares. A count of 0 is a count (TEC counts it missing: B-M2).
import { predictsClasses } from '../facts.js';
import { blank, type Gap, missingFields, missingInList, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const dataProvenanceImportance = importance(['RD Metadata', 'RD Proxy Data']);

export const dataProvenance = presenceRule(
  {
    topic: 'data-provenance',
    description:
      'Raw data states its sources, instance type and count, collection date, geographic location, timeframe, known issues and whether it is proxy data, and its label distribution when the model predicts classes.',
    rationale:
      'Data whose collection, coverage and issues are unknown cannot be judged representative: too little history for seasonality, another region or device, or proxy data that differs from operational data, and the model has to be retrained after launch.',
    remedy:
      'The data engineer fills in data_sources (naming the source in other_source), instance_type, number_of_instances, metadata (collection_date, geographic_location, timeframe, known_issues), proxy_data (“no”, or how the proxy maps to operational data) and labels_distribution.',
    tec: ['MF-RD'],
    examples: ['M11-05', 'M13-01', 'M17-01', 'M10-03', 'M15-03', 'M15-04', 'M02-06', 'M16-02', 'M17-02', 'M05-04'],
    importance: dataProvenanceImportance,
  },
  {
    'raw-data': {
      gaps: (rd, facts) => {
        const d = rd.data;
        const gaps: Gap[] = blank(d.data_sources)
          ? missingFields(d, ['data_sources'])
          : missingInList(
              d.data_sources,
              ['data_sources'],
              (s, i) => `#${i + 1} (${s.data_source})`,
              (s) => (s.data_source === 'other' && blank(s.other_source) ? ['other_source'] : []),
            );
        gaps.push(...missingFields(d, ['instance_type']));
        if (d.number_of_instances === undefined) gaps.push(...missingFields(d, ['number_of_instances']));
        gaps.push(
          ...(blank(d.metadata)
            ? missingFields(d, ['metadata'])
            : missingFields(
                d.metadata,
                ['collection_date', 'geographic_location', 'timeframe', 'known_issues'],
                ['metadata'],
              )),
        );
        gaps.push(...missingFields(d, ['proxy_data']));
        if (predictsClasses(facts)) gaps.push(...missingFields(d, ['labels_distribution']));
        return gaps;
      },
    },
  },
);
