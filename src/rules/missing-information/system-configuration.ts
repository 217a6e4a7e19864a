// What the model needs installed and configured at run time, and the serving environment's platform,
// mechanism, operating system and software: operations' most important item.
import { type Gap, missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const systemConfigurationImportance = importance([
  'TM System Configuration Requirements',
  'OE Computing Resources',
]);

export const systemConfiguration = presenceRule(
  {
    topic: 'system-configuration',
    description:
      'The trained model lists the libraries, tools and services it needs at run time; the production environment states its platform, deployment mechanism, operating system, ML frameworks and installed software.',
    rationale:
      'Operations must serve the model and meet its SLA: run-time libraries, configuration and services the model needs but nobody listed delay deployment, and a platform that turns out to be wrong (cloud plan, OS, framework missing or unlicensed) forces a port.',
    remedy:
      'The data scientist lists system_dependencies with versions (and the configuration the model needs in decisions_assumptions); operations fills in deployment_platform, deployment_mechanism, operating_system, ml_frameworks and system_dependencies of production.',
    tec: ['MF-TM'],
    examples: ['M03-05', 'M06-02', 'M16-08', 'M16-01', 'M12-05', 'M17-04'],
    importance: systemConfigurationImportance,
  },
  {
    'trained-model': { gaps: (tm) => missingFields(tm.data, ['system_dependencies']) },
    'production-environment': {
      gaps: (pe) => {
        const d = pe.data;
        const gaps: Gap[] = missingFields(d, ['deployment_platform']);
        if (d.deployment_platform === 'other') gaps.push(...missingFields(d, ['deployment_platform_details']));
        return [
          ...gaps,
          ...missingFields(d, ['deployment_mechanism', 'operating_system', 'ml_frameworks', 'system_dependencies']),
        ];
      },
    },
  },
);
