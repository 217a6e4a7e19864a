import { personalDataNotAnonymized } from '../../../src/rules/policy/personal-data-not-anonymized.js';
import { ruleTester } from '../tester.js';

const raw = (fields: Record<string, unknown>) => ({ kind: 'raw-data', name: 'r', ...fields });

ruleTester(personalDataNotAnonymized, {
  valid: [
    {
      name: 'a statement that there is no personal data',
      docs: [raw({ restrictions: 'Public data with no personal information.' })],
    },
    {
      name: 'personal data with its anonymization described',
      docs: [
        raw({
          schema: [{ field_name: 'customer_email' }],
          anonymization: 'E-mail addresses replaced by salted SHA-256 hashes.',
        }),
      ],
    },
    {
      name: 'names of things are not personal',
      docs: [
        raw({
          schema: [
            { field_name: 'airport_name' },
            { field_name: 'origin', field_description: 'IATA code of the departure airport.' },
          ],
        }),
      ],
    },
  ],
  invalid: [
    {
      name: 'a personal field and no anonymization',
      docs: [
        raw({ schema: [{ field_name: 'amount' }, { field_name: 'customerEmail' }, { field_name: 'date_of_birth' }] }),
      ],
      findings: [
        {
          message:
            /^raw-data `r` holds personal data \(field `customerEmail`; field `date_of_birth`\) and says nothing about anonymization$/,
          severity: 'warning',
          evidence: ['raw-data/r:/schema/1/field_name', 'raw-data/r:/schema/2/field_name'],
          roles: ['data-engineer'],
        },
      ],
    },
    {
      name: 'patient records, anonymization "None"',
      docs: [
        raw({
          data_policies: 'Patient records under HIPAA; access by the clinical data team.',
          schema: [
            { field_name: 'note', field_description: 'Free-text note; may contain the phone number of the patient.' },
          ],
          anonymization: 'None',
        }),
      ],
      findings: [
        {
          message:
            /holds personal data \(data_policies: "hipaa"; field `note`: "patient"\) and says "None" about anonymization$/,
          evidence: [
            'raw-data/r:/data_policies',
            'raw-data/r:/schema/0/field_description',
            'raw-data/r:/anonymization',
          ],
        },
      ],
    },
  ],
});
