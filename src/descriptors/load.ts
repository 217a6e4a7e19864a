// Loading a system from disk: a Dovetail folder (dovetail.yaml + descriptor files), single files,
// or TEC input (a JSON document, a folder of them, or TEC's project export zip). Every problem
// becomes a diagnostic with file, line and column; nothing here throws on bad input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Profile } from '../data/profile/profile.js';
import type { Diagnostic, Problem } from './diagnostics.js';
import { isObject } from './json.js';
import { type KindId, kinds } from './kinds/index.js';
import { readProfiles } from './profiles.js';
import type { ProjectFile } from './project.js';
import { checkReferences } from './references.js';
import { MAX_SOURCE_BYTES, type Path, parseSource, pointer, type SourceDocument } from './source.js';
import type { Descriptor, Location, Profiles, System } from './system.js';
import { detectTec } from './tec/detect.js';
import { kindOf, validateDescriptor, validateProject } from './validate.js';

export const PROJECT_FILE = 'dovetail.yaml';
const DESCRIPTOR_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const MAX_ZIP_ENTRIES = 1000;

interface SourceText {
  /** Name shown to the user: relative to the system root, or `archive.zip!entry.json`. */
  file: string;
  text: string;
  /** Named by the user (an error if it is not a descriptor) rather than found in a folder. */
  explicit: boolean;
}

export interface LoadOptions {
  /** Name for the system when neither dovetail.yaml nor the input gives one. */
  name?: string;
}

function display(root: string, path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function readText(root: string, path: string, explicit: boolean, out: SourceText[], diagnostics: Diagnostic[]): void {
  const file = display(root, path);
  try {
    const size = statSync(path).size;
    if (size > MAX_SOURCE_BYTES) {
      diagnostics.push({
        severity: 'error',
        file,
        pointer: '',
        message: `file is ${(size / 1048576).toFixed(1)} MiB; descriptors are limited to ${MAX_SOURCE_BYTES / 1048576} MiB`,
        expected: 'a descriptor (data belongs in data files, profiled with `dovetail profile`)',
      });
      return;
    }
    out.push({ file, text: readFileSync(path, 'utf8'), explicit });
  } catch (e) {
    diagnostics.push({
      severity: 'error',
      file,
      pointer: '',
      message: `cannot read: ${(e as Error).message}`,
    });
  }
}

async function readZip(root: string, path: string, out: SourceText[], diagnostics: Diagnostic[]): Promise<void> {
  const file = display(root, path);
  const { unzipSync } = await import('fflate');
  let tooBig: string | undefined;
  let count = 0;
  try {
    const entries = unzipSync(readFileSync(path), {
      filter: (entry) => {
        if (entry.name.endsWith('/') || !DESCRIPTOR_EXTENSIONS.has(extname(entry.name).toLowerCase())) return false;
        if (++count > MAX_ZIP_ENTRIES || entry.originalSize > MAX_SOURCE_BYTES) {
          tooBig ??= entry.name;
          return false;
        }
        return true;
      },
    });
    if (tooBig) {
      diagnostics.push({
        severity: 'error',
        file: `${file}!${tooBig}`,
        pointer: '',
        message: `archive entry refused: more than ${MAX_ZIP_ENTRIES} entries or larger than ${MAX_SOURCE_BYTES / 1048576} MiB`,
      });
    }
    for (const name of Object.keys(entries).sort()) {
      const data = entries[name];
      if (data) out.push({ file: `${file}!${name}`, text: new TextDecoder().decode(data), explicit: false });
    }
  } catch (e) {
    diagnostics.push({
      severity: 'error',
      file,
      pointer: '',
      message: `not a readable zip archive: ${(e as Error).message}`,
    });
  }
}

function listFolder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && DESCRIPTOR_EXTENSIONS.has(extname(e.name).toLowerCase()) && e.name !== PROJECT_FILE)
    .map((e) => join(dir, e.name))
    .sort();
}

function at(
  file: string,
  doc: SourceDocument | undefined,
  problem: Problem,
  severity: 'error' | 'warning',
): Diagnostic {
  const pos = doc?.locate(problem.path, problem.target);
  return {
    severity,
    file,
    line: pos?.line,
    column: pos?.column,
    pointer: pointer(problem.path),
    message: problem.message,
    expected: problem.expected,
    found: problem.found,
  };
}

