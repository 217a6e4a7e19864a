import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { schemaReference } from '../../descriptors/json-schema.js';
import { loadSystem, PROJECT_FILE } from '../../descriptors/load.js';
import { descriptorsOf, hasErrors, type System } from '../../descriptors/system.js';
import { exportTec, tecFileName } from '../../descriptors/tec/export.js';
import { formatDiagnostic, summaryLine } from '../output.js';

function report(system: System): boolean {
  const lines = system.diagnostics.map(formatDiagnostic);
  if (lines.length) process.stderr.write(`${lines.join('\n')}\n`);
  if (hasErrors(system.diagnostics)) {
    process.stderr.write(`${summaryLine(system)}\nNothing written: fix the errors above first.\n`);
    process.exitCode = 2;
    return false;
  }
  return true;
}

/** `dovetail import tec`: TEC documents (any version) → a Dovetail system folder. */
export async function importTecCommand(
  path: string,
  opts: { out: string; name?: string; force?: boolean },
): Promise<void> {
  const system = await loadSystem([path], { name: opts.name });
  if (!report(system)) return;
  const out = resolve(opts.out);
  const counts = new Map<string, number>();
  for (const d of system.descriptors) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const files = new Map<string, string>();
  for (const d of system.descriptors) {
    const file =
      (counts.get(d.kind) ?? 0) > 1 ? `${d.kind}-${d.name.replace(/[^\w.-]+/g, '-')}.yaml` : `${d.kind}.yaml`;
    const header = [
      `# yaml-language-server: $schema=${schemaReference(out, d.kind)}`,
      `# Imported from ${d.file} (${d.format.replace('tec-', 'TEC ')}).`,
    ].join('\n');
    files.set(file, `${header}\n${stringify(d.raw, { lineWidth: 0 })}`);
  }
  const name = opts.name ?? system.name;
  files.set(PROJECT_FILE, stringify({ dovetail: 1, name, description: `Imported from TEC: ${path}` }));
  const clash = [...files.keys()].filter((f) => existsSync(join(out, f)));
  if (clash.length && !opts.force) {
    process.stderr.write(`dovetail: refusing to overwrite ${clash.join(', ')} in ${opts.out} (use --force)\n`);
    process.exitCode = 2;
    return;
  }
  mkdirSync(out, { recursive: true });
  for (const [file, text] of files) writeFileSync(join(out, file), text);
  process.stdout.write(`Wrote ${system.descriptors.length} descriptors of ${name} to ${opts.out}\n`);
}

/** `dovetail export tec`: a system → a zip of TEC 1.2 documents, one per descriptor. */
export async function exportTecCommand(dir: string, opts: { out: string; force?: boolean }): Promise<void> {
  const system = await loadSystem([dir]);
  if (!report(system)) return;
  if (existsSync(opts.out) && !opts.force) {
    process.stderr.write(`dovetail: refusing to overwrite ${opts.out} (use --force)\n`);
    process.exitCode = 2;
    return;
  }
  const { zipSync, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = {};
  for (const d of system.descriptors) {
    const several = descriptorsOf(system, d.kind).length > 1;
    const file = tecFileName(system.name, d.kind).replace(/\.json$/, several ? ` (${d.name}).json` : '.json');
    const document = exportTec(d.kind, d.data, d.raw);
    entries[file] = strToU8(`${JSON.stringify(document, null, 4)}\n`);
  }
  writeFileSync(opts.out, zipSync(entries));
  process.stdout.write(`Wrote ${Object.keys(entries).length} TEC 1.2 documents to ${opts.out}\n`);
  if (Object.keys(entries).some((f) => f.includes(' ('))) {
    process.stdout.write(
      'Note: TEC holds one document per kind and project; kinds with several descriptors were written once per descriptor.\n',
    );
  }
}
