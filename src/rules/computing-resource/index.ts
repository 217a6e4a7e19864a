import type { Rule } from '../types.js';
import { devProdParity } from './dev-prod-parity.js';
import { gpuOnEmbedded } from './gpu-on-embedded.js';
import { inferenceTime } from './inference-time.js';
import { developmentResources, productionResources } from './resources.js';
import { throughput } from './throughput.js';

export const rules: Rule[] = [
  productionResources,
  developmentResources,
  inferenceTime,
  throughput,
  gpuOnEmbedded,
  devProdParity,
];
