// The legal and policy constraints on data and outputs: the system context's data rights and policies,
// and the raw data's restrictions, rights, policies and anonymisation. TEC checks only the first.
import { missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const dataRightsImportance = importance(['TP Data Rights & Policies', 'RD Restrictions', 'RD Anonymization']);

export const dataRights = presenceRule(
  {
    topic: 'data-rights',
    description:
      'The system context states the data rights and policies; raw data states its restrictions, data rights, data policies and anonymisation.',
    rationale:
      'A model trained on data it may not use, or deployed where the data may not go (a public cloud, another country), cannot be deployed at all; lost anonymisation mappings drop features nobody knew about.',
    remedy:
      'The product owner fills in data_rights_policies; the data engineer restrictions (“none” is an answer), data_rights, data_policies and anonymization (“not needed: no personal data” is an answer).',
    tec: ['MF-SC'],
    examples: ['M16-09', 'M07-04', 'M16-04', 'M01-01'],
    importance: dataRightsImportance,
  },
  {
    'system-context': { gaps: (sc) => missingFields(sc.data, ['data_rights_policies']) },
    'raw-data': {
      gaps: (rd) => missingFields(rd.data, ['restrictions', 'data_rights', 'data_policies', 'anonymization']),
    },
  },
);
