// Validation of one descriptor document against its kind's schema.
import * as z from 'zod';
import { closest, type Problem, problemsFromIssues } from './diagnostics.js';
import { withoutExtensions } from './json.js';
import { type DescriptorOf, isKindId, KIND_IDS, type KindId, schemas } from './kinds/index.js';
import { projectFile } from './project.js';

/** The object schema reached by following `path` through objects, arrays, optionals and pipes. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  const unwrap = (t: z.ZodType): z.ZodType => {
    const def = (t as z.ZodType & { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')
      return unwrap(def.innerType as z.ZodType);
    if (def.type === 'pipe') return unwrap(def.in as z.ZodType);
    if (def.type === 'union') {
      const options = def.options as z.ZodType[];
      return options.map(unwrap).find((o) => o instanceof z.ZodObject) ?? t;
    }
    return t;
  };
  for (const seg of path) {
    if (!s) return undefined;
    s = unwrap(s);
    if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(seg)];
    else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
    else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
    else return undefined;
  }
  return s ? unwrap(s) : undefined;
}

export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const s = schemaAt(schema, path);
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

export type ValidationResult<T> = { ok: true; data: T; problems: [] } | { ok: false; problems: Problem[] };

function run<T>(schema: z.ZodType<T>, document: unknown): ValidationResult<T> {
  const stripped = withoutExtensions(document);
  const result = schema.safeParse(stripped);
  if (result.success) return { ok: true, data: result.data, problems: [] };
  return {
    ok: false,
    problems: problemsFromIssues(result.error.issues, stripped, (p) => fieldsAt(schema, p)),
  };
}

/** Which kind a Dovetail document says it is, or a problem explaining why it says none. */
export function kindOf(document: unknown): { kind: KindId } | { problem: Problem } {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return {
      problem: {
        path: [],
        message: 'a descriptor must be a mapping',
        expected: 'a mapping with a `kind` field',
      },
    };
  }
  const kind = (document as Record<string, unknown>).kind;
  if (isKindId(kind)) return { kind };
  const guess = typeof kind === 'string' ? closest(kind, KIND_IDS) : undefined;
  return {
    problem: {
      path: kind === undefined ? [] : ['kind'],
      message:
        kind === undefined
          ? 'missing required field "kind"'
          : `unknown descriptor kind ${JSON.stringify(kind)}${guess ? `; did you mean "${guess}"?` : ''}`,
      expected: `one of ${KIND_IDS.join(', ')}`,
      found: kind === undefined ? undefined : JSON.stringify(kind),
    },
  };
}

export function validateDescriptor<K extends KindId>(kind: K, document: unknown): ValidationResult<DescriptorOf<K>> {
  return run(schemas[kind] as unknown as z.ZodType<DescriptorOf<K>>, document);
}

export function validateProject(document: unknown) {
  return run(projectFile, document);
}
