// Whether a model needs or may use a GPU, from what its descriptor says: a GPU count in its resource
// needs, or a GPU-only dependency (CUDA, cuDNN, TensorRT, a `-gpu` build).
import type { Descriptor } from '../../descriptors/system.js';
import { parseTool } from '../tools.js';

const GPU_ONLY = /\b(?:cuda|cudnn|tensorrt|nccl|cupy|cuml|rapids)\b|-gpu\b/i;
/** Frameworks that run on a GPU whenever one is present, without being told. */
const GPU_CAPABLE = new Set(['pytorch', 'tensorflow', 'keras', 'jax', 'mxnet', 'paddlepaddle', 'huggingface']);

export interface GpuNeed {
  /** GPUs the model declares it needs (computing_resource_reqs.gpu.count), when above zero. */
  declared?: number;
  /** The first dependency or framework that only runs on a GPU, with where it is. */
  dependency?: { text: string; path: (string | number)[] };
}

export function gpuNeed(model: Descriptor<'trained-model'>): GpuNeed | undefined {
  const count = model.data.computing_resource_reqs?.gpu?.count;
  const fields = ['ml_frameworks', 'system_dependencies'] as const;
  let dependency: GpuNeed['dependency'];
  for (const field of fields) {
    const i = (model.data[field] ?? []).findIndex((t) => GPU_ONLY.test(t));
    const text = model.data[field]?.[i];
    if (text !== undefined) {
      dependency = { text, path: [field, i] };
      break;
    }
  }
  if ((count ?? 0) > 0) return { declared: count, dependency };
  return dependency ? { dependency } : undefined;
}

/** A framework of the model that uses a GPU when it finds one (timings differ with and without). */
export function gpuCapableFramework(model: Descriptor<'trained-model'>): { text: string; index: number } | undefined {
  const index = (model.data.ml_frameworks ?? []).findIndex((t) => GPU_CAPABLE.has(parseTool(t).key));
  const text = model.data.ml_frameworks?.[index];
  return text === undefined ? undefined : { text, index };
}
