// Route schemas for the OpenAPI document, generated from the same zod schemas that validate the
// requests, so the document cannot drift from what the service accepts.
import * as z from 'zod';

/** A zod schema as JSON Schema (2020-12, which OpenAPI 3.1 uses). */
export function docSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });
  return rest;
}

export const nameParams = docSchema(
  z.object({ name: z.string().meta({ description: 'The system: `name` in its dovetail.yaml.' }) }),
);
