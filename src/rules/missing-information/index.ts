// The missing-information rules, most important first: the order of the catalogue follows how the
// practitioners of the ML mismatch study rated each kind of information (see survey.ts). Warnings
// (rated Very Important by at least 20 of 31, or a role's top item) come before info.
import type { Rule } from '../types.js';
import { computingResources } from './computing-resources.js';
import { dataBuffering } from './data-buffering.js';
import { dataDictionary } from './data-dictionary.js';
import { dataPreparation } from './data-preparation.js';
import { dataProvenance } from './data-provenance.js';
import { dataRights } from './data-rights.js';
import { dataStatistics } from './data-statistics.js';
import { decisionsAssumptions } from './decisions-assumptions.js';
import { descriptor } from './descriptor.js';
import { evaluation } from './evaluation.js';
import { goalMeasures } from './goal-measures.js';
import { modelApi } from './model-api.js';
import { outputInterpretation } from './output-interpretation.js';
import { productionData } from './production-data.js';
import { risks } from './risks.js';
import { runtimeMonitoring } from './runtime-monitoring.js';
import { systemConfiguration } from './system-configuration.js';
import { taskAndPurpose } from './task-and-purpose.js';
import { toolchain } from './toolchain.js';
import { versions } from './versions.js';

export const rules: Rule[] = [
  // warnings
  descriptor, // whole kinds missing: every check that needs them is blind
  taskAndPurpose, // TP Task 26, Success Criteria 25, Usage Context 25 Very Important
  dataDictionary, // RD Data Dictionary 26, OD Data Syntax & Semantics 24
  dataStatistics, // OD Data Statistics 24
  evaluation, // data scientists' top item (14 of 16)
  outputInterpretation, // software engineers' (8 of 10) and operations' (4 of 5) top item
  decisionsAssumptions, // software engineers' top item (8 of 10)
  computingResources, // operations' top item (4 of 5)
  systemConfiguration, // operations' top item (4 of 5)
  // info, by what the study reports: all of a role rating it (Very) Important, interview mentions
  modelApi, // TM API 14 mentions; DE components: every software engineer
  goalMeasures, // TP Business Goals: every data scientist
  dataProvenance, // RD Metadata 81% (Very) Important, 11 mentions; RD Proxy Data 14 Very Important
  runtimeMonitoring, // OE Runtime Metrics 20 mentions, but the most Not Important answers
  dataRights, // TP Data Rights, RD Restrictions: every software engineer
  productionData, // OD Data Rates: every software engineer; OD Data Sources 4 mentions
  dataPreparation, // TD Data Preparation Pipelines 8, OD Data Pipelines 4 mentions
  risks, // not a sub-category of the study
  dataBuffering, // TM Data Buffering 14 Very Important, 2 mentions
  versions, // TM Versioning 14, TD Versioning 8 Very Important (the least)
  toolchain, // TM Programming Language 10 Very Important
];
