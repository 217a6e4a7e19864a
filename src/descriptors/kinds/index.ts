// The eight descriptor kinds (DESIGN §2, §4): one schema each, with the role that owns it.
import type * as z from 'zod';
import type { Role } from '../vocabulary.js';
import { dataPipeline } from './data-pipeline.js';
import { developmentEnvironment } from './development-environment.js';
import { productionData } from './production-data.js';
import { productionEnvironment } from './production-environment.js';
import { rawData } from './raw-data.js';
import { systemContext } from './system-context.js';
import { trainedModel } from './trained-model.js';
import { trainingData } from './training-data.js';

export const KIND_IDS = [
  'system-context',
  'raw-data',
  'data-pipeline',
  'training-data',
  'trained-model',
  'development-environment',
  'production-environment',
  'production-data',
] as const;
export type KindId = (typeof KIND_IDS)[number];

export const schemas = {
  'system-context': systemContext,
  'raw-data': rawData,
  'data-pipeline': dataPipeline,
  'training-data': trainingData,
  'trained-model': trainedModel,
  'development-environment': developmentEnvironment,
  'production-environment': productionEnvironment,
  'production-data': productionData,
} as const satisfies Record<KindId, z.ZodType>;

export type DescriptorOf<K extends KindId> = z.output<(typeof schemas)[K]>;
export type AnyDescriptor = { [K in KindId]: DescriptorOf<K> }[KindId];

export interface KindInfo {
  id: KindId;
  title: string;
  /** The role that writes this descriptor unless it names another `owner`. */
  owner: Role;
  /** Name given to a descriptor that has none (TEC documents have no name for most kinds). */
  defaultName: string;
}

export const kinds: Record<KindId, KindInfo> = {
  'system-context': {
    id: 'system-context',
    title: 'System context',
    owner: 'product-owner',
    defaultName: 'system',
  },
  'raw-data': { id: 'raw-data', title: 'Raw data', owner: 'data-engineer', defaultName: 'raw-data' },
  'data-pipeline': {
    id: 'data-pipeline',
    title: 'Data pipeline',
    owner: 'data-engineer',
    defaultName: 'pipeline',
  },
  'training-data': {
    id: 'training-data',
    title: 'Training data',
    owner: 'data-scientist',
    defaultName: 'training-data',
  },
  'trained-model': {
    id: 'trained-model',
    title: 'Trained model',
    owner: 'data-scientist',
    defaultName: 'model',
  },
  'development-environment': {
    id: 'development-environment',
    title: 'Development environment',
    owner: 'software-engineer',
    defaultName: 'development',
  },
  'production-environment': {
    id: 'production-environment',
    title: 'Production environment',
    owner: 'operations',
    defaultName: 'production',
  },
  'production-data': {
    id: 'production-data',
    title: 'Production data',
    owner: 'operations',
    defaultName: 'production-data',
  },
};

export function isKindId(value: unknown): value is KindId {
  return typeof value === 'string' && (KIND_IDS as readonly string[]).includes(value);
}
