// The serving protocols the proxy understands, by the name `--protocol` takes.
import { type JsonPaths, jsonPaths } from './json-paths.js';
import { kserveV2 } from './kserve-v2.js';
import { mlflow } from './mlflow.js';
import type { ProtocolOptions, Records } from './records.js';
import { tfserving } from './tfserving.js';

export type { PayloadError, ProtocolOptions, Records, Row } from './records.js';
export type { JsonPaths };

export const PROTOCOL_NAMES = ['kserve-v2', 'mlflow', 'tfserving', 'json'] as const;
export type ProtocolName = (typeof PROTOCOL_NAMES)[number];

/** Turns a request body and its response body (undefined when there is none) into records. */
export type Protocol = (request: unknown, response: unknown, options?: ProtocolOptions) => Records;

/** The protocol of a name; `json` needs the paths of its inputs and outputs. */
export function protocol(name: ProtocolName, paths?: JsonPaths): Protocol {
  switch (name) {
    case 'kserve-v2':
      return kserveV2;
    case 'mlflow':
      return mlflow;
    case 'tfserving':
      return tfserving;
    case 'json':
      if (!paths) throw new Error('the json protocol needs --inputs-path and --outputs-path');
      return jsonPaths(paths);
  }
}
