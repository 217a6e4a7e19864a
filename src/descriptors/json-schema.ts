// JSON Schemas generated from the zod schemas, for editors (yaml-language-server) and other tools.
// They describe the documents as written: quantities as text or numbers, synonyms accepted.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { KIND_IDS, type KindId, kinds, schemas } from './kinds/index.js';
import { projectFile } from './project.js';

export type SchemaName = KindId | 'project';
export const SCHEMA_NAMES: readonly SchemaName[] = [...KIND_IDS, 'project'];

export function schemaFileName(name: SchemaName): string {
  return name === 'project' ? 'dovetail.schema.json' : `${name}.schema.json`;
}

export function jsonSchema(name: SchemaName): Record<string, unknown> {
  const source = name === 'project' ? projectFile : schemas[name];
  const generated = z.toJSONSchema(source, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // Extension keys (x-...) are allowed on every object, as the loader ignores them.
    override: (ctx) => {
      const s = ctx.jsonSchema as Record<string, unknown>;
      if (s.additionalProperties === false) s.patternProperties = { '^x-': {} };
    },
  }) as Record<string, unknown>;
  return {
    $schema: generated.$schema,
    $id: `urn:dovetail:schema:${name}`,
    title:
      name === 'project' ? 'Dovetail system (dovetail.yaml)' : `Dovetail ${kinds[name].title.toLowerCase()} descriptor`,
    ...Object.fromEntries(Object.entries(generated).filter(([k]) => k !== '$schema' && k !== 'title')),
  };
}

/** Path from `dir` to the shipped schema file, for `# yaml-language-server: $schema=` comments. */
export function schemaReference(dir: string, name: SchemaName): string {
  const file = fileURLToPath(new URL(`../../schemas/${schemaFileName(name)}`, import.meta.url));
  return relative(dir, file).split('\\').join('/');
}
