// `dovetail serve` as users run it: options not implemented yet are refused, window options are
// checked, an invalid system is not served, SIGTERM stops the service cleanly.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { BIN, dovetail, EXAMPLE, tempDir } from '../helpers.js';

describe('dovetail serve', () => {
  test('options of parts not built yet are refused, not ignored', () => {
    const r = dovetail(['serve', EXAMPLE, '--proxy', 'http://localhost:8080', '--protocol', 'kserve-v2']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--proxy, --protocol: not implemented yet/);
  });

  test('--window and --window-events are checked', () => {
    const r = dovetail(['serve', EXAMPLE, '--window', 'soon']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--window soon: expected a positive duration/);
    const n = dovetail(['serve', EXAMPLE, '--window', '30s', '--window-events', '0']);
    assert.equal(n.code, 2);
    assert.match(n.stderr, /--window-events 0: expected a whole number from 1/);
  });

  test("an invalid system is not served: exit 2 with validate's messages", () => {
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const file = join(dir, 'trained-model.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('memory: 6Gi', 'memory: lots'));
    const r = dovetail(['serve', dir, '--port', '0']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /trained-model\.yaml:\d+:\d+ error/);
    assert.match(r.stderr, /nothing is served/);
  });

  test('SIGTERM finishes and exits 0; the data are kept out of git', async () => {
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const child = spawn(process.execPath, [BIN, 'serve', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const url = await new Promise<string>((resolve) =>
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const m = /listening on (\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      }),
    );
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(readFileSync(join(dir, '.dovetail', '.gitignore'), 'utf8'), /^\*$/m);
  });
});
