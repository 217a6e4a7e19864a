// Webhook alerts against a real HTTP receiver on loopback: bodies and signatures as documented,
// retries on 5xx, 429 (after Retry-After) and network errors, none on 4xx, give-up after the attempts
// allowed, one message after the other per URL, and close() waiting for what is under way.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { loadSystem } from '../../src/descriptors/load.js';
import {
  type AlertMessage,
  type AlertOptions,
  systemWebhooks,
  type Webhook,
  WebhookAlerts,
} from '../../src/serve/alerts.js';
import type { FindingChanges } from '../../src/serve/listener.js';
import type { TrackedFinding } from '../../src/serve/store/store.js';
import { EXAMPLE, tempDir } from '../helpers.js';
import { trackedFindings } from './findings.js';
import { freePort } from './postgres.js';

const system = await loadSystem([EXAMPLE]);
const SYSTEM = system.name;
const [F1, F2, F3] = trackedFindings(system) as [TrackedFinding, TrackedFinding, TrackedFinding];
const resolved = (f: TrackedFinding): TrackedFinding => ({
  ...f,
  status: 'resolved',
  resolved_at: '2001-01-02T00:00:00.000Z',
});

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: AlertMessage;
  at: number;
}

/** A webhook receiver: records every request, answers as `answer` says (it may hold the response). */
class Receiver {
  requests: Received[] = [];
  answer: (request: Received, response: ServerResponse) => void = (_, response) => response.end();
  private waiters: (() => void)[] = [];
  private readonly server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const received = {
        path: request.url ?? '',
        headers: request.headers,
        raw,
        body: JSON.parse(raw),
        at: Date.now(),
      };
      this.requests.push(received);
      this.answer(received, response);
      for (const wake of this.waiters) wake();
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  /** Resolves once `n` requests have arrived. */
  async received(n: number): Promise<Received[]> {
    while (this.requests.length < n) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.requests;
  }

