import { mentions } from '../match.js';
import { rule } from '../types.js';

/** A `proxy_data` answer that says the data is not a stand-in. */
const NOT_PROXY = /^\s*(no|none|n\/?a|not|false|nothing)\b/i;
/** Words that say the data stands in for operational data. */
const PROXY_WORDS = [
  'yes',
  'proxy',
  'stand in',
  'stands in',
  'standing in',
  'substitute',
  'surrogate',
  'in place of',
  'instead of',
  'replaces',
];
/** Words in production data sources that say production is not real either (a test feed). */
const NOT_REAL = ['synthetic', 'simulated', 'simulation', 'simulator', 'generated'];

export const syntheticTrainingData = rule(
  {
    id: 'data-distribution/synthetic-training-data',
    category: 'data-distribution',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-engineer', 'data-scientist', 'operations'],
    description:
      'Raw data that is synthetic, simulated or a stand-in for operational data is flagged, so its difference from production data gets checked.',
    rationale:
      'A model trained on synthetic, simulated or proxy data learns their regularities, not those of operation; the gap is invisible at design time and usually means retraining once real data arrives.',
    remedy:
      'Describe how the stand-in maps to operational data (`proxy_data`), compare production statistics with training statistics as soon as real data flows, and plan retraining on operational data.',
    tec: [],
    examples: ['M02-06', 'M16-02', 'M17-02', 'M02-07'],
    needs: ['raw-data', 'production-data'],
  },
  ({ facts, report }) => {
    const productions = facts
      .all('production-data')
      .filter((p) => !mentions((p.data.data_sources ?? []).join(' '), NOT_REAL));
    if (productions.length === 0) return;
    for (const raw of facts.all('raw-data')) {
      const sources = raw.data.data_sources ?? [];
      const artificial = [...sources.entries()].filter(
        ([, s]) => s.data_source === 'synthetic' || s.data_source === 'simulated',
      );
      const proxyText = raw.data.proxy_data?.trim();
      const proxy = proxyText && !NOT_PROXY.test(proxyText) && mentions(proxyText, PROXY_WORDS) ? proxyText : undefined;
      for (const production of productions) {
        const productionPath = production.data.data_sources ? ['data_sources'] : [];
        if (artificial.length > 0) {
          const kinds = [...new Set(artificial.map(([, s]) => s.data_source))].join(' and ');
          report({
            message: `raw-data \`${raw.name}\` is ${kinds} data; production-data \`${production.name}\` comes from operational sources: the model learns the regularities of the ${kinds} data, not those of operation`,
            cite: [
              ...artificial.map(([i]) => ({ descriptor: raw, path: ['data_sources', i, 'data_source'] })),
              { descriptor: production, path: productionPath },
            ],
            key: 'synthetic',
          });
        } else if (proxy) {
          // Proxy data with production statistics to compare against is a known, checked gap (the
          // distribution rules compare them); without any, nobody can tell how far off it is.
          const checkable =
            (production.data.statistics ?? []).length > 0 ||
            (production.data.distribution ?? []).length > 0 ||
            production.data.profile !== undefined;
          report({
            message: `raw-data \`${raw.name}\` stands in for operational data (proxy_data); ${
              checkable
                ? `production-data \`${production.name}\` has statistics to compare it with: watch the drift`
                : `production-data \`${production.name}\` has no statistics, distribution or profile to tell how far the two differ`
            }`,
            cite: [
              { descriptor: raw, path: ['proxy_data'] },
              { descriptor: production, path: checkable ? productionPath : [] },
            ],
            key: 'proxy',
            severity: checkable ? 'info' : 'warning',
          });
        }
      }
    }
  },
);
