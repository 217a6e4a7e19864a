import { rightsUnknownForUse } from '../../../src/rules/policy/rights-unknown-for-use.js';
import { ruleTester } from '../tester.js';

const raw = (rights: string) => ({ kind: 'raw-data', name: 'r', data_rights: rights });
const sc = (usage: string) => ({ kind: 'system-context', name: 'sc', usage_context: usage });

ruleTester(rightsUnknownForUse, {
  valid: [
    {
      name: 'research data for a research use',
      docs: [raw('Research use only.'), sc('Analysts of the research group compare model variants.')],
    },
    {
      name: 'the flight example: legal review approved commercial use',
      docs: [
        raw('Public US government data; legal review approved training and commercial use with attribution to BTS.'),
        sc(
          'Travellers see a yellow "likely delayed" badge on search results. Customer-service agents see the same badge.',
        ),
      ],
    },
    {
      name: 'no usage context: nothing to compare',
      docs: [raw('CC BY-NC 4.0'), { kind: 'system-context', name: 'sc' }],
    },
  ],
  invalid: [
    {
      name: 'non-commercial data behind a paid product',
      docs: [
        raw('Licensed CC BY-NC 4.0.'),
        sc('Insurance customers get a risk score as part of the premium subscription.'),
      ],
      findings: [
        {
          message:
            /^raw-data `r` limits its use \(data_rights: "cc by nc"\); system-context `sc` usage context describes commercial use \("customers"\)$/,
          severity: 'warning',
          evidence: ['raw-data/r:/data_rights', 'system-context/sc:/usage_context'],
          roles: ['data-engineer', 'product-owner'],
        },
      ],
    },
    {
      name: 'internal-only data behind a public website',
      docs: [raw('For internal use only.'), sc('Shown to the public on our website.')],
      findings: [
        { message: /\(data_rights: "internal use only"\); .* describes use outside the organisation \("public"\)/ },
      ],
    },
  ],
});
