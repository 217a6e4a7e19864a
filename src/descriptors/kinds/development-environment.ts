import * as z from 'zod';
import { dataItem, date, header, optionalText, resources, texts } from '../fields.js';

const item = z.strictObject(dataItem);

function component<K extends 'output_spec' | 'input_spec'>(items: K, what: string) {
  const list = { [items]: z.array(item).optional().meta({ description: what }) } as {
    [P in K]: z.ZodOptional<z.ZodArray<typeof item>>;
  };
  return z.strictObject({
    component_name: z.string().min(1).meta({ description: 'Name of the component, unique in the environment.' }),
    component_description: optionalText('What the component is.'),
    ml_component: z.boolean().optional().meta({ description: 'The component is itself an ML model.' }),
    ...list,
  });
}

export const developmentEnvironment = z
  .strictObject({
    ...header('development-environment', 'development environment'),
    programming_languages: texts('Languages the system is built in.').optional(),
    ml_frameworks: texts('ML frameworks available, each optionally with a version.').optional(),
    operating_system: optionalText('Operating system and version.'),
    system_dependencies: texts('Libraries, tools and services available.').optional(),
    upstream_components: z
      .array(component('output_spec', 'Items the component sends towards the model.'))
      .optional()
      .meta({ description: 'Components that feed the model.' }),
    downstream_components: z
      .array(component('input_spec', 'Items the component expects from the model.'))
      .optional()
      .meta({ description: 'Components that consume the model outputs.' }),
    milestones: z
      .array(
        z.strictObject({
          milestone: z.string().meta({ description: 'Integration milestone.' }),
          milestone_date: date('When it is due.').optional(),
        }),
      )
      .optional()
      .meta({ description: 'Integration milestones.' }),
    computing_resources: resources('available for development and integration').optional(),
  })
  .meta({
    title: 'Development environment',
    description:
      'Where the model is integrated: languages, frameworks, upstream and downstream components, resources. Owned by the software engineer.',
  });
