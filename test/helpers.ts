// Shared test helpers: run the real CLI (the built package, as a user would) and make temp folders.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'dovetail.js');
export const EXAMPLE = join(ROOT, 'examples', 'flight-delays');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function dovetail(args: string[], options: { cwd?: string; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempDirs: string[] = [];
// Each test file runs in a process of its own: its folders go when it ends, whatever the outcome.
process.on('exit', () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
});

/** A new empty folder, removed when the test process exits. */
export function tempDir(prefix = 'dovetail-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
