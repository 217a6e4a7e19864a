import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { schemaReference } from '../../descriptors/json-schema.js';
import { KIND_IDS, kinds } from '../../descriptors/kinds/index.js';
import { PROJECT_FILE } from '../../descriptors/load.js';
import { template } from '../../descriptors/template.js';

/** `dovetail init`: writes dovetail.yaml and one descriptor per kind; never overwrites. */
export async function init(dirArg: string, opts: { name?: string }): Promise<void> {
  const dir = resolve(dirArg);
  const name = opts.name ?? basename(dir);
  const files = [PROJECT_FILE, ...KIND_IDS.map((k) => `${k}.yaml`)];
  const existing = files.filter((f) => existsSync(join(dir, f)));
  if (existing.length) {
    process.stderr.write(
      `dovetail: refusing to overwrite ${existing.map((f) => join(dirArg, f)).join(', ')}; remove them or choose another folder\n`,
    );
    process.exitCode = 2;
    return;
  }
  mkdirSync(dir, { recursive: true });
  const project = [
    `# yaml-language-server: $schema=${schemaReference(dir, 'project')}`,
    '# The Dovetail system file: names the system; holds settings and waivers. See `dovetail schema project`.',
    stringify({ dovetail: 1, name, description: `The ${name} ML-enabled system.` }),
    '# Accepted findings, each with a reason (and optionally an expiry date):',
    '# waivers:',
    '#   - rule: computing-resource/memory',
    '#     descriptor: production-environment/production',
    '#     reason: the model is quantised before deployment',
    '#     expires: 2027-01-31',
  ].join('\n');
  writeFileSync(join(dir, PROJECT_FILE), `${project}\n`, { flag: 'wx' });
  for (const kind of KIND_IDS) {
    writeFileSync(join(dir, `${kind}.yaml`), template(kind, schemaReference(dir, kind)), { flag: 'wx' });
  }
  process.stdout.write(`Created ${name} in ${dirArg}:\n`);
  for (const kind of KIND_IDS) process.stdout.write(`  ${`${kind}.yaml`.padEnd(30)} owned by ${kinds[kind].owner}\n`);
  process.stdout.write(
    `  ${PROJECT_FILE}\nNext: each role fills in its file; then run \`dovetail validate ${dirArg}\`.\n`,
  );
}
