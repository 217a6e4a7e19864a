// A loaded system: its descriptors, validated, each able to say where any of its values came from.
import type { Profile } from '../data/profile/profile.js';
import type { Diagnostic } from './diagnostics.js';
import { parseReference } from './fields.js';
import type { DescriptorOf, KindId } from './kinds/index.js';
import type { ProjectFile } from './project.js';
import type { Path } from './source.js';
import type { TecVersion } from './tec/index.js';

export interface Location {
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer in the file as written (for TEC input: in the TEC document). */
  pointer: string;
}

interface DescriptorOfKind<K extends KindId> {
  kind: K;
  name: string;
  /** Path of the file, relative to the system root when inside it. */
  file: string;
  format: 'dovetail' | `tec-${TecVersion}`;
  /** The validated content, with canonical values and quantities in base units. */
  data: DescriptorOf<K>;
  /** The Dovetail-shaped document as written, extension keys included. */
  raw: Record<string, unknown>;
  /** Where the value at `path` (a path in the Dovetail document) is in the user's file. */
  locate(path: Path, target?: 'value' | 'key'): Location;
}

/** A loaded descriptor; for the default `KindId`, a union discriminated by `kind`. */
export type Descriptor<K extends KindId = KindId> = K extends KindId ? DescriptorOfKind<K> : never;

export interface System {
  name: string;
  /** Folder the system was loaded from (or the folder of the file or zip). */
  root: string;
  project?: ProjectFile;
  /** `dovetail.yaml`, when there is one. */
  projectFile?: string;
  descriptors: Descriptor[];
  diagnostics: Diagnostic[];
  /** The profile of each data descriptor that names one in `profile` and whose profile could be read. */
  profiles: Profiles;
}

/** Profiles by the descriptor that names them. */
export type Profiles = Map<Descriptor, Profile>;

export function descriptorsOf<K extends KindId>(system: System, kind: K): Descriptor<K>[] {
  return system.descriptors.filter((d): d is Descriptor<K> => d.kind === kind);
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * The descriptors of `kind` that `from` refers to through its `field` reference: the one it names
 * (none if the name is dangling), or, when it names none, every descriptor of that kind. A system
 * with one production-data or one development environment needs no references; a bigger one
 * links each training set and model to its own.
 */
export function linked<K extends KindId>(system: System, from: Descriptor, field: string, kind: K): Descriptor<K>[] {
  const ref = (from.data as Record<string, unknown>)[field];
  const all = descriptorsOf(system, kind);
  if (typeof ref !== 'string') return all;
  const { name } = parseReference(ref);
  return all.filter((d) => d.name === name);
}

/** The development environments a pipeline is integrated in: those the models using it name, or every one. */
export function pipelineEnvironments(
  system: System,
  pipeline: Descriptor<'data-pipeline'>,
): Descriptor<'development-environment'>[] {
  const named = descriptorsOf(system, 'trained-model').filter(
    (m) =>
      m.data.development_environment &&
      m.data.data_pipeline &&
      parseReference(m.data.data_pipeline).name === pipeline.name,
  );
  if (named.length === 0) return descriptorsOf(system, 'development-environment');
  return [...new Set(named.flatMap((m) => linked(system, m, 'development_environment', 'development-environment')))];
}
