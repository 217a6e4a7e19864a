// SARIF 2.1.0, so code-scanning tools annotate the descriptor lines a finding is about.
import { isAbsolute, join, relative } from 'node:path';
import type { Evidence, Finding } from '../rules/types.js';
import type { CheckReport } from './model.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A URI relative to `base` (where the command runs), with `/` separators; zip entries point at the zip. */
function uri(r: CheckReport, file: string, base: string): string {
  const onDisk = file.split('!')[0] ?? file;
  const absolute = isAbsolute(onDisk) ? onDisk : join(r.root, onDisk);
  return relative(base, absolute).split('\\').join('/');
}

function location(r: CheckReport, e: Pick<Evidence, 'file' | 'line' | 'column' | 'path'>, base: string) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(r, e.file, base), uriBaseId: '%SRCROOT%' },
      ...(e.line ? { region: { startLine: e.line, ...(e.column ? { startColumn: e.column } : {}) } } : {}),
    },
    ...(e.path ? { logicalLocations: [{ fullyQualifiedName: `${e.file}#${e.path}`, kind: 'member' }] } : {}),
  };
}

function result(r: CheckReport, f: Finding, ruleIndex: number, base: string) {
  const evidence = f.evidence.length
    ? f.evidence
    : r.projectFile
      ? [{ file: r.projectFile, path: '', line: undefined, column: undefined }]
      : [];
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: `${f.message}. Who: ${f.roles.join(', ')}. Fix: ${f.remedy}` },
    locations: evidence.slice(0, 1).map((e) => location(r, e, base)),
    ...(evidence.length > 1
      ? { relatedLocations: evidence.slice(1).map((e, i) => ({ id: i + 1, ...location(r, e, base) })) }
      : {}),
    partialFingerprints: { 'dovetail/v1': f.fingerprint },
    properties: { category: f.category, roles: f.roles },
    ...(f.waiver && !f.waiver.expired
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: f.waiver.reason }] }
      : {}),
  };
}

export function renderSarif(r: CheckReport, base = process.cwd()): string {
  const rules = r.rules.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.rationale },
    help: { text: rule.meta.remedy },
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
    properties: { category: rule.meta.category, tags: [rule.meta.category, ...rule.meta.tec.map((t) => `tec:${t}`)] },
  }));
  const index = new Map(r.rules.map((rule, i) => [rule.meta.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Dovetail', semanticVersion: r.tool.version, version: r.tool.version, rules } },
        invocations: [{ executionSuccessful: true, endTimeUtc: r.date }],
        results: r.findings.map((f) => result(r, f, index.get(f.rule) ?? -1, base)),
        properties: { system: r.system },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
