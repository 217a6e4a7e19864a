// Languages, frameworks and libraries on both sides of the integration. Every model component is
// checked, not only the last one (TEC reads its loop variable after the loop: B-M5). Production's
// frameworks and software are asked for by system-configuration.
import { type Gap, missingFields, missingInList, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const toolchainImportance = importance([
  'TM Programming Language/ML Framework/Tools/Libraries',
  'DE Programming Language/ML Framework/Tools/Libraries',
]);

export const toolchain = presenceRule(
  {
    topic: 'toolchain',
    description:
      'The trained model lists its components with their languages, and its ML frameworks; the development environment its languages, frameworks, libraries and operating system; the data pipeline its languages.',
    rationale:
      'A model in a language or framework the system does not use has to be ported or rewritten, often without a spec, and ported models underperform because libraries differ; nobody sees it coming unless both sides list their toolchains.',
    remedy:
      'The data scientist lists model_components (each with programming_languages) and ml_frameworks with versions; the software engineer the programming_languages, ml_frameworks, system_dependencies and operating_system of the development environment; the data engineer the pipeline’s programming_languages.',
    tec: ['MF-TM', 'MF-DE'],
    examples: ['M01-02', 'M04-06', 'M05-01', 'M20-01', 'M02-02', 'M18-07', 'M09-04', 'M08-02', 'M15-07'],
    importance: toolchainImportance,
  },
  {
    'trained-model': {
      gaps: (tm) => {
        const d = tm.data;
        const gaps: Gap[] = missingFields(d, ['model_components']);
        gaps.push(
          ...missingInList(
            d.model_components,
            ['model_components'],
            (c, i) => `#${i + 1} (${c.algorithm})`,
            (c) =>
              missingFields(c, [...(c.algorithm === 'other' ? ['other_algorithm'] : []), 'programming_languages']).map(
                (g) => g.field,
              ),
          ),
        );
        return [...gaps, ...missingFields(d, ['ml_frameworks'])];
      },
    },
    'development-environment': {
      gaps: (dev) =>
        missingFields(dev.data, ['programming_languages', 'ml_frameworks', 'system_dependencies', 'operating_system']),
    },
    'data-pipeline': { gaps: (dp) => missingFields(dp.data, ['programming_languages']) },
  },
);
