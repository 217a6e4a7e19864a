// Bundles the CLI into dist/cli/ (one file per lazily loaded command), so `dovetail` starts fast:
// loading one bundle is much quicker than resolving hundreds of small ESM files.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The SQLite store runs in a worker thread, started from its own file.
  entryPoints: { main: 'src/cli/main.ts', 'sqlite-thread': 'src/serve/store/sqlite-thread.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Native and very large packages stay outside the bundle and load only when a command needs them.
  external: ['@duckdb/*', 'better-sqlite3', 'pg'],
  // CommonJS dependencies inside an ESM bundle need a `require`.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
