// Reader packages load on first use only, never at CLI start.
import { DataReadError } from './errors.js';

/**
 * A loader for the package `load` imports: imports it once, on the first call, and reports a failed
 * import as a DataReadError naming the file being read (the next call tries again).
 */
export function lazyImport<T>(label: string, load: () => Promise<T>): (file: string) => Promise<T> {
  let loading: Promise<T> | undefined;
  return async (file) => {
    loading ??= load();
    try {
      return await loading;
    } catch (error) {
      loading = undefined;
      throw new DataReadError(`cannot load ${label}: ${(error as Error).message}`, { file, cause: error });
    }
  };
}