function readProject(root: string, diagnostics: Diagnostic[]): ProjectFile | undefined {
  const path = join(root, PROJECT_FILE);
  const sources: SourceText[] = [];
  readText(root, path, true, sources, diagnostics);
  const source = sources[0];
  if (!source) return undefined;
  const { documents, problems } = parseSource(source.file, source.text);
  for (const p of problems) diagnostics.push({ severity: 'error', pointer: '', ...p });
  const doc = documents[0];
  if (!doc) {
    if (problems.length === 0) {
      diagnostics.push({
        severity: 'error',
        file: source.file,
        pointer: '',
        message: 'empty file',
        expected: 'dovetail: 1 and name',
      });
    }
    return undefined;
  }
  const result = validateProject(doc.value);
  if (!result.ok) {
    for (const p of result.problems) diagnostics.push(at(source.file, doc, p, 'error'));
    return undefined;
  }
  return result.data;
}

/** Turns one parsed document into a descriptor, or diagnostics saying why it is not one. */
async function toDescriptor(
  source: SourceText,
  doc: SourceDocument,
  diagnostics: Diagnostic[],
): Promise<Descriptor | undefined> {
  const value = doc.value;
  const object = isObject(value);
  const hasKind = object && 'kind' in value;
  // TEC writes JSON documents without a `name`; anything else without a `kind` is a Dovetail
  // descriptor that lacks one, and is reported as such.
  const tecCandidate = !hasKind && extname(source.file).toLowerCase() === '.json' && !(object && 'name' in value);
  const tec = tecCandidate ? detectTec(value) : undefined;
  if (!hasKind && !tec) {
    if (object && ('name' in value || extname(source.file).toLowerCase() !== '.json')) {
      const k = kindOf(value);
      if ('problem' in k && (source.explicit || 'name' in value))
        diagnostics.push(at(source.file, doc, k.problem, 'error'));
      return undefined;
    }
    if (source.explicit) {
      diagnostics.push(
        at(
          source.file,
          doc,
          { path: [], message: 'not a descriptor: no `kind` field, and not a TEC document' },
          'error',
        ),
      );
    }
    return undefined;
  }

  if (tec) {
    const fallbackName = `${kinds[tec.kind].defaultName}`;
    // The TEC converter is loaded only when a TEC document turns up.
    const { importTec } = await import('./tec/import.js');
    const imported = importTec(value, { fallbackName });
    for (const w of imported.warnings)
      diagnostics.push(at(source.file, doc, { path: w.path, message: w.message }, 'warning'));
    const result = validateDescriptor(imported.kind, imported.document);
    const locate = (path: Path, target?: 'value' | 'key'): Location => {
      const tecPath = imported.origin(path);
      const pos = doc.locate(tecPath, target);
      return { file: source.file, line: pos?.line, column: pos?.column, pointer: pointer(tecPath) };
    };
    if (!result.ok) {
      for (const p of result.problems) {
        const loc = locate(p.path, p.target);
        diagnostics.push({
          severity: 'error',
          ...loc,
          message: p.message,
          expected: p.expected,
          found: p.found,
        });
      }
      return undefined;
    }
    return {
      kind: imported.kind,
      name: result.data.name,
      file: source.file,
      format: `tec-${imported.version}`,
      data: result.data,
      raw: imported.document,
      locate,
    } as Descriptor;
  }

  const k = kindOf(value);
  if ('problem' in k) {
    diagnostics.push(at(source.file, doc, k.problem, 'error'));
    return undefined;
  }
  const result = validateDescriptor(k.kind, value);
  if (!result.ok) {
    for (const p of result.problems) diagnostics.push(at(source.file, doc, p, 'error'));
    return undefined;
  }
  return {
    kind: k.kind,
    name: result.data.name,
    file: source.file,
    format: 'dovetail',
    data: result.data,
    raw: value as Record<string, unknown>,
    locate(path, target) {
      const pos = doc.locate(path, target);
      return { file: source.file, line: pos?.line, column: pos?.column, pointer: pointer(path) };
    },
  } as Descriptor;
}

