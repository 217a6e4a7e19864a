// The proxy's client of the model server: sends a request's method, headers and body bytes over
// kept-alive connections and reads the whole answer, timed. Headers that belong to one connection
// (hop-by-hop, RFC 9110 §7.6.1, and those the Connection header lists) are not passed on in either
// direction; Host names the model server.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';

/** Never forwarded: they describe one connection, not the message. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Replaced in a forwarded request: the body is sent whole, to the model server's host. */
const REQUEST_SET = new Set(['host', 'content-length', 'expect']);

export interface UpstreamAnswer {
  status: number;
  statusMessage: string;
  /** As received, `[name, value, name, value...]`, hop-by-hop headers left out. */
  headers: string[];
  body: Buffer;
  /** From sending the request to the last byte of the answer. */
  latencyMs: number;
}

export class UpstreamError extends Error {
  constructor(
    readonly kind: 'unreachable' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

/** Headers as `rawHeaders` lists them, less the hop-by-hop ones and `drop`. */
export function endToEnd(raw: readonly string[], drop: ReadonlySet<string> = new Set()): string[] {
  const listed = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() !== 'connection') continue;
    for (const token of (raw[i + 1] ?? '').split(',')) listed.add(token.trim().toLowerCase());
  }
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] as string).toLowerCase();
    if (!HOP_BY_HOP.has(name) && !listed.has(name) && !drop.has(name)) out.push(raw[i] as string, raw[i + 1] as string);
  }
  return out;
}

/** A connection the model server closed while idle shows as a reset on reuse: the request never got there. */
const stale = (e: NodeJS.ErrnoException, reused: boolean) => reused && (e.code === 'ECONNRESET' || e.code === 'EPIPE');

export class Upstream {
  private readonly agent: http.Agent;
  private readonly request: typeof http.request;
  /** The base URL's path, without a trailing slash: request paths are appended to it. */
  private readonly prefix: string;

  constructor(
    readonly base: URL,
    private readonly timeoutMs: number,
  ) {
    const secure = base.protocol === 'https:';
    this.agent = secure ? new https.Agent({ keepAlive: true }) : new http.Agent({ keepAlive: true });
    this.request = secure ? https.request : http.request;
    this.prefix = base.pathname.replace(/\/$/, '');
  }

  /**
   * Forwards one request: `url` is its path and query, `body` undefined when it has none. Rejects
   * with an `UpstreamError` when the model server cannot be reached or does not answer in time.
   */
  send(method: string, url: string, rawHeaders: readonly string[], body: Buffer | undefined): Promise<UpstreamAnswer> {
    const headers = [...endToEnd(rawHeaders, REQUEST_SET), 'Host', this.base.host];
    if (body) headers.push('Content-Length', String(body.length));
    return this.attempt(method, url, headers, body, true);
  }

  private attempt(
    method: string,
    url: string,
    headers: string[],
    body: Buffer | undefined,
    retry: boolean,
  ): Promise<UpstreamAnswer> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = this.request({
        protocol: this.base.protocol,
        hostname: this.base.hostname,
        port: this.base.port,
        method,
        path: this.prefix + url,
        headers,
        agent: this.agent,
      });
      let responded = false;
      let timedOut = false;
      req.setTimeout(this.timeoutMs, () => {
        timedOut = true;
        req.destroy();
      });
      const fail = (why: string) =>
        reject(
          timedOut
            ? new UpstreamError('timeout', `the model server did not answer within ${this.timeoutMs} ms`)
            : new UpstreamError('unreachable', `cannot reach the model server at ${this.base.origin}: ${why}`),
        );
      req.on('error', (e: NodeJS.ErrnoException) => {
        if (!responded && !timedOut && retry && stale(e, req.reusedSocket))
          resolve(this.attempt(method, url, headers, body, false));
        else fail(e.code ?? e.message);
      });
      req.on('response', (res) => {
        responded = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', () => {});
        res.on('close', () => {
          if (!res.complete) fail('the connection closed before the end of the answer');
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode as number,
            statusMessage: res.statusMessage ?? '',
            headers: endToEnd(res.rawHeaders),
            body: Buffer.concat(chunks),
            latencyMs: performance.now() - started,
          }),
        );
      });
      req.end(body);
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }
}
