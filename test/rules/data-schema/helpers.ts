// Minimal descriptors for the data-schema and data-distribution tests.
import type { Doc } from '../tester.js';

export const td = (schema: Record<string, unknown>[], extra: Record<string, unknown> = {}, name = 't'): Doc => ({
  kind: 'training-data',
  name,
  schema,
  ...extra,
});
export const pd = (schema: Record<string, unknown>[], extra: Record<string, unknown> = {}, name = 'p'): Doc => ({
  kind: 'production-data',
  name,
  schema,
  ...extra,
});
export const rd = (extra: Record<string, unknown> = {}, name = 'r'): Doc => ({ kind: 'raw-data', name, ...extra });
