// POST /api/v1/systems/{name}/events and /feedback: batches validated item by item; the valid items
// are stored in one transaction before the response, the others are listed with their errors. Once
// stored, events are checked against their model's contract and windowed, and feedback joins them.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { batchResponse, MAX_BATCH_ITEMS, validateBatch } from '../batch.js';
import type { Clock } from '../clock.js';
import { errorBody } from '../errors.js';
import { eventSchema } from '../events.js';
import { feedbackRecord, feedbackSchema } from '../feedback.js';
import { ingestEvents } from '../ingest.js';
import { arrayText } from '../json-body.js';
import type { MonitoredSystem } from '../monitor.js';
import { docSchema, nameParams } from '../openapi.js';
import { findSystem } from '../systems.js';

const errors = {
  400: docSchema(errorBody),
  404: docSchema(errorBody),
  413: docSchema(errorBody),
  415: docSchema(errorBody),
};

export function ingestRoutes(app: FastifyInstance, systems: readonly MonitoredSystem[], clock: Clock): void {
  app.post<{ Params: { name: string } }>(
    '/api/v1/systems/:name/events',
    {
      schema: {
        summary: 'Ingest a batch of events (predictions)',
        description:
          'Each event is validated on its own: valid events are stored, durably, before the response; ' +
          'invalid ones, and those naming a model (or version) the system does not declare, are listed ' +
          'under `rejected` with their index and errors. Stored events are then checked against their ' +
          "model's contract and counted in its windows.",
        tags: ['ingest'],
        params: nameParams,
        body: docSchema(z.object({ events: z.array(eventSchema).min(1).max(MAX_BATCH_ITEMS) }), 'input'),
        response: { 200: docSchema(batchResponse), ...errors },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      const { valid, rejected } = validateBatch(request.body, 'events', eventSchema);
      const json = arrayText(request.body, 'events');
      const { accepted, rejected: refused } = await ingestEvents(served, valid, rejected, clock.now(), json);
      return { accepted, rejected: refused };
    },
  );

  app.post<{ Params: { name: string } }>(
    '/api/v1/systems/:name/feedback',
    {
      schema: {
        summary: 'Ingest ground truth or user feedback on earlier events',
        description:
          'Each item is joined to the stored event its `event_id` names; an item whose event is not ' +
          'stored (yet) is rejected. Ground truth an event was given before under the same `name` ' +
          '(a retry) is accepted but neither stored nor counted again.',
        tags: ['ingest'],
        params: nameParams,
        body: docSchema(z.object({ feedback: z.array(feedbackSchema).min(1).max(MAX_BATCH_ITEMS) }), 'input'),
        response: { 200: docSchema(batchResponse), ...errors },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      const { valid, rejected } = validateBatch(request.body, 'feedback', feedbackSchema);
      const now = new Date(clock.now());
      const feedback = valid.map((v) => feedbackRecord(v.value, now));
      const joins = await served.store.addFeedback(served.name, feedback, rejected.length);
      served.monitor.addFeedback(feedback, joins);
      valid.forEach((item, i) => {
        if (joins[i] !== undefined) return;
        rejected.push({
          index: item.index,
          errors: [{ path: '/event_id', message: `no event "${item.value.event_id}" is stored for ${served.name}` }],
        });
      });
      rejected.sort((a, b) => a.index - b.index);
      const accepted = joins.filter((j) => j !== undefined).length;
      served.monitor.ingested('feedback', accepted, rejected.length);
      return { accepted, rejected };
    },
  );
}
