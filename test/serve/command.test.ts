// `dovetail serve` as users run it (the proxy's options: proxy.test.ts): window options are checked,
// an invalid system is not served, SIGTERM stops the service cleanly.
import assert from 'node:assert/strict';
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { BIN, dovetail, EXAMPLE, tempDir } from '../helpers.js';
import { FLIGHT_EVENTS } from './flights.js';

/** The address a `dovetail serve` child process says it listens on. */
function listening(child: ChildProcessByStdio<null, Readable, null>): Promise<string> {
  let out = '';
  return new Promise<string>((resolve) =>
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /listening on (\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    }),
  );
}

describe('dovetail serve', () => {
  test('--window, --window-events, --retain, --instance and --db are checked', () => {
    const instance = dovetail(['serve', EXAMPLE, '--instance', 'host a']);
    assert.equal(instance.code, 2);
    assert.match(instance.stderr, /--instance "host a": expected a name of 1 to 200 characters without spaces/);
    const retain = dovetail(['serve', EXAMPLE, '--retain', 'forever']);
    assert.equal(retain.code, 2);
    assert.match(retain.stderr, /--retain forever: expected a positive duration/);
    const r = dovetail(['serve', EXAMPLE, '--window', 'soon']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--window soon: expected a positive duration/);
    const n = dovetail(['serve', EXAMPLE, '--window', '30s', '--window-events', '0']);
    assert.equal(n.code, 2);
    assert.match(n.stderr, /--window-events 0: expected a whole number from 1/);
    const db = dovetail(['serve', EXAMPLE, '--db', 'mysql://localhost/dovetail']);
    assert.equal(db.code, 2);
    assert.match(
      db.stderr,
      /--db mysql:\/\/localhost\/dovetail: expected a postgres:\/\/ URL or the path of an SQLite file/,
    );
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
    const url = await listening(child);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(readFileSync(join(dir, '.dovetail', '.gitignore'), 'utf8'), /^\*$/m);
  });
});

describe('dovetail serve: /metrics and webhooks', () => {
  test('--webhook and settings.webhooks are checked before anything is served', () => {
    const r = dovetail(['serve', EXAMPLE, '--webhook', 'ftp://alerts.example.com/']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--webhook ftp:\/\/alerts\.example\.com\/: expected an http:\/\/ or https:\/\/ URL/);
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const file = join(dir, 'dovetail.yaml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}  webhooks:\n    - url: https://alerts.example.com/\n      secret_env: DOVETAIL_UNSET_SECRET\n`,
    );
    const unset = dovetail(['serve', dir, '--port', '0']);
    assert.equal(unset.code, 2);
    assert.match(unset.stderr, /\$DOVETAIL_UNSET_SECRET, which is not set/);
  });

  test('a window that breaks the contract: counted on /metrics, its findings POSTed to --webhook', async () => {
    const received: { event: string; system: string; finding: { phase: string; rule: string } }[] = [];
    const receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const address = receiver.address();
    const hook = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
    const dir = tempDir();
    cpSync(EXAMPLE, dir, { recursive: true });
    const child = spawn(
      process.execPath,
      [BIN, 'serve', dir, '--port', '0', '--window-events', '20', '--webhook', hook],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    try {
      const url = await listening(child);
      // Twenty flights of one hour, their distance in metres: every one out of the declared range.
      const events = FLIGHT_EVENTS.slice(0, 20).map((e, i) => ({
        ...e,
        timestamp: new Date(Date.parse('2001-01-01T08:00:00Z') + i * 1000).toISOString(),
        inputs: { ...e.inputs, distance: (e.inputs.distance as number) * 1609 },
      }));
      const r = await fetch(`${url}/api/v1/systems/flight-delays/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events }),
      });
      assert.equal(r.status, 200);
      const metrics = await fetch(`${url}/metrics`);
      assert.equal(metrics.status, 200);
      assert.match(metrics.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      const text = await metrics.text();
      const labels = 'system="flight-delays",model="delay-classifier"';
      assert.match(text, new RegExp(`^dovetail_windows_closed_total\\{${labels}\\} 1$`, 'm'));
      assert.match(
        text,
        new RegExp(
          `^dovetail_contract_violations_total\\{${labels},side="inputs",kind="range",field="distance"\\} 20$`,
          'm',
        ),
      );
      while (!received.some((m) => m.finding.phase === 'runtime'))
        await new Promise((resolve) => setTimeout(resolve, 20));
      assert.ok(received.every((m) => m.event === 'finding.opened' && m.system === 'flight-delays'));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      child.kill('SIGKILL');
      receiver.close();
    }
  });
});
