import { type Profile, profileColumns } from '../../../src/data/profile/profile.js';
import { profileDrift } from '../../../src/rules/data-distribution/profile-drift.js';
import { pd, rd, td } from '../data-schema/helpers.js';
import { observed } from '../observed.js';
import { ruleTester } from '../tester.js';

/** 200 values per column: the quantile sketch keeps every one, so the statistics are exact. */
const ROWS = 200;
const TYPES = { delay: 'integer', distance: 'integer', origin: 'string', delayed: 'boolean' };
const airports = ['ORD', 'DFW', 'ATL', 'LAX'];

interface Shifts {
  /** Minutes added to every delay. */
  delay?: number;
  /** Miles added to every distance. */
  distance?: number;
  origins?: string[];
  /** Delays above this many minutes are late (the label). */
  late?: number;
  /** Other names for the columns. */
  rename?: Record<string, string>;
}

/** A profile of flights, shifted as asked. */
function flights({ delay = 0, distance = 0, origins = airports, late = 40, rename = {} }: Shifts = {}): Profile {
  const delays = Array.from({ length: ROWS }, (_, i) => (i % 50) + delay);
  const columns: Record<string, unknown[]> = {
    delay: delays,
    distance: Array.from({ length: ROWS }, (_, i) => 300 + 10 * (i % 40) + distance),
    origin: Array.from({ length: ROWS }, (_, i) => origins[i % origins.length]),
    delayed: delays.map((d) => d > late),
  };
  const named = (name: string) => rename[name] ?? name;
  return profileColumns(Object.fromEntries(Object.entries(columns).map(([k, v]) => [named(k), v])), {
    types: Object.fromEntries(Object.entries(TYPES).map(([k, v]) => [named(k), v])),
    seed: 1,
  });
}

/** Training fields, mapped to the production fields of the same name unless `mapping` says otherwise. */
const fields = (names: string[], mapping: Record<string, string> = {}) =>
  names.map((field_name) => ({
    field_name,
    ...(field_name === 'delayed' ? { label_field: true } : {}),
    mapping_production_data: mapping[field_name] ?? field_name,
  }));
const productionFields = (names: string[]) => names.map((field_name) => ({ field_name }));
const ALL = ['delay', 'distance', 'origin', 'delayed'];
const training = (schema = fields(ALL)) => td(schema, { profile: 'training.profile.json' });
const production = (names = ALL) => pd(productionFields(names), { profile: 'production.profile.json' });
const both = ['training-data/t:/profile', 'production-data/p:/profile'];

/** The model trained on `t`: at run time its traffic is the production data `p`. */
const model = { kind: 'trained-model', name: 'm', training_data: 't' };
/** A window of 200 requests to `m`, with the feature columns of `flights` (no label: the model does not get it). */
const traffic = ({ distance = 0 } = {}) => ({
  m: observed('m', {
    events: Array.from({ length: ROWS }, (_, i) => ({
      inputs: { delay: i % 50, distance: 300 + 10 * (i % 40) + distance, origin: airports[i % airports.length] },
    })),
  }),
});

