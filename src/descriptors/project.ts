// `dovetail.yaml`: the system's name, which files hold its descriptors, settings and waivers.
import * as z from 'zod';
import { date, duration, optionalText } from './fields.js';

export const waiver = z.strictObject({
  rule: z.string().min(1).meta({ description: 'Id of the rule waived, e.g. computing-resource/memory.' }),
  descriptor: optionalText('Limit the waiver to findings about this descriptor: `kind/name` or `name`.'),
  path: optionalText('Limit it further to a JSON pointer inside that descriptor, e.g. /computing_resources/memory.'),
  reason: z.string().min(1).meta({
    description: 'Why the team accepts the finding. Required: a waiver without a reason is a silent one.',
  }),
  expires: date('After this date the finding fails again.').optional(),
});

export const projectFile = z
  .strictObject({
    dovetail: z.literal(1).meta({ description: 'Format version of this file; always 1.' }),
    name: z.string().min(1).meta({ description: 'Name of the system; the monitor and reports use it.' }),
    description: optionalText('What the system is.'),
    descriptors: z.array(z.string()).optional().meta({
      description:
        'Descriptor files or glob-free folders, relative to this file. Default: every YAML/JSON file here with a `kind`.',
    }),
    settings: z
      .strictObject({
        drift: z
          .strictObject({
            method: optionalText(
              'Default drift method for every column: ks, chi2, psi, js, wasserstein, hellinger, linf.',
            ),
            threshold: z
              .number()
              .positive()
              .optional()
              .meta({ description: 'Effect-size threshold above which a column drifts.' }),
            alpha: z
              .number()
              .positive()
              .max(1)
              .optional()
              .meta({ description: 'Significance level before correction for the number of columns.' }),
            columns: z
              .record(
                z.string(),
                z.strictObject({
                  method: optionalText('Method for this column.'),
                  threshold: z.number().positive().optional().meta({ description: 'Threshold for this column.' }),
                }),
              )
              .optional()
              .meta({ description: 'Per-column overrides.' }),
          })
          .optional()
          .meta({ description: 'How drift between data sets is decided.' }),
        window: duration('Length of a monitoring window.').optional(),
        window_events: z
          .number()
          .int()
          .positive()
          .optional()
          .meta({ description: 'Close a window after this many events.' }),
      })
      .optional()
      .meta({ description: 'Settings for checks and monitoring.' }),
    waivers: z.array(waiver).optional().meta({ description: 'Findings the team has accepted, each with a reason.' }),
  })
  .meta({ title: 'Dovetail system', description: 'The file that marks a folder as a Dovetail system.' });

export type ProjectFile = z.output<typeof projectFile>;
export type Waiver = z.output<typeof waiver>;