function checkUniqueNames(descriptors: readonly Descriptor[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Descriptor>();
  for (const d of descriptors) {
    const key = `${d.kind}/${d.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, d);
      continue;
    }
    const loc = d.locate(['name']);
    const firstLoc = first.locate(['name']);
    diagnostics.push({
      severity: 'error',
      ...loc,
      message: `two ${d.kind} descriptors are named "${d.name}"; the other is at ${firstLoc.file}${firstLoc.line ? `:${firstLoc.line}` : ''}`,
      expected: `a name unique among ${d.kind} descriptors`,
      found: JSON.stringify(d.name),
    });
  }
}

/**
 * Loads one system. `inputs` is a system folder, a TEC folder or zip, or descriptor files (Dovetail
 * or TEC) that together form one system.
 */
export async function loadSystem(inputs: readonly string[], options: LoadOptions = {}): Promise<System> {
  const diagnostics: Diagnostic[] = [];
  const first = resolve(inputs[0] ?? '.');
  let isDir = false;
  try {
    isDir = statSync(first).isDirectory();
  } catch {
    // reported below, when the input is read
  }
  const root = isDir ? first : dirname(first);
  const sources: SourceText[] = [];
  let project: ProjectFile | undefined;
  let projectFile: string | undefined;
  let name = options.name;

  for (const input of inputs.length ? inputs : ['.']) {
    const path = resolve(input);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      diagnostics.push({ severity: 'error', file: input, pointer: '', message: 'no such file or folder' });
      continue;
    }
    if (stat.isDirectory()) {
      let hasProject = false;
      try {
        hasProject = statSync(join(path, PROJECT_FILE)).isFile();
      } catch {
        hasProject = false;
      }
      if (hasProject) {
        projectFile = display(root, join(path, PROJECT_FILE));
        project = readProject(path, diagnostics);
        name ??= project?.name;
      }
      name ??= basename(path);
      const listed = project?.descriptors;
      if (listed) {
        for (const entry of listed) {
          const target = resolve(path, entry);
          let isFolder = false;
          try {
            isFolder = statSync(target).isDirectory();
          } catch {
            diagnostics.push({
              severity: 'error',
              file: projectFile ?? PROJECT_FILE,
              pointer: '/descriptors',
              message: `listed descriptor file "${entry}" does not exist`,
            });
            continue;
          }
          if (isFolder) for (const f of listFolder(target)) readText(root, f, false, sources, diagnostics);
          else readText(root, target, true, sources, diagnostics);
        }
      } else {
        for (const f of listFolder(path)) readText(root, f, false, sources, diagnostics);
      }
    } else if (extname(path).toLowerCase() === '.zip') {
      name ??= basename(path, extname(path));
      await readZip(root, path, sources, diagnostics);
    } else {
      name ??= basename(dirname(path));
      readText(root, path, true, sources, diagnostics);
    }
  }

  const descriptors = await descriptorsFrom(sources, diagnostics);
  if (sources.length > 0 && descriptors.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      severity: 'error',
      file: display(root, first),
      pointer: '',
      message: 'no descriptors found',
      expected: 'YAML or JSON files with a `kind` field, or TEC documents',
    });
  }
  if (sources.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      severity: 'error',
      file: display(root, first),
      pointer: '',
      message: 'no descriptor files found',
      expected: `${PROJECT_FILE} and descriptor files (run \`dovetail init\` to create them)`,
    });
  }
  const profiles = await readProfiles(root, descriptors, (path) => display(root, path), diagnostics);
  return assemble({ name: name ?? basename(root), root, project, projectFile, descriptors, diagnostics, profiles });
}

async function descriptorsFrom(sources: readonly SourceText[], diagnostics: Diagnostic[]): Promise<Descriptor[]> {
  const descriptors: Descriptor[] = [];
  for (const source of sources) {
    const { documents, problems } = parseSource(source.file, source.text);
    for (const p of problems) diagnostics.push({ severity: 'error', pointer: '', ...p });
    for (const doc of documents) {
      const d = await toDescriptor(source, doc, diagnostics);
      if (d) descriptors.push(d);
    }
  }
  return descriptors;
}

/** Checks names and references across the descriptors of a system. */
function assemble(system: System): System {
  checkUniqueNames(system.descriptors, system.diagnostics);
  system.diagnostics.push(...checkReferences(system));
  return system;
}

/**
 * A system from texts in memory, as if each were a file named `file`: for tests, and for tools that
 * hold descriptors elsewhere than on disk. Nothing is read from disk: the profiles of data
 * descriptors are given in `profiles`, by `kind/name`, as if read from the files they name.
 */
export async function systemFromTexts(
  texts: readonly { file: string; text: string }[],
  options: { name?: string; project?: ProjectFile; profiles?: Readonly<Record<string, Profile>> } = {},
): Promise<System> {
  const diagnostics: Diagnostic[] = [];
  const descriptors = await descriptorsFrom(
    texts.map((t) => ({ ...t, explicit: true })),
    diagnostics,
  );
  const profiles: Profiles = new Map();
  for (const d of descriptors) {
    const profile = options.profiles?.[`${d.kind}/${d.name}`];
    if (profile) profiles.set(d, profile);
  }
  return assemble({
    name: options.name ?? 'system',
    root: '.',
    project: options.project,
    descriptors,
    diagnostics,
    profiles,
  });
}

export type { KindId };
