import type { Rule } from '../types.js';
import { developmentResources, productionResources } from './resources.js';

export const rules: Rule[] = [productionResources, developmentResources];
