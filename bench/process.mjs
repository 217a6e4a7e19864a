// A server the benchmarks start in a child process: it prints `listening on <url>` once it listens.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Starts `node <args>` in the project folder; `url` resolves to the URL it prints, `stop()` ends it. */
export function start(args) {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    child,
    url,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
