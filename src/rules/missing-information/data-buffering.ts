// The unit of analysis and any batching or window the model needs. "None: one request is one
// prediction" is an answer. TEC never checks this field.
import { missingFields, presenceRule } from './presence.js';
import { importance } from './survey.js';

export const dataBufferingImportance = importance(['TM Data Buffering/Window Requirements']);

export const dataBuffering = presenceRule(
  {
    topic: 'data-buffering',
    description: 'The trained model states its data buffering or window needs (or that it has none).',
    rationale:
      'A model that expects a fixed segment, window or batch but is fed a stream one record at a time (or the reverse) gives wrong outputs, and the feeding component and the logs must respect the same window.',
    remedy:
      'The data scientist fills in data_buffering_reqs: unit of analysis, window size, batching, or “none: one request is one prediction”.',
    tec: [],
    examples: ['M02-05', 'M19-05'],
    importance: dataBufferingImportance,
  },
  { 'trained-model': { gaps: (tm) => missingFields(tm.data, ['data_buffering_reqs']) } },
);
