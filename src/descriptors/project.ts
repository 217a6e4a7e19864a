// `dovetail.yaml`: the system's name, which files hold its descriptors, settings and waivers.
import * as z from 'zod';
import { METHOD_NAMES } from '../data/drift/policy.js';
import { date, duration, optionalText } from './fields.js';

/** A drift method by one of the names `compare --method` and the statistics literature use. */
const driftMethod = (description: string) =>
  z
    .enum(Object.keys(METHOD_NAMES) as [string, ...string[]])
    .transform((name) => METHOD_NAMES[name] as (typeof METHOD_NAMES)[string])
    .optional()
    .meta({ description: `${description} One of ${Object.keys(METHOD_NAMES).join(', ')}.` });

export const waiver = z.strictObject({
  rule: z.string().min(1).meta({ description: 'Id of the rule waived, e.g. computing-resource/memory.' }),
  descriptor: optionalText('Limit the waiver to findings about this descriptor: `kind/name` or `name`.'),
  path: optionalText('Limit it further to a JSON pointer inside that descriptor, e.g. /computing_resources/memory.'),
  reason: z.string().min(1).meta({
    description: 'Why the team accepts the finding. Required: a waiver without a reason is a silent one.',
  }),
  expires: date('After this date the finding fails again.').optional(),
});

export const webhook = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
      .meta({ description: 'Where the messages are POSTed (http or https).' }),
    secret: optionalText(
      'Key of the HMAC-SHA256 signature of each message (X-Dovetail-Signature header). Prefer secret_env: this file is usually in git.',
    ),
    secret_env: optionalText('Name of the environment variable holding the signature key.'),
    events: z
      .array(z.enum(['opened', 'resolved']))
      .min(1)
      .optional()
      .meta({ description: 'Which changes are sent: opened, resolved (default both).' }),
  })
  .refine((w) => !(w.secret && w.secret_env), { message: 'give secret or secret_env, not both', path: ['secret_env'] });

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
            method: driftMethod('Method for every column it applies to (the others keep their default).'),
            threshold: z
              .number()
              .positive()
              .optional()
              .meta({ description: 'Effect-size threshold above which a column drifts.' }),
            alpha: z
              .number()
              .positive()
              .lt(1)
              .optional()
              .meta({ description: 'Significance level before correction for the number of columns.' }),
            columns: z
              .record(
                z.string(),
                z.strictObject({
                  method: driftMethod('Method for this column, when it applies to its values.'),
                  threshold: z.number().positive().optional().meta({ description: 'Threshold for this column.' }),
                }),
              )
              .optional()
              .meta({ description: 'Per-column overrides, by the name of the reference (training) column.' }),
          })
          .optional()
          .meta({ description: 'How drift between data sets is decided.' }),
        window: duration('Length of a monitoring window.').optional(),
        retention: duration(
          'How long the monitor keeps raw events; older ones are deleted, hourly (windows, observations, findings and feedback are kept). Default: kept forever.',
        ).optional(),
        window_events: z
          .number()
          .int()
          .positive()
          .optional()
          .meta({ description: 'Close a window after this many events.' }),
        classification: z
          .array(
            z.strictObject({
              model: optionalText('The trained model; may be left out when the system has one.'),
              output: z.string().min(1).meta({
                description: 'The output holding the predicted class, or the score compared with `threshold`.',
              }),
              actual: z
                .string()
                .min(1)
                .meta({ description: "The field of ground truth feedback's `actual` holding the true class." }),
              threshold: z.number().optional().meta({
                description:
                  'The predicted class is `true` when the output is at least this (a score or probability), else `false`.',
              }),
              positive: optionalText(
                'The positive class, for recall, precision and the rates (default `true`, or `1` when the classes are 0 and 1).',
              ),
            }),
          )
          .optional()
          .meta({
            description:
              'How the monitor turns a model output and its ground truth into a predicted and a true class, to compute accuracy, recall, precision and the rates in operation.',
          }),
        webhooks: z
          .array(webhook)
          .optional()
          .meta({ description: '`dovetail serve` POSTs a message to each of these when a finding opens or resolves.' }),
      })
      .optional()
      .meta({ description: 'Settings for checks and monitoring.' }),
    waivers: z.array(waiver).optional().meta({ description: 'Findings the team has accepted, each with a reason.' }),
  })
  .meta({ title: 'Dovetail system', description: 'The file that marks a folder as a Dovetail system.' });

export type ProjectFile = z.output<typeof projectFile>;
export type Waiver = z.output<typeof waiver>;
export type WebhookSetting = z.output<typeof webhook>;
