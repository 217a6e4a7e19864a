// POST /api/v1/systems/{name}/events and /feedback: batches validated item by item; the valid items
// are stored in one transaction before the response, the others are listed with their errors.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import { batchResponse, validateBatch } from '../batch.js';
import { errorBody } from '../errors.js';
import { eventRecord, eventSchema } from '../events.js';
import { feedbackRecord, feedbackSchema } from '../feedback.js';
import { docSchema, nameParams } from '../openapi.js';
import { findSystem, type ServedSystem } from '../systems.js';

const errors = {
  400: docSchema(errorBody),
  404: docSchema(errorBody),
  413: docSchema(errorBody),
  415: docSchema(errorBody),
};

export function ingestRoutes(app: FastifyInstance, systems: readonly ServedSystem[]): void {
  app.post<{ Params: { name: string } }>(
    '/api/v1/systems/:name/events',
    {
      schema: {
        summary: 'Ingest a batch of events (predictions)',
        description:
          'Each event is validated on its own: valid events are stored, durably, before the response; ' +
          'invalid ones are listed under `rejected` with their index and errors.',
        tags: ['ingest'],
        params: nameParams,
        body: docSchema(z.object({ events: z.array(eventSchema).min(1) }), 'input'),
        response: { 200: docSchema(batchResponse), ...errors },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      const { valid, rejected } = validateBatch(request.body, 'events', eventSchema);
      const now = new Date();
      await served.store.addEvents(
        served.name,
        valid.map((v) => eventRecord(v.value, now)),
        rejected.length,
      );
      return { accepted: valid.length, rejected };
    },
  );

  app.post<{ Params: { name: string } }>(
    '/api/v1/systems/:name/feedback',
    {
      schema: {
        summary: 'Ingest ground truth or user feedback on earlier events',
        description:
          'Each item is joined to the stored event its `event_id` names; an item whose event is not ' +
          'stored (yet) is rejected.',
        tags: ['ingest'],
        params: nameParams,
        body: docSchema(z.object({ feedback: z.array(feedbackSchema).min(1) }), 'input'),
        response: { 200: docSchema(batchResponse), ...errors },
      },
    },
    async (request) => {
      const served = findSystem(systems, request.params.name);
      const { valid, rejected } = validateBatch(request.body, 'feedback', feedbackSchema);
      const now = new Date();
      const unknown = await served.store.addFeedback(
        served.name,
        valid.map((v) => feedbackRecord(v.value, now)),
        rejected.length,
      );
      for (const i of unknown) {
        const item = valid[i];
        if (!item) continue;
        rejected.push({
          index: item.index,
          errors: [{ path: '/event_id', message: `no event "${item.value.event_id}" is stored for ${served.name}` }],
        });
      }
      rejected.sort((a, b) => a.index - b.index);
      return { accepted: valid.length - unknown.length, rejected };
    },
  );
}
