import { type Profile, profileColumns } from '../../../src/data/profile/profile.js';
import { profileLabels } from '../../../src/rules/data-distribution/profile-labels.js';
import { pd, td } from '../data-schema/helpers.js';
import { ruleTester } from '../tester.js';

const ROWS = 200;

/** Flights of which `late` percent are delayed, with distances and airports alike in every profile. */
function flights(late: number): Profile {
  return profileColumns(
    {
      distance: Array.from({ length: ROWS }, (_, i) => 300 + 10 * (i % 40)),
      origin: Array.from({ length: ROWS }, (_, i) => ['ORD', 'DFW', 'ATL', 'LAX'][i % 4]),
      delayed: Array.from({ length: ROWS }, (_, i) => i < (ROWS * late) / 100),
    },
    { types: { distance: 'integer', origin: 'string', delayed: 'boolean' }, seed: 1 },
  );
}

type Shares = [label: boolean | string, percentage: number][];
const distribution = (shares: Shares) => shares.map(([label, percentage]) => ({ label, percentage }));
const names = ['distance', 'origin'];
const training = (shares: Shares = []) =>
  td(
    [
      ...names.map((field_name) => ({ field_name, mapping_production_data: field_name })),
      { field_name: 'is_late', label_field: true, mapping_production_data: 'delayed' },
    ],
    { profile: 't.profile.json', ...(shares.length ? { distribution: distribution(shares) } : {}) },
  );
const production = (shares: Shares = []) =>
  pd(
    [...names, 'delayed'].map((field_name) => ({ field_name })),
    {
      profile: 'p.profile.json',
      ...(shares.length ? { distribution: distribution(shares) } : {}),
    },
  );
/** The training profile calls the label `is_late`, as its schema does. */
const trainingProfile = (late: number) => {
  const p = flights(late);
  const { delayed, ...rest } = p.columns;
  return { ...p, columns: { ...rest, is_late: delayed } } as Profile;
};

ruleTester(profileLabels, {
  valid: [
    {
      name: 'the same label shares, declared as counted',
      docs: [
        training([
          [true, 20],
          [false, 80],
        ]),
        production([
          [true, 22],
          [false, 78],
        ]),
      ],
      profiles: { 'training-data/t': trainingProfile(20), 'production-data/p': flights(20) },
    },
    {
      name: 'without profiles, declared shares are data-distribution/label-distribution’s',
      docs: [
        training([
          [true, 20],
          [false, 80],
        ]),
        production([
          [true, 60],
          [false, 40],
        ]),
      ],
    },
  ],
  invalid: [
    {
      name: 'production far later than training',
      docs: [training(), production()],
      profiles: { 'training-data/t': trainingProfile(20), 'production-data/p': flights(50) },
      findings: [
        {
          message:
            /^label shares of production-data `p` have drifted from training-data `t` \(`delayed`\): `false` 80% → 50%, `true` 20% → 50%; JS distance 0\.2\d+ > 0\.1, p .* < 0\.003333 \(alpha 0\.01, Bonferroni over 3 columns\)$/,
          severity: 'warning',
          evidence: ['training-data/t:/profile', 'production-data/p:/profile'],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'declared training shares the data do not have, and a label they never hold',
      docs: [
        training([
          [true, 30],
          [false, 60],
          ['unknown', 10],
        ]),
      ],
      profiles: { 'training-data/t': trainingProfile(20) },
      findings: [
        {
          message:
            /^training-data `t` declares label shares its data \(profile t\.profile\.json, column `is_late`\) do not have, declared → counted: `true` 30% → 20% \(−10 pp\), `false` 60% → 80% \(\+20 pp\), `unknown` 10% → 0% \(−10 pp\); PSI/,
          severity: 'error',
          evidence: [
            'training-data/t:/distribution/0/percentage',
            'training-data/t:/distribution/1/percentage',
            'training-data/t:/distribution/2/percentage',
            'training-data/t:/profile',
          ],
        },
      ],
    },
    {
      name: 'declared production shares, of the column the training label maps to',
      docs: [
        training(),
        production([
          [true, 50],
          [false, 50],
        ]),
      ],
      profiles: { 'training-data/t': trainingProfile(20), 'production-data/p': flights(20) },
      findings: [
        {
          message: /^production-data `p` declares label shares its data \(.*column `delayed`\) .*: `true` 50% → 20%/,
          severity: 'error',
          roles: ['operations'],
        },
      ],
    },
  ],
});