ruleTester(profileDrift, {
  valid: [
    {
      name: 'at run time, traffic distributed as training',
      docs: [training(), pd(productionFields(ALL)), model],
      profiles: { 'training-data/t': flights() },
      observed: traffic(),
    },
    {
      name: 'at run time, the production profile on file is not the traffic, and raw against training is design’s',
      docs: [rd({ schema: productionFields(ALL), profile: 'raw.profile.json' }), training(), production(), model],
      profiles: {
        'raw-data/r': flights(),
        'training-data/t': flights({ distance: 300 }),
        'production-data/p': flights({ delay: 30 }),
      },
      observed: traffic({ distance: 300 }),
    },
    {
      name: 'production distributed as training',
      docs: [training(), production()],
      profiles: { 'training-data/t': flights(), 'production-data/p': flights() },
    },
    {
      name: 'no production profile: hand-written statistics are data-distribution/statistics’ to compare',
      docs: [training(), pd(productionFields(ALL))],
      profiles: { 'training-data/t': flights() },
    },
    {
      name: 'a drifted label column is data-distribution/profile-labels’ to report',
      docs: [training(), production()],
      profiles: { 'training-data/t': flights(), 'production-data/p': flights({ late: 10 }) },
    },
    {
      name: 'a column the other profile lacks is not compared',
      docs: [
        training(fields(ALL, { delay: 'arrival_delay' })),
        production(['arrival_delay', 'distance', 'origin', 'delayed']),
      ],
      profiles: { 'training-data/t': flights(), 'production-data/p': flights({ delay: 30 }) },
    },
    {
      name: 'dovetail.yaml raises the threshold of one column above its shift (KS D 0.375)',
      docs: [training(), pd(productionFields(ALL)), model],
      project: { dovetail: 1, name: 's', settings: { drift: { columns: { distance: { threshold: 0.4 } } } } },
      profiles: { 'training-data/t': flights() },
      observed: traffic({ distance: 150 }),
    },
  ],
  invalid: [
    {
      name: 'dovetail.yaml gives one column its own method (Wasserstein, in reference standard deviations)',
      docs: [training(), production()],
      project: {
        dovetail: 1,
        name: 's',
        settings: { drift: { columns: { delay: { method: 'wasserstein' as never, threshold: 0.5 } } } },
      },
      profiles: { 'training-data/t': flights(), 'production-data/p': flights({ delay: 25, late: 65 }) },
      findings: [
        {
          message:
            /^column `delay` of production-data `p` has drifted from training-data `t`: wasserstein 25 ≥ 7\.\d+$/,
        },
      ],
    },
    {
      name: 'at run time, a window of traffic whose distances drifted from training',
      docs: [training(), pd(productionFields(ALL)), model],
      profiles: { 'training-data/t': flights() },
      observed: traffic({ distance: 150 }),
      findings: [
        {
          message:
            /^in window 2001-05-01T10:00Z–10:05Z of trained-model `m` \(200 events\), column `distance` of production-data `p` has drifted from training-data `t`: KS D 0\.375 > 0\.02, p [0-9.e-]+ < 0\.003333 \(alpha 0\.01, Bonferroni over 3 columns\)$/,
          severity: 'warning',
          evidence: ['training-data/t:/profile', 'production-data/p:'],
        },
      ],
    },
    {
      name: 'production delays later than training, the same share late',
      docs: [training(), production()],
      profiles: { 'training-data/t': flights(), 'production-data/p': flights({ delay: 25, late: 65 }) },
      findings: [
        {
          message:
            /^column `delay` of production-data `p` has drifted from training-data `t`: KS D 0\.5 > 0\.02, p \d.*e-\d+ < 0\.0025 \(alpha 0\.01, Bonferroni over 4 columns\)$/,
          severity: 'warning',
          evidence: both,
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'columns paired through the training field’s mapping',
      docs: [training(fields(ALL, { distance: 'dist_km' })), production(['delay', 'dist_km', 'origin', 'delayed'])],
      profiles: {
        'training-data/t': flights(),
        'production-data/p': flights({ distance: 300, rename: { distance: 'dist_km' } }),
      },
      findings: [
        {
          message:
            /^column `dist_km` of production-data `p` has drifted from `distance` of training-data `t`: KS D 0\.75 > 0\.02/,
          severity: 'warning',
          evidence: both,
        },
      ],
    },
    {
      name: 'airports production has never trained on (chi-square, gated by the Jensen-Shannon distance)',
      docs: [training(), production()],
      profiles: {
        'training-data/t': flights(),
        'production-data/p': flights({ origins: ['SFO', 'SEA', 'ATL', 'LAX'] }),
      },
      findings: [
        { message: /^column `origin` of .*: JS distance 0\.5887 > 0\.1, p .* < 0\.0025/, severity: 'warning' },
      ],
    },
    {
      name: 'most columns drifted: the data set drifted, and each column is an error',
      docs: [training(), production()],
      profiles: {
        'training-data/t': flights(),
        'production-data/p': flights({ distance: 300, origins: ['SFO', 'SEA', 'ATL', 'LAX'] }),
      },
      findings: [
        {
          message: /^column `distance` .*; 2 of 4 compared columns drifted \(50%\): dataset drift \(threshold 50%\)$/,
          severity: 'error',
        },
        { message: /^column `origin` .*: dataset drift/, severity: 'error' },
      ],
    },
    {
      name: 'training data prepared from raw data unlike it',
      docs: [
        rd({ schema: productionFields(['delay', 'distance']), profile: 'raw.profile.json' }),
        td(fields(['delay', 'distance']), { profile: 'training.profile.json' }),
      ],
      profiles: { 'raw-data/r': flights(), 'training-data/t': flights({ distance: 300 }) },
      findings: [
        {
          message: /^column `distance` of training-data `t` has drifted from raw-data `r`: KS D 0\.75 > 0\.02/,
          severity: 'warning',
          evidence: ['raw-data/r:/profile', 'training-data/t:/profile'],
          roles: ['data-engineer', 'data-scientist'],
        },
      ],
    },
  ],
});
