import type { Rule } from '../types.js';
import { downstreamInputUnfed } from './downstream-input-unfed.js';
import { downstreamMlComponent } from './downstream-ml-component.js';
import { inputType } from './input-type.js';
import { inputUnmapped } from './input-unmapped.js';
import { noDefaultOutput } from './no-default-output.js';
import { nullableMismatch } from './nullable-mismatch.js';
import { outputContract } from './output-contract.js';
import { outputType } from './output-type.js';
import { outputUnmapped } from './output-unmapped.js';
import { rangeMismatch } from './range-mismatch.js';
import { unitMismatch } from './unit-mismatch.js';
import { upstreamOutputUnused } from './upstream-output-unused.js';

export const rules: Rule[] = [
  outputType,
  outputUnmapped,
  downstreamInputUnfed,
  inputType,
  inputUnmapped,
  upstreamOutputUnused,
  unitMismatch,
  rangeMismatch,
  nullableMismatch,
  noDefaultOutput,
  downstreamMlComponent,
  outputContract,
];
