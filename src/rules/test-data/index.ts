import type { Rule } from '../types.js';
import { noIntegrationTestData } from './no-integration-test-data.js';
import { noTestSet } from './no-test-set.js';
import { pipelineUntested } from './pipeline-untested.js';
import { testDataNotShared } from './test-data-not-shared.js';
import { testSetVersion } from './test-set-version.js';

export const rules: Rule[] = [noIntegrationTestData, noTestSet, testSetVersion, pipelineUntested, testDataNotShared];
