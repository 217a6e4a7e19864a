// Ground truth or user feedback about an earlier event, joined to it by the event's id.
import * as z from 'zod';
import { jsonObject } from './json-object.js';
import type { FeedbackRecord } from './store/store.js';

export const feedbackSchema = z
  .strictObject({
    event_id: z.string().min(1).meta({ description: 'The id of the event this feedback is about.' }),
    kind: z.enum(['ground_truth', 'user']).meta({
      description: 'ground_truth: the actual outcome; user: what a user of the system reported.',
    }),
    name: z.string().min(1).max(200).optional().meta({
      description:
        "Which feedback this is: the short_name of one of the trained model's user_system_feedback items (e.g. actual-arrival-delay).",
    }),
    actual: jsonObject('The actual values of the outputs, by output name (e.g. {"delayed": true}).'),
    timestamp: z.iso
      .datetime({ offset: true })
      .optional()
      .meta({ description: 'When the outcome was known (ISO 8601); arrival time when absent.' }),
    comment: z.string().optional().meta({ description: 'Free text, e.g. what the user wrote.' }),
  })
  .meta({ description: 'Feedback on one event.' });

export type Feedback = z.output<typeof feedbackSchema>;

export function feedbackRecord(f: Feedback, now: Date): FeedbackRecord {
  return { ...f, timestamp: (f.timestamp ? new Date(f.timestamp) : now).toISOString() };
}
