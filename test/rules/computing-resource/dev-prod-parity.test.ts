import { devProdParity } from '../../../src/rules/computing-resource/dev-prod-parity.js';
import { ruleTester } from '../tester.js';

type Fields = Record<string, unknown>;
const dev = (fields: Fields) => ({ kind: 'development-environment', name: 'dev', ...fields });
const prod = (fields: Fields) => ({ kind: 'production-environment', name: 'prod', ...fields });
const model = (fields: Fields) => ({ kind: 'trained-model', name: 'm', ...fields });

ruleTester(devProdParity, {
  valid: [
    {
      name: 'the flight-delays environments: Debian 12 images on both sides',
      docs: [
        dev({
          operating_system:
            'Ubuntu 22.04 LTS on developer machines and CI runners; services run in Debian 12 based Docker images',
        }),
        prod({ operating_system: 'Debian 12 (python:3.11-slim-bookworm image) on Amazon Linux 2023 nodes' }),
      ],
    },
    { name: 'an OS stated on one side only', docs: [dev({ operating_system: 'Windows 11' }), prod({})] },
    {
      name: 'Linux without a distribution against Ubuntu',
      docs: [dev({ operating_system: 'Linux' }), prod({ operating_system: 'Ubuntu 22.04' })],
    },
    {
      name: 'same versions, other spellings',
      docs: [dev({ ml_frameworks: ['sklearn 1.4.2'] }), prod({ ml_frameworks: ['scikit-learn==1.4'] })],
    },
    {
      name: 'a version the model pins and production fails is framework-version’s concern',
      docs: [
        model({ ml_frameworks: ['torch 2.1'] }),
        dev({ ml_frameworks: ['torch 2.1.0'] }),
        prod({ ml_frameworks: ['torch 1.13'] }),
      ],
    },
    {
      name: 'a declared GPU need production lacks is production-resources’ concern',
      docs: [
        model({ computing_resource_reqs: { gpu: 1 }, ml_frameworks: ['torch'] }),
        dev({ computing_resources: { gpu: 2 } }),
        prod({ computing_resources: { gpu: 0 } }),
      ],
    },
    {
      name: 'a GPU in development and a CPU-only model',
      docs: [
        model({ ml_frameworks: ['lightgbm'] }),
        dev({ computing_resources: { gpu: 1 } }),
        prod({ computing_resources: { gpu: 0 } }),
      ],
    },
  ],
  invalid: [
    {
      name: 'Windows in development, Linux in production',
      docs: [dev({ operating_system: 'Windows 11 laptops' }), prod({ operating_system: 'RHEL 9 on OpenShift' })],
      findings: [
        {
          message:
            /^development-environment `dev` runs Windows 11; production-environment `prod` runs Red Hat Enterprise Linux 9: integration tests in development do not exercise the production system$/,
          severity: 'warning',
          evidence: ['development-environment/dev:/operating_system', 'production-environment/prod:/operating_system'],
          roles: ['software-engineer', 'operations'],
        },
      ],
    },
    {
      name: 'another distribution is information',
      docs: [dev({ operating_system: 'Ubuntu 22.04' }), prod({ operating_system: 'Alpine 3.19 containers' })],
      findings: [
        {
          message: /runs Ubuntu 22\.04; .* runs Alpine 3\.19: different distributions ship different system libraries$/,
          severity: 'info',
        },
      ],
    },
    {
      name: 'another release of the same distribution is information',
      docs: [dev({ operating_system: 'Ubuntu 20.04' }), prod({ operating_system: 'ubuntu 22.04' })],
      findings: [{ message: /different releases ship different system libraries$/, severity: 'info' }],
    },
    {
      name: 'framework versions a minor release apart',
      docs: [
        dev({ ml_frameworks: ['scikit-learn 1.4.2'], system_dependencies: ['numpy 1.26.4'] }),
        prod({ ml_frameworks: ['scikit-learn 1.3.2'], system_dependencies: ['numpy 1.26.2'] }),
      ],
      findings: [
        {
          message:
            /^development-environment `dev` has scikit-learn 1\.4\.2; production-environment `prod` has scikit-learn 1\.3\.2: what integration tests exercised is not what production runs$/,
          severity: 'warning',
          evidence: ['development-environment/dev:/ml_frameworks/0', 'production-environment/prod:/ml_frameworks/0'],
        },
        { message: /has numpy 1\.26\.4; .* has numpy 1\.26\.2/, severity: 'info' },
      ],
    },
    {
      name: 'a CUDA model tested on development GPUs, production has none',
      docs: [
        model({ system_dependencies: ['cuDNN 8.9'] }),
        dev({ computing_resources: { gpu: 1 } }),
        prod({ computing_resources: { gpu: 0 } }),
      ],
      findings: [
        {
          message:
            /^the model depends on cuDNN 8\.9; development-environment `dev` has 1 GPU, production-environment `prod` has none: it runs in development and cannot run in production$/,
          severity: 'warning',
          evidence: [
            'development-environment/dev:/computing_resources/gpu',
            'production-environment/prod:/computing_resources/gpu',
            'trained-model/m:/system_dependencies/0',
          ],
          roles: ['software-engineer', 'operations', 'data-scientist'],
        },
      ],
    },
    {
      name: 'a PyTorch model timed on a development GPU',
      docs: [
        model({ ml_frameworks: ['PyTorch 2.1'] }),
        dev({ computing_resources: { gpu: 2 } }),
        prod({ computing_resources: { gpu: 0, cpu: 4 } }),
      ],
      findings: [
        {
          message:
            /uses PyTorch 2\.1, which runs on a GPU when it finds one; .* has 2 GPUs, .* has none: timings and tests from development do not hold in production$/,
          severity: 'info',
        },
      ],
    },
  ],
});
