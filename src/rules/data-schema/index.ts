import type { Rule } from '../types.js';
import { fieldType } from './field-type.js';
import { inputContract } from './input-contract.js';
import { labelSet } from './label-set.js';
import { pipelineProductionFields } from './pipeline-production-fields.js';
import { productionFieldUnmapped } from './production-field-unmapped.js';
import { profileSchema } from './profile-schema.js';
import { rangeMismatch } from './range-mismatch.js';
import { rawTrainingType } from './raw-training-type.js';
import { trainingFieldUnmapped } from './training-field-unmapped.js';
import { unitMismatch } from './unit-mismatch.js';

export const rules: Rule[] = [
  fieldType,
  trainingFieldUnmapped,
  productionFieldUnmapped,
  unitMismatch,
  rangeMismatch,
  rawTrainingType,
  labelSet,
  pipelineProductionFields,
  profileSchema,
  inputContract,
];
