import type { Rule } from '../types.js';
import { outputType } from './output-type.js';

export const rules: Rule[] = [outputType];