  reset(): void {
    this.requests = [];
    this.waiters = [];
    this.answer = (_, response) => response.end();
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const changes = (opened: TrackedFinding[], closed: TrackedFinding[] = []): FindingChanges => ({
  phase: 'design',
  opened,
  updated: [],
  resolved: closed,
  open: opened,
});

/** Alerts to the given webhooks with quick retries, logging into `log`. */
function alerts(hooks: Webhook[], log: string[], options: AlertOptions = {}): WebhookAlerts {
  return new WebhookAlerts((s) => (s === SYSTEM ? hooks : []), {
    baseDelayMs: 20,
    maxDelayMs: 100,
    log: (line) => log.push(line),
    ...options,
  });
}

describe('webhook alerts', () => {
  const receiver = new Receiver();
  before(() => receiver.start());
  beforeEach(() => receiver.reset());
  after(() => receiver.stop());

  it('POSTs one signed message per opened and resolved finding, to each webhook that wants it', async () => {
    const log: string[] = [];
    const a = alerts(
      [
        { url: `${receiver.url}/signed`, secret: 'shh' },
        { url: `${receiver.url}/resolved-only`, events: ['resolved'] },
      ],
      log,
    );
    const start = Date.now();
    a.findingsChanged(SYSTEM, changes([F1, F2], [resolved(F3)]));
    a.findingsChanged('another-system', changes([F1]));
    await receiver.received(4);
    await a.close();
    const signed = receiver.requests.filter((r) => r.path === '/signed');
    assert.deepEqual(
      signed.map((r) => [r.body.event, r.body.system, r.body.finding]),
      [
        ['finding.opened', SYSTEM, F1],
        ['finding.opened', SYSTEM, F2],
        ['finding.resolved', SYSTEM, resolved(F3)],
      ],
    );
    for (const r of signed) {
      assert.equal(r.headers['content-type'], 'application/json');
      assert.equal(
        r.headers['x-dovetail-signature'],
        `sha256=${createHmac('sha256', 'shh').update(r.raw).digest('hex')}`,
      );
      assert.match(String(r.headers['x-dovetail-delivery']), /^[0-9a-f-]{36}$/);
      assert.ok(Date.parse(r.body.sent_at) >= start - 1 && Date.parse(r.body.sent_at) <= Date.now());
    }
    const other = receiver.requests.filter((r) => r.path === '/resolved-only');
    assert.deepEqual(
      other.map((r) => [r.body.event, r.body.finding.fingerprint]),
      [['finding.resolved', F3.fingerprint]],
    );
    assert.equal(other[0]?.headers['x-dovetail-signature'], undefined);
    assert.equal(receiver.requests.length, 4);
    assert.deepEqual(log, []);
  });

  it('retries 503 with back-off and delivers on the third attempt, logging each failure', async () => {
    receiver.answer = (_, response) => {
      response.statusCode = receiver.requests.length <= 2 ? 503 : 200;
      response.end();
    };
    const log: string[] = [];
    const a = alerts([{ url: `${receiver.url}/flaky?token=secret-token` }], log);
    a.findingsChanged(SYSTEM, changes([F1]));
    const [first, second, third] = (await receiver.received(3)) as [Received, Received, Received];
    await a.close();
    assert.equal(receiver.requests.length, 3);
    assert.equal(third.body.finding.fingerprint, F1.fingerprint);
    assert.equal(first.headers['x-dovetail-delivery'], third.headers['x-dovetail-delivery']);
    // Back-off: at least half the base delay, then half of twice that (jitter keeps the upper half).
    assert.ok(
      second.at - first.at >= 10 && third.at - second.at >= 20,
      `${second.at - first.at}, ${third.at - second.at}`,
    );
    assert.equal(log.length, 2);
    assert.match(
      log[0] as string,
      /^webhook http:\/\/127\.0\.0\.1:\d+\/flaky: finding\.opened .* attempt 1 of 8 failed: HTTP 503 Service Unavailable; retrying in/,
    );
    assert.match(log[1] as string, /attempt 2 of 8 failed: HTTP 503/);
    assert.ok(!log.join('\n').includes('secret-token'), 'the query string is not logged');
  });

  it('waits as long as Retry-After says on 429', async () => {
    receiver.answer = (_, response) => {
      if (receiver.requests.length === 1) response.writeHead(429, { 'retry-after': '1' });
      response.end();
    };
    const log: string[] = [];
    const a = alerts([{ url: receiver.url }], log, { maxDelayMs: 5000 });
    a.findingsChanged(SYSTEM, changes([F1]));
    const [first, second] = (await receiver.received(2)) as [Received, Received];
    await a.close();
    assert.ok(second.at - first.at >= 1000, `${second.at - first.at} ms`);
    assert.match(log[0] as string, /HTTP 429 Too Many Requests; retrying in 1\.0 s/);
  });

  it('does not retry 400: the receiver refuses the message', async () => {
    receiver.answer = (_, response) => {
      response.statusCode = 400;
      response.end();
    };
    const log: string[] = [];
    const a = alerts([{ url: receiver.url }], log);
    a.findingsChanged(SYSTEM, changes([F1, F2]));
    await a.close();
    assert.equal(receiver.requests.length, 2, 'each message tried once, the next one still sent');
    assert.equal(log.length, 2);
    assert.match(log[0] as string, /finding\.opened .* refused: HTTP 400 Bad Request; not retried$/);
  });

  it('gives up on an unreachable URL after the attempts allowed, and says so', async () => {
    const port = await freePort();
    const log: string[] = [];
    const a = alerts([{ url: `http://127.0.0.1:${port}/hook` }], log, { maxAttempts: 3 });
    a.findingsChanged(SYSTEM, changes([F1]));
    await a.close();
    assert.equal(log.length, 3, log.join('\n'));
    assert.match(log[0] as string, /attempt 1 of 3 failed: connect ECONNREFUSED/);
    assert.match(log[1] as string, /attempt 2 of 3 failed/);
    assert.match(
      log[2] as string,
      new RegExp(
        `^webhook http://127\\.0\\.0\\.1:${port}/hook: finding\\.opened ${F1.rule} \\(${SYSTEM}, fingerprint ${F1.fingerprint}\\) given up after 3 attempts: connect ECONNREFUSED`,
      ),
    );
  });

  it("delivers one URL's messages in order: a finding's resolved waits for its opened", async () => {
    receiver.answer = (_, response) => {
      response.statusCode = receiver.requests.length <= 2 ? 502 : 204;
      response.end();
    };
    const log: string[] = [];
    const a = alerts([{ url: receiver.url }], log);
    a.findingsChanged(SYSTEM, changes([F1]));
    a.findingsChanged(SYSTEM, changes([F2], [resolved(F1)]));
    await receiver.received(5);
    await a.close();
    assert.deepEqual(
      receiver.requests.map((r) => [r.body.event, r.body.finding.fingerprint]),
      [
        ['finding.opened', F1.fingerprint],
        ['finding.opened', F1.fingerprint],
        ['finding.opened', F1.fingerprint],
        ['finding.opened', F2.fingerprint],
        ['finding.resolved', F1.fingerprint],
      ],
    );
  });

  it('close() waits for the delivery under way', async () => {
    receiver.answer = (_, response) => setTimeout(() => response.end(), 300);
    const log: string[] = [];
    const a = alerts([{ url: receiver.url }], log);
    a.findingsChanged(SYSTEM, changes([F1, F2]));
    const start = Date.now();
    await a.close();
    assert.ok(Date.now() - start >= 550, `${Date.now() - start} ms`);
    assert.equal(receiver.requests.length, 2);
    assert.deepEqual(log, []);
    a.findingsChanged(SYSTEM, changes([F3]));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(receiver.requests.length, 2, 'nothing is sent once closed');
  });

  it('close() stops waiting after its timeout and lists the messages dropped', async () => {
    receiver.answer = () => {}; // never answers
    const log: string[] = [];
    const a = alerts([{ url: receiver.url }], log, { closeTimeoutMs: 200, requestTimeoutMs: 100 });
    a.findingsChanged(SYSTEM, changes([F1, F2]));
    const start = Date.now();
    await a.close();
    const took = Date.now() - start;
    assert.ok(took >= 200 && took < 1000, `${took} ms`);
    assert.match(log[0] as string, /finding\.opened .* attempt 1 of 8 failed: no answer within 100 ms; retrying in/);
    const dropped = log.at(-1) as string;
    assert.match(dropped, /2 message\(s\) not delivered before shutdown: finding\.opened/);
    assert.ok(dropped.includes(F1.fingerprint) && dropped.includes(F2.fingerprint));
  });
});

describe("a system's webhooks", () => {
  const dir = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true });
  const file = join(dir, 'dovetail.yaml');
  writeFileSync(
    file,
    `${readFileSync(file, 'utf8')}  webhooks:
    - url: https://alerts.example.com/dovetail
      secret_env: DOVETAIL_TEST_WEBHOOK_SECRET
      events: [opened]
    - url: http://localhost:9000/hooks?channel=ml
`,
  );

  it('are its settings.webhooks, with the secret from the environment, then the --webhook URLs not listed', async () => {
    const s = await loadSystem([dir]);
    assert.deepEqual(
      systemWebhooks(s, ['http://localhost:9000/hooks?channel=ml', 'https://ops.example.com/'], {
        DOVETAIL_TEST_WEBHOOK_SECRET: 'k',
      }),
      [
        { url: 'https://alerts.example.com/dovetail', secret: 'k', events: ['opened'] },
        { url: 'http://localhost:9000/hooks?channel=ml' },
        { url: 'https://ops.example.com/' },
      ],
    );
    assert.equal(
      systemWebhooks(s, [], {}),
      `${SYSTEM}: the webhook https://alerts.example.com/dovetail is signed with $DOVETAIL_TEST_WEBHOOK_SECRET, which is not set`,
    );
    assert.deepEqual(systemWebhooks(system, ['http://x.example/']), [{ url: 'http://x.example/' }]);
  });
});
