import { dataRights } from '../../../src/rules/missing-information/data-rights.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

ruleTester(dataRights, {
  valid: [
    { name: 'rights and policies stated', docs: system() },
    { name: '“none” is an answer', docs: [one('raw-data', { restrictions: 'None.', anonymization: 'Not needed.' })] },
  ],
  invalid: [
    {
      name: 'system context and raw data silent (TEC misses the raw data side: it checks none of it)',
      docs: system({
        'system-context': { data_rights_policies: undefined },
        'raw-data': { restrictions: undefined, data_rights: undefined, data_policies: '', anonymization: undefined },
      }),
      findings: [
        {
          message: /^system-context `sys` does not say: data_rights_policies$/,
          severity: 'info',
          evidence: ['system-context/sys:'],
          roles: ['product-owner'],
        },
        {
          message: /^raw-data `raw` does not say: restrictions, data_rights, data_policies, anonymization$/,
          roles: ['data-engineer'],
        },
      ],
    },
  ],
});
