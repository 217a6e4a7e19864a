import { restrictedDataInCloud } from '../../../src/rules/policy/restricted-data-in-cloud.js';
import { ruleTester } from '../tester.js';

const raw = (fields: Record<string, string>) => ({ kind: 'raw-data', name: 'r', ...fields });
const prod = (platform?: string) => ({
  kind: 'production-environment',
  name: 'prod',
  ...(platform ? { deployment_platform: platform } : {}),
});

ruleTester(restrictedDataInCloud, {
  valid: [
    {
      name: 'no public cloud, served from a private cloud',
      docs: [raw({ restrictions: 'No public cloud.' }), prod('GovCloud')],
    },
    {
      name: 'public cloud is not allowed, served on premises',
      docs: [raw({ restrictions: 'Public cloud is not allowed.' }), prod('on-prem')],
    },
    {
      name: '"no export restrictions" is not a ban',
      docs: [raw({ restrictions: 'No export restrictions apply; public data.' }), prod('aws')],
    },
    {
      name: 'the flight example: attribution only',
      docs: [
        raw({
          restrictions:
            'None beyond attribution: public data with no personal information. Keep the Parquet file and derived splits in the ML data bucket.',
        }),
        prod('cloud'),
      ],
    },
    { name: 'no platform said: nothing to compare', docs: [raw({ restrictions: 'On-premises only.' }), prod()] },
  ],
  invalid: [
    {
      name: 'no public cloud, deployed on AWS (M07-04)',
      docs: [raw({ restrictions: 'Sensitive: no public cloud, no export.' }), prod('AWS')],
      findings: [
        {
          message:
            /^raw-data `r` rules out the cloud and leaving the premises \(restrictions: "no export"\); production-environment `prod` is deployed on the cloud$/,
          severity: 'error',
          evidence: ['raw-data/r:/restrictions', 'production-environment/prod:/deployment_platform'],
          roles: ['data-engineer', 'operations'],
        },
      ],
    },
    {
      name: 'public cloud only, deployed on the public cloud',
      docs: [raw({ data_policies: 'Data must not be stored in a public cloud.' }), prod('cloud')],
      findings: [
        {
          message: /rules out the public cloud \(data_policies: "not be stored in a public cloud"\)/,
          severity: 'error',
        },
      ],
    },
    {
      name: 'on premises only, a private cloud is a warning',
      docs: [raw({ restrictions: 'Hospital data: on-premises only.' }), prod('private-cloud')],
      findings: [
        {
          message:
            /\(restrictions: "on premises only"\); .* deployed on a private cloud, which is off premises unless hosted on site$/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'the system context policies count too (M16-09)',
      docs: [
        {
          kind: 'system-context',
          name: 'sc',
          data_rights_policies: 'Patient records must not leave the hospital network.',
        },
        prod('Azure'),
      ],
      findings: [
        {
          message:
            /^system-context `sc` rules out the cloud and leaving the premises \(data_rights_policies: "must not leave"\)/,
          evidence: ['system-context/sc:/data_rights_policies', 'production-environment/prod:/deployment_platform'],
          roles: ['product-owner', 'operations'],
        },
      ],
    },
  ],
});
