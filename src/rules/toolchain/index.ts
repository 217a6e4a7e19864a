import type { Rule } from '../types.js';
import { dependencyMissing } from './dependency-missing.js';
import { frameworkVersion } from './framework-version.js';
import { frameworkUnsupported, productionFrameworkMissing } from './frameworks.js';
import { languageUnsupported, pipelineLanguage } from './languages.js';

export const rules: Rule[] = [
  languageUnsupported,
  pipelineLanguage,
  frameworkUnsupported,
  productionFrameworkMissing,
  frameworkVersion,
  dependencyMissing,
];
