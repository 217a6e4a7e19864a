import { squash } from '../../descriptors/vocabulary.js';
import { affirms } from '../match.js';
import { rule } from '../types.js';

/** Phrases in free text that say the data is about people. A negation just before ("no personal data") cancels one. */
export const PERSONAL_PHRASES = [
  'pii',
  'personal data',
  'personal information',
  'personally identifiable',
  'personal details',
  'gdpr',
  'hipaa',
  'protected health information',
  'patient',
  'patients',
  'medical records',
  'health records',
  'email address',
  'email addresses',
  'e mail address',
  'e mail addresses',
  'phone number',
  'phone numbers',
  'telephone number',
  'home address',
  'postal address',
  'street address',
  'date of birth',
  'social security number',
  'passport number',
  'full name',
  'full names',
  'first name',
  'last name',
  'surname',
  'customer names',
  'biometric',
];

/** Field-name words that alone mean personal data (`email`, `patient_id`, `dob`). */
const PERSONAL_FIELD_WORDS = new Set([
  'email',
  'phone',
  'telephone',
  'ssn',
  'dob',
  'birthdate',
  'birthday',
  'surname',
  'firstname',
  'lastname',
  'fullname',
  'passport',
  'patient',
]);
/** Field-name word pairs that mean personal data (`first_name`, `home_address`, `date_of_birth`). */
const PERSONAL_FIELD_PAIRS: [RegExp, RegExp][] = [
  [/^(first|last|full|given|family|middle|maiden|customer|person|user|employee|client)$/, /^name$/],
  [/^(home|street|postal|billing|shipping|mailing|ip)$/, /^address$/],
  [/^(birth)$/, /^date$/],
  [/^date$/, /^birth$/],
  [/^social$/, /^security$/],
];

function fieldWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && w !== 'of');
}

/** Whether a field name says the field holds personal data. */
export function personalFieldName(name: string): boolean {
  const w = fieldWords(name);
  if (w.some((x) => PERSONAL_FIELD_WORDS.has(x))) return true;
  return w.some((x, i) => {
    const next = w[i + 1];
    return next !== undefined && PERSONAL_FIELD_PAIRS.some(([a, b]) => a.test(x) && b.test(next));
  });
}

/** Anonymization answers that say nothing was done. */
const NOTHING_DONE = new Set(['none', 'no', 'na', 'nothing', 'notapplicable', 'notneeded', 'notdone', 'tbd']);

export const personalDataNotAnonymized = rule(
  {
    id: 'policy/personal-data-not-anonymized',
    category: 'policy',
    severity: 'warning',
    phases: ['design'],
    roles: ['data-engineer', 'product-owner'],
    description: 'Raw data that holds personal data says how it was anonymized.',
    rationale:
      'Personal data used for training without anonymization (or without saying how) can make the model undeployable under privacy law, leak through the model or its logs, and forces a late rework of the data and the model.',
    remedy:
      'Describe in `anonymization` how personal data was removed, masked or pseudonymised (and what was kept, for which purpose), or remove the personal fields before the data is used.',
    tec: [],
    examples: ['M16-09'],
    needs: ['raw-data'],
  },
  ({ facts, report }) => {
    for (const raw of facts.all('raw-data')) {
      const anonymization = raw.data.anonymization?.trim();
      if (anonymization && !NOTHING_DONE.has(squash(anonymization))) continue;
      const hits: { path: (string | number)[]; what: string }[] = [];
      for (const field of ['restrictions', 'data_rights', 'data_policies'] as const) {
        const phrase = affirms(raw.data[field], PERSONAL_PHRASES);
        if (phrase) hits.push({ path: [field], what: `${field}: "${phrase}"` });
      }
      const issue = affirms(raw.data.metadata?.known_issues, PERSONAL_PHRASES);
      if (issue) hits.push({ path: ['metadata', 'known_issues'], what: `known issues: "${issue}"` });
      for (const [i, f] of (raw.data.schema ?? []).entries()) {
        if (personalFieldName(f.field_name)) {
          hits.push({ path: ['schema', i, 'field_name'], what: `field \`${f.field_name}\`` });
          continue;
        }
        const phrase = affirms(f.field_description, PERSONAL_PHRASES);
        if (phrase)
          hits.push({ path: ['schema', i, 'field_description'], what: `field \`${f.field_name}\`: "${phrase}"` });
      }
      if (hits.length === 0) continue;
      const said = anonymization ? `says "${anonymization}" about anonymization` : 'says nothing about anonymization';
      report({
        message: `raw-data \`${raw.name}\` holds personal data (${hits.map((h) => h.what).join('; ')}) and ${said}`,
        cite: [
          ...hits.map((h) => ({ descriptor: raw, path: h.path })),
          ...(anonymization ? [{ descriptor: raw, path: ['anonymization'] }] : []),
        ],
        key: 'personal-data',
      });
    }
  },
);
