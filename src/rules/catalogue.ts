// Every rule Dovetail has, by category. Each category folder lists its rules in its index.ts.
import { rules as api } from './api/index.js';
import { rules as computingResource } from './computing-resource/index.js';
import { rules as dataDistribution } from './data-distribution/index.js';
import { rules as dataSchema } from './data-schema/index.js';
import { rules as missingInformation } from './missing-information/index.js';
import { rules as monitoring } from './monitoring/index.js';
import { rules as policy } from './policy/index.js';
import { rules as requirements } from './requirements/index.js';
import { rules as testData } from './test-data/index.js';
import { rules as toolchain } from './toolchain/index.js';
import { rules as traceability } from './traceability/index.js';
import type { Rule } from './types.js';

export const catalogue: readonly Rule[] = [
  ...computingResource,
  ...dataDistribution,
  ...dataSchema,
  ...api,
  ...testData,
  ...monitoring,
  ...toolchain,
  ...requirements,
  ...traceability,
  ...policy,
  ...missingInformation,
];

export function findRule(id: string): Rule | undefined {
  return catalogue.find((r) => r.meta.id === id);
}
