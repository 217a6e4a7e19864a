// A throwaway PostgreSQL server for tests: initdb in a temp folder, started on a free loopback port,
// removed when stopped. Fails loudly when PostgreSQL is not installed (.ci/run installs it).
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';

export interface Postgres {
  url: string;
  /** A fresh, empty database on this server. */
  database(name: string): string;
  stop(): void;
}

function binaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0])
    throw new Error(`PostgreSQL is not installed (no ${root}/<version>/bin/initdb): apt-get install postgresql`);
  return join(root, versions[0], 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startPostgres(): Promise<Postgres> {
  const bin = binaries();
  const dir = tempDir('dovetail-pg-');
  const data = join(dir, 'data');
  // PostgreSQL refuses to run as root: run it as the postgres user the Debian package creates.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  chmodSync(dir, 0o700);
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, program),
      asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args,
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'dovetail', '-A', 'trust', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  const base = `postgres://dovetail@127.0.0.1:${port}`;
  return {
    url: `${base}/postgres`,
    database(name: string) {
      run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'dovetail', name]);
      return `${base}/${name}`;
    },
    stop() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
