// TEC compatibility: the contract between the loader/CLI and the TEC importer and exporter.
// TEC (the SEI's ML mismatch tool) stores one JSON document per descriptor kind, in schema
// versions 1.0, 1.1 and 1.2. Dovetail reads all three and writes 1.2.
import type { KindId } from '../kinds/index.js';
import type { Path } from '../source.js';

export type TecVersion = '1.0' | '1.1' | '1.2';

export interface TecNote {
  /** Where in the TEC document the note applies. */
  path: Path;
  message: string;
}

export interface TecImport {
  kind: KindId;
  version: TecVersion;
  /** The Dovetail-shaped document, not yet validated (the loader validates it like any descriptor). */
  document: Record<string, unknown>;
  /** Maps a path in `document` to the path in the TEC document it came from (longest known prefix). */
  origin(path: Path): Path;
  /** Things the user should know: unknown keys kept as `x-` keys, values coerced, values dropped. */
  warnings: TecNote[];
}

export { withoutExtensions } from '../json.js';
// Modules: detect (kind and version), migrate (1.0 → 1.2), maps (one field map per kind, read by
// codec.ts, with values.ts, choice.ts and compound.ts), import, export, schema-1.2 (TEC's structure).
export { detectTec } from './detect.js';
export { exportTec } from './export.js';
export { importTec, type TecImportOptions } from './import.js';
export { migrateTec, type TecMigration } from './migrate.js';
export { kindFromTecFileName, TEC_NICE_NAMES, tecFileName } from './names.js';
