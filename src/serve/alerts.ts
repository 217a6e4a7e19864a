// Webhook alerts (DESIGN §7): one JSON message per finding opened or resolved, POSTed to each webhook
// of its system. The monitor never waits for a receiver: messages queue in memory, one queue per URL
// delivered in order (a finding's `opened` arrives before its `resolved`), and a failed delivery is
// retried with exponential back-off and jitter. Failures are written to stderr; nothing here can
// stop the service. A message still queued when the service stops is lost (and said so).
import { createHmac, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { System } from '../descriptors/system.js';
import type { FindingChanges, MonitorListener } from './listener.js';
import type { TrackedFinding } from './store/store.js';

export type WebhookEvent = 'opened' | 'resolved';

export interface Webhook {
  url: string;
  /** Key of the HMAC-SHA256 signature sent in `X-Dovetail-Signature`; unsigned without one. */
  secret?: string;
  /** The changes sent; both when absent. */
  events?: readonly WebhookEvent[];
}

export interface AlertOptions {
  /** Attempts per message before it is given up (default 8: about 5 to 10 minutes of back-off). */
  maxAttempts?: number;
  /** Wait after the first failure; it doubles after each (default 5 s). */
  baseDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included (default 5 min). */
  maxDelayMs?: number;
  /** Time a receiver has to answer one attempt (default 10 s). */
  requestTimeoutMs?: number;
  /** How long `close()` waits for the queues to empty (default 5 s). */
  closeTimeoutMs?: number;
  /** Messages waiting per URL beyond which new ones are dropped (default 1000). */
  maxQueued?: number;
  /** Where failures are reported (default: stderr). */
  log?: (line: string) => void;
}

/** The body of one POST. */
export interface AlertMessage {
  event: `finding.${WebhookEvent}`;
  system: string;
  finding: TrackedFinding;
  /** When this attempt was sent (ISO 8601): covered by the signature, so a receiver can refuse replays. */
  sent_at: string;
}

interface Delivery {
  id: string;
  webhook: Webhook;
  event: AlertMessage['event'];
  system: string;
  finding: TrackedFinding;
}

/** One URL's messages, oldest first; `draining` while they are being delivered. */
interface Queue {
  items: Delivery[];
  draining?: Promise<void>;
}

/** What one attempt came to: delivered, or why not and whether trying again may help. */
type Outcome = { ok: true } | { ok: false; reason: string; retry: boolean; retryAfterMs?: number };

const DEFAULTS = {
  maxAttempts: 8,
  baseDelayMs: 5000,
  maxDelayMs: 5 * 60_000,
  requestTimeoutMs: 10_000,
  closeTimeoutMs: 5000,
  maxQueued: 1000,
  log: (line: string) => process.stderr.write(`dovetail serve: ${line}\n`),
} satisfies Required<AlertOptions>;

/** The URL as logged: without user, password or query, which may hold credentials. */
function shown(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

/** `Retry-After` in milliseconds: delay-seconds or an HTTP date. */
function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const ms = /^\d+$/.test(header.trim()) ? Number(header) * 1000 : Date.parse(header) - Date.now();
  return Number.isFinite(ms) ? Math.max(0, ms) : undefined;
}

/** The wait before attempt `attempt + 1`: doubling from the base, capped, with jitter in its upper half. */
function backoffMs(attempt: number, options: { baseDelayMs: number; maxDelayMs: number }): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/**
 * A system's webhooks: `settings.webhooks` of its dovetail.yaml (a `secret_env` read from `env`), then
 * the `--webhook` URLs it does not list already; or why they cannot be used.
 */
export function systemWebhooks(system: System, urls: readonly string[], env = process.env): Webhook[] | string {
  const hooks: Webhook[] = [];
  for (const w of system.project?.settings?.webhooks ?? []) {
    const secret = w.secret_env === undefined ? w.secret : env[w.secret_env];
    if (!secret && w.secret_env !== undefined)
      return `${system.name}: the webhook ${shown(w.url)} is signed with $${w.secret_env}, which is not set`;
    hooks.push({ url: new URL(w.url).href, ...(secret ? { secret } : {}), ...(w.events ? { events: w.events } : {}) });
  }
  for (const url of urls.map((u) => new URL(u).href)) if (!hooks.some((w) => w.url === url)) hooks.push({ url });
  return hooks;
}

export class WebhookAlerts implements MonitorListener {
  private readonly options: Required<AlertOptions>;
  private readonly queues = new Map<string, Queue>();
  /** Aborted when `close()` stops waiting: ends back-off waits and requests under way. */
  private readonly stopped = new AbortController();
  private closing?: Promise<void>;

  constructor(
    /** The webhooks of each system. */
    private readonly webhooks: (system: string) => readonly Webhook[],
    options: AlertOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  findingsChanged(system: string, changes: FindingChanges): void {
    if (this.closing) return;
    for (const webhook of this.webhooks(system)) {
      for (const [event, findings] of [
        ['opened', changes.opened],
        ['resolved', changes.resolved],
      ] as const) {
        if (webhook.events && !webhook.events.includes(event)) continue;
        for (const finding of findings) {
          this.enqueue({ id: randomUUID(), webhook, event: `finding.${event}`, system, finding });
        }
      }
    }
  }

  /** Waits for the queues to empty, at most `closeTimeoutMs`; then drops what is left and says so. */
  close(): Promise<void> {
    this.closing ??= this.drainOrDrop();
    return this.closing;
  }

  private async drainOrDrop(): Promise<void> {
    const draining = Promise.all([...this.queues.values()].map((q) => q.draining));
    const timeout = new AbortController();
    const done = await Promise.race([
      draining.then(() => true),
      sleep(this.options.closeTimeoutMs, false, { signal: timeout.signal }).catch(() => false),
    ]);
    timeout.abort();
    if (done) return;
    this.stopped.abort();
    await draining;
    for (const [url, queue] of this.queues) {
      if (queue.items.length)
        this.options.log(
          `webhook ${shown(url)}: ${queue.items.length} message(s) not delivered before shutdown: ${queue.items.map(describe).join(', ')}`,
        );
    }
  }

  private enqueue(delivery: Delivery): void {
    const url = delivery.webhook.url;
    let queue = this.queues.get(url);
    if (!queue) {
      queue = { items: [] };
      this.queues.set(url, queue);
    }
    if (queue.items.length >= this.options.maxQueued) {
      this.options.log(
        `webhook ${shown(url)}: ${describe(delivery)} dropped: ${queue.items.length} messages are waiting already`,
      );
      return;
    }
    queue.items.push(delivery);
    queue.draining ??= this.drain(queue);
  }

  /** Delivers a queue's messages one after the other, until it is empty or the service stops. */
  private async drain(queue: Queue): Promise<void> {
    try {
      while (queue.items.length && !this.stopped.signal.aborted) {
        const delivered = await this.deliver(queue.items[0] as Delivery);
        if (delivered || !this.stopped.signal.aborted) queue.items.shift();
      }
    } finally {
      // In the same turn as the last look at the queue: a message queued later starts a new drain.
      queue.draining = undefined;
    }
  }

  /** Tries one message until it is delivered (true), given up, or the service stops. */
  private async deliver(d: Delivery): Promise<boolean> {
    const { maxAttempts } = this.options;
    const what = `webhook ${shown(d.webhook.url)}: ${describe(d)}`;
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(d);
      if (outcome.ok) return true;
      if (this.stopped.signal.aborted) return false;
      if (!outcome.retry) {
        this.options.log(`${what} refused: ${outcome.reason}; not retried`);
        return false;
      }
      if (attempt >= maxAttempts) {
        this.options.log(`${what} given up after ${attempt} attempts: ${outcome.reason}`);
        return false;
      }
      const wait = Math.min(outcome.retryAfterMs ?? backoffMs(attempt, this.options), this.options.maxDelayMs);
      this.options.log(
        `${what} attempt ${attempt} of ${maxAttempts} failed: ${outcome.reason}; retrying in ${(wait / 1000).toFixed(1)} s`,
      );
      await sleep(wait, undefined, { signal: this.stopped.signal }).catch(() => {});
      if (this.stopped.signal.aborted) return false;
    }
  }

  private async attempt(d: Delivery): Promise<Outcome> {
    const message: AlertMessage = {
      event: d.event,
      system: d.system,
      finding: d.finding,
      sent_at: new Date().toISOString(),
    };
    const body = JSON.stringify(message);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-dovetail-delivery': d.id };
    if (d.webhook.secret)
      headers['x-dovetail-signature'] = `sha256=${createHmac('sha256', d.webhook.secret).update(body).digest('hex')}`;
    const request = new AbortController();
    const stop = () => request.abort();
    this.stopped.signal.addEventListener('abort', stop, { once: true });
    const timer = setTimeout(
      () => request.abort(new Error(`no answer within ${this.options.requestTimeoutMs} ms`)),
      this.options.requestTimeoutMs,
    );
    try {
      const response = await fetch(d.webhook.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        signal: request.signal,
      });
      await response.body?.cancel();
      const status = response.status;
      if (status >= 200 && status < 300) return { ok: true };
      const reason = `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (status >= 300 && status < 400)
        return { ok: false, retry: false, reason: `${reason} to ${response.headers.get('location') ?? '?'}` };
      const retry = status >= 500 || status === 408 || status === 429;
      return { ok: false, retry, reason, retryAfterMs: retryAfter(response.headers.get('retry-after')) };
    } catch (e) {
      const error = request.signal.aborted && request.signal.reason instanceof Error ? request.signal.reason : e;
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return { ok: false, retry: true, reason: cause ?? (error as Error).message };
    } finally {
      clearTimeout(timer);
      this.stopped.signal.removeEventListener('abort', stop);
    }
  }
}

/** A message as logged: the change and the finding's rule and fingerprint. */
function describe(d: Delivery): string {
  return `${d.event} ${d.finding.rule} (${d.system}, fingerprint ${d.finding.fingerprint})`;
}
