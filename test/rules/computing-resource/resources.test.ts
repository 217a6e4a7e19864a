import { developmentResources, productionResources } from '../../../src/rules/computing-resource/resources.js';
import { observed } from '../observed.js';
import { ruleTester } from '../tester.js';

/** A window whose events report these resource uses (cpu cores, memory bytes, gpus). */
const using = (...uses: { cpu?: number | string; memory?: number | string; gpu?: number }[]) => ({
  m: observed('m', { events: uses.map((resources) => ({ outputs: { p: 0.5 }, resources })) }),
});

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
    {
      name: 'at run time, use within what production offers (text units as events may send them)',
      docs: [model({ memory: '4Gi' }), prod({ memory: '8Gi', cpu: 2, gpu: { count: 1 } })],
      observed: using({ cpu: 1.5, memory: '7Gi', gpu: 1 }, { cpu: '2', memory: 8 * 2 ** 30 }),
    },
    {
      name: 'at run time, declared needs above the offer are design’s finding',
      docs: [model({ memory: '64Gi' }), prod({ memory: '8Gi' })],
      observed: using({ memory: '1Gi' }),
    },
  ],
  invalid: [
    {
      name: 'at run time, the most memory and CPU a window saw above the offer',
      docs: [model({ memory: '4Gi' }), prod({ memory: '8Gi', cpu: 2 })],
      observed: using({ memory: '6Gi', cpu: 1 }, { memory: '9Gi', cpu: '2500m' }),
      findings: [
        {
          message:
            /^in window 2001-05-01T10:00Z–10:05Z of trained-model `m` \(2 events\), the model server used up to 9 GiB of memory; production-environment `prod` offers 8 GiB$/,
          severity: 'error',
          evidence: [
            'production-environment/prod:/computing_resources/memory',
            'trained-model/m:/computing_resource_reqs/memory',
          ],
        },
        {
          message: /used up to 2\.5 cores of CPU; production-environment `prod` offers 2 cores$/,
          evidence: ['production-environment/prod:/computing_resources/cpu'],
        },
      ],
    },
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
