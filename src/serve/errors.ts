// Every error the API answers with: `{error: {code, message, details?}}` and a 4xx or 5xx status.
import type { FastifyError, FastifyInstance } from 'fastify';
import * as z from 'zod';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable, machine-readable: invalid_json, invalid_body, unknown_system...' }),
      message: z.string().meta({ description: 'What is wrong, in words.' }),
      details: z.unknown().optional().meta({ description: 'Per-field problems, where there are any.' }),
    }),
  })
  .meta({ description: 'An error.' });

/** Fastify's own errors for bodies it cannot take, in the API's words. */
const FASTIFY_ERRORS: Record<string, { code: string; message: (e: FastifyError) => string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: (e) => `${e.message}; send the body as application/json`,
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body_too_large',
    message: () => 'the body is larger than the limit; split the batch',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_json',
    message: () => 'the body is empty; send a JSON object',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_content_length',
    message: () => 'Content-Length does not match the body',
  },
};

export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((e: FastifyError, request, reply) => {
    if (e instanceof ApiError) {
      return reply.status(e.status).send({ error: { code: e.code, message: e.message, details: e.details } });
    }
    const known = e.code ? FASTIFY_ERRORS[e.code] : undefined;
    const status = e.statusCode ?? 500;
    if (known) {
      const details = e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? { limit_bytes: bodyLimit } : undefined;
      return reply.status(status).send({ error: { code: known.code, message: known.message(e), details } });
    }
    if (status < 500) return reply.status(status).send({ error: { code: 'bad_request', message: e.message } });
    request.log.error(e);
    process.stderr.write(`dovetail serve: ${request.method} ${request.url} failed: ${e.stack ?? e.message}\n`);
    return reply.status(500).send({ error: { code: 'internal', message: 'the service failed on this request' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        message: `no endpoint ${request.method} ${request.url.split('?')[0]}; /openapi.json lists them`,
      },
    }),
  );
}
