import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchema, SCHEMA_NAMES, type SchemaName, schemaFileName } from '../../descriptors/json-schema.js';
import { kinds } from '../../descriptors/kinds/index.js';
import { printJson } from '../output.js';

export async function schema(name: string | undefined, opts: { out?: string }): Promise<void> {
  if (opts.out) {
    mkdirSync(opts.out, { recursive: true });
    for (const n of SCHEMA_NAMES)
      writeFileSync(join(opts.out, schemaFileName(n)), `${JSON.stringify(jsonSchema(n), null, 2)}\n`);
    process.stderr.write(`wrote ${SCHEMA_NAMES.length} schemas to ${opts.out}\n`);
    return;
  }
  if (!name) {
    for (const n of SCHEMA_NAMES) {
      const title =
        n === 'project' ? 'dovetail.yaml, the system file' : `${kinds[n].title} (owned by ${kinds[n].owner})`;
      process.stdout.write(`${n.padEnd(26)}${title}\n`);
    }
    return;
  }
  if (!(SCHEMA_NAMES as readonly string[]).includes(name)) {
    process.stderr.write(`dovetail: unknown kind "${name}"; expected one of ${SCHEMA_NAMES.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  printJson(jsonSchema(name as SchemaName));
}
