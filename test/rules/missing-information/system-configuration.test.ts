import { systemConfiguration } from '../../../src/rules/missing-information/system-configuration.js';
import { ruleTester } from '../tester.js';
import { one, system } from './complete.js';

const pe = (change: Record<string, unknown>) => one('production-environment', { trained_model: undefined, ...change });

ruleTester(systemConfiguration, {
  valid: [
    { name: 'complete', docs: system() },
    {
      name: 'an `other` platform described in words',
      docs: [pe({ deployment_platform: 'other', deployment_platform_details: 'A ship’s server rack.' })],
    },
  ],
  invalid: [
    {
      name: 'a model with an empty list of dependencies (TEC misses this: empty lists slip through, B-M3)',
      docs: [one('trained-model', { system_dependencies: [] })],
      findings: [
        {
          message: /^trained-model `m` does not say: system_dependencies$/,
          severity: 'warning',
          evidence: ['trained-model/m:'],
        },
      ],
    },
    {
      name: 'production that says nothing of its platform or software (TEC misses this: it checks none of it)',
      docs: [
        pe({
          deployment_platform: undefined,
          deployment_mechanism: undefined,
          operating_system: undefined,
          ml_frameworks: undefined,
          system_dependencies: undefined,
        }),
      ],
      findings: [
        {
          message:
            /^production-environment `prod` does not say: deployment_platform, deployment_mechanism, operating_system, ml_frameworks, system_dependencies$/,
          roles: ['operations'],
        },
      ],
    },
    {
      name: 'an `other` platform without details',
      docs: [pe({ deployment_platform: 'other' })],
      findings: [{ message: /^production-environment `prod` does not say: deployment_platform_details$/ }],
    },
  ],
});
