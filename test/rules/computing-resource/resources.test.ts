import { developmentResources, productionResources } from '../../../src/rules/computing-resource/resources.js';
import { ruleTester } from '../tester.js';

const model = (reqs: Record<string, unknown>) => ({
  kind: 'trained-model',
  name: 'm',
  computing_resource_reqs: reqs,
});
const prod = (resources?: Record<string, unknown>) => ({
  kind: 'production-environment',
  name: 'prod',
  ...(resources ? { computing_resources: resources } : {}),
});

ruleTester(productionResources, {
  valid: [
    {
      name: 'enough of everything, in different units',
      docs: [model({ memory: '4Gi', cpu: '500m', storage: 2 }), prod({ memory: '8GB', cpu: 1, storage: '10Gi' })],
    },
    { name: 'a zero requirement needs nothing said (TEC R7 flags it)', docs: [model({ gpu: 0, cpu: 0 }), prod()] },
    {
      name: 'GPU needs met',
      docs: [
        model({ gpu: { count: 1, memory: '16Gi', model: 'T4' } }),
        prod({ gpu: { count: 2, memory: '16Gi', model: 't4' } }),
      ],
    },
    { name: 'no production environment yet: nothing to compare', docs: [model({ memory: '64Gi' })] },
  ],
  invalid: [
    {
      name: 'memory short, named in real units',
      docs: [model({ memory: '6Gi', cpu: 2 }), prod({ memory: '4Gi', cpu: 2 })],
      findings: [
        {
          message: /^the model needs 6 GiB of memory; production-environment `prod` offers 4 GiB$/,
          severity: 'error',
          evidence: [
            'trained-model/m:/computing_resource_reqs/memory',
            'production-environment/prod:/computing_resources/memory',
          ],
          roles: ['data-scientist', 'operations'],
        },
      ],
    },
    {
      name: 'a bare TEC number is GB, compared with binary units',
      docs: [model({ memory: 16 }), prod({ memory: '14Gi' })],
      findings: [{ message: /needs 16 GB of memory; .* offers 14 GiB/ }],
    },
    {
      name: 'millicores against cores',
      docs: [model({ cpu: 4 }), prod({ cpu: '1500m' })],
      findings: [{ message: /needs 4 cores of CPU; .* offers 1\.5 cores/ }],
    },
    {
      name: 'an unspecified dimension the model needs is a warning, not an error',
      docs: [model({ storage: '20Gi' }), prod({ memory: '4Gi' })],
      findings: [
        {
          message: /needs 20 GiB of storage; .* does not say/,
          severity: 'warning',
          evidence: [
            'trained-model/m:/computing_resource_reqs/storage',
            'production-environment/prod:/computing_resources',
          ],
        },
      ],
    },
    {
      name: 'GPU count, then GPU memory',
      docs: [
        model({ gpu: { count: 1, memory: '24Gi' } }),
        prod({ gpu: 0 }),
        { ...prod({ gpu: { count: 1, memory: '16Gi' } }), name: 'prod-gpu', trained_model: 'm' },
      ],
      findings: [
        { message: /needs 1 GPU; production-environment `prod` has 0/ },
        { message: /needs 24 GiB of memory per GPU; the GPUs of production-environment `prod-gpu` have 16 GiB/ },
      ],
    },
  ],
});

ruleTester(developmentResources, {
  valid: [
    {
      name: 'enough',
      docs: [
        model({ memory: '2Gi' }),
        { kind: 'development-environment', name: 'dev', computing_resources: { memory: '32Gi' } },
      ],
    },
  ],
  invalid: [
    {
      name: 'storage short in development',
      docs: [
        model({ storage: '100GB' }),
        { kind: 'development-environment', name: 'dev', computing_resources: { storage: '50GB' } },
      ],
      findings: [
        {
          message: /needs 100 GB of storage; development-environment `dev` offers 50 GB/,
          roles: ['data-scientist', 'software-engineer'],
        },
      ],
    },
  ],
});
