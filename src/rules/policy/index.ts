import type { Rule } from '../types.js';
import { personalDataNotAnonymized } from './personal-data-not-anonymized.js';
import { restrictedDataInCloud } from './restricted-data-in-cloud.js';
import { rightsUnknownForUse } from './rights-unknown-for-use.js';

export const rules: Rule[] = [restrictedDataInCloud, personalDataNotAnonymized, rightsUnknownForUse];
