import { mentions } from '../match.js';
import { rule } from '../types.js';
import { rawDataPolicies } from './statements.js';

/** Rights that allow no commercial use. */
export const NON_COMMERCIAL = [
  'research only',
  'research use only',
  'for research purposes only',
  'research purposes only',
  'academic use only',
  'academic only',
  'educational use only',
  'evaluation only',
  'non commercial',
  'noncommercial',
  'not for commercial use',
  'no commercial use',
  'not be used commercially',
  'cc by nc',
  'cc nc',
];
/** Rights that limit the use of the data to the organisation's own purposes. */
export const INTERNAL_ONLY = ['internal use only', 'internal only', 'internal purposes only'];
/** A usage context that is commercial. */
export const COMMERCIAL_USE = [
  'commercial',
  'commercially',
  'customer',
  'customers',
  'client',
  'clients',
  'paying',
  'paid',
  'subscription',
  'subscribers',
  'sold',
  'sell',
  'sells',
  'resell',
  'revenue',
  'monetize',
  'monetise',
  'pricing',
  'product',
];
/** A usage context where outputs leave the organisation. */
export const EXTERNAL_USE = [
  'public',
  'customer',
  'customers',
  'client',
  'clients',
  'external',
  'third party',
  'third parties',
  'partners',
  'travellers',
  'travelers',
  'patients',
  'citizens',
  'consumers',
  'website',
  'app',
];

export const rightsUnknownForUse = rule(
  {
    id: 'policy/rights-unknown-for-use',
    category: 'policy',
    severity: 'warning',
    phases: ['design'],
    roles: ['product-owner', 'data-engineer'],
    description:
      'The rights of the raw data allow the use the system context describes (no research-only or internal-only data behind a commercial or public service).',
    rationale:
      'A model trained on data licensed for research or internal use cannot lawfully power a commercial or public service; discovering it at launch means new data, retraining and re-evaluation.',
    remedy:
      'Obtain rights that cover the intended use (and record them in `data_rights`), or train on data whose licence allows it; if legal review already cleared the use, say so in `data_rights`.',
    tec: [],
    examples: ['M16-09'],
    needs: ['system-context', 'raw-data'],
  },
  ({ facts, report }) => {
    for (const sc of facts.all('system-context')) {
      const usage = sc.data.usage_context;
      const commercial = mentions(usage, COMMERCIAL_USE);
      const external = mentions(usage, EXTERNAL_USE);
      if (!commercial && !external) continue;
      for (const raw of facts.all('raw-data')) {
        for (const statement of rawDataPolicies(raw)) {
          const nonCommercial = commercial ? mentions(statement.text, NON_COMMERCIAL) : undefined;
          const internal = external ? mentions(statement.text, INTERNAL_ONLY) : undefined;
          const limit = nonCommercial ?? internal;
          if (!limit) continue;
          const use = nonCommercial
            ? `commercial use ("${commercial}")`
            : `use outside the organisation ("${external}")`;
          report({
            message: `raw-data \`${raw.name}\` limits its use (${statement.what}: "${limit}"); system-context \`${sc.name}\` usage context describes ${use}`,
            cite: [
              { descriptor: raw, path: statement.path },
              { descriptor: sc, path: ['usage_context'] },
            ],
            key: statement.what,
          });
        }
      }
    }
  },
);
