// File names of TEC's project export: "<project> - <Nice Name>.json", one file per descriptor.
import type { KindId } from '../kinds/index.js';

export const TEC_NICE_NAMES: Record<KindId, string> = {
  'system-context': 'System Context',
  'raw-data': 'Raw Data',
  'data-pipeline': 'Data Pipeline',
  'training-data': 'Training Data',
  'trained-model': 'Trained Model',
  'development-environment': 'Development Environment',
  'production-environment': 'Production Environment',
  'production-data': 'Production Data',
};

export function tecFileName(project: string, kind: KindId): string {
  return `${project} - ${TEC_NICE_NAMES[kind]}.json`;
}

/** The kind a TEC export file name announces ("fraud - Trained Model.json"), if any. */
export function kindFromTecFileName(fileName: string): KindId | undefined {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  for (const [kind, nice] of Object.entries(TEC_NICE_NAMES) as [KindId, string][])
    if (base === nice || base.endsWith(` - ${nice}`)) return kind;
  return undefined;
}
