// Which reader a file needs, from its extension unless the user says otherwise.
import { basename } from 'node:path';
import { DataReadError } from './errors.js';

export const dataFormats = ['csv', 'tsv', 'parquet', 'jsonl', 'arrow'] as const;
export type DataFormat = (typeof dataFormats)[number];

const extensions: Record<string, DataFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.arrow': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
};

export const knownExtensions = Object.keys(extensions);

/** The format of `file` by its extension (case-insensitive), or `override` when given. */
export function detectFormat(file: string, override?: string): DataFormat {
  if (override !== undefined) {
    const wanted = override.toLowerCase().replace(/^\./, '');
    const format = (dataFormats as readonly string[]).includes(wanted)
      ? (wanted as DataFormat)
      : extensions[`.${wanted}`];
    if (!format) {
      throw new DataReadError(`unknown data format '${override}'`, {
        file,
        expected: `one of ${dataFormats.join(', ')}`,
      });
    }
    return format;
  }
  const name = basename(file).toLowerCase();
  const dot = name.lastIndexOf('.');
  const format = dot > 0 ? extensions[name.slice(dot)] : undefined;
  if (!format) {
    const ext = dot > 0 ? `extension '${name.slice(dot)}'` : 'no extension';
    throw new DataReadError(`cannot tell the data format: ${ext}`, {
      file,
      expected: `one of ${knownExtensions.join(', ')}, or a format option`,
    });
  }
  return format;
}
