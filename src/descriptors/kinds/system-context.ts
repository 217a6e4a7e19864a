import * as z from 'zod';
import { header, optionalText, term, texts } from '../fields.js';
import { metrics, mlProblems, operators } from '../vocabulary.js';

export const goal = z.strictObject({
  id: z.string().min(1).meta({
    description: 'Stable id of the goal (G-01, on-time-warnings); metrics refer to it, so never renumber.',
  }),
  goal: z.string().meta({ description: 'The business or mission goal, in words.' }),
  metric: term(metrics, 'How attainment of the goal is measured.').optional(),
  other_metric: optionalText('Name of the metric when `metric` is other.'),
  operator: term(
    operators,
    'How the metric must compare with the baseline (>= for accuracy, <= for error rates).',
  ).optional(),
  baseline: z.number().optional().meta({ description: 'The value the metric must reach.' }),
  baseline_rationale: optionalText('Why this baseline: human parity, current system, regulation.'),
});

export const systemContext = z
  .strictObject({
    ...header('system-context', 'ML-enabled system'),
    task: optionalText('The job the model does for the system, in one or two sentences.'),
    ml_problem_type: term(mlProblems, 'Kind of ML problem.').optional(),
    other_problem: optionalText('The kind of problem when `ml_problem_type` is other.'),
    goals: z.array(goal).optional().meta({ description: 'Business or mission goals the model serves.' }),
    success_criteria: texts('How the system as a whole is judged a success.').optional(),
    available_data: optionalText('Data that exists for the problem and may be used.'),
    usage_context: optionalText('Who uses the outputs, how, and what they do with them.'),
    data_rights_policies: optionalText('Legal, privacy and policy constraints on data and outputs.'),
    risks: z
      .strictObject({
        risk_fp: optionalText('Consequence of a false positive.'),
        risk_fn: optionalText('Consequence of a false negative.'),
        risk_other: optionalText('Other consequences of wrong or missing outputs.'),
      })
      .optional()
      .meta({ description: 'What wrong outputs cost.' }),
  })
  .meta({
    title: 'System context',
    description:
      'What the ML-enabled system is for: task, goals with metrics and baselines, risks. Owned by the product owner.',
  });
