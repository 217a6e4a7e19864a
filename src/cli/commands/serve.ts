import { loadSystem } from '../../descriptors/load.js';
import { descriptorsOf, hasErrors, type System } from '../../descriptors/system.js';
import { parseDuration } from '../../descriptors/units.js';
import { systemWebhooks, type Webhook, WebhookAlerts } from '../../serve/alerts.js';
import { buildApp } from '../../serve/app.js';
import type { MonitorListener } from '../../serve/listener.js';
import { PrometheusMetrics } from '../../serve/metrics.js';
import type { WindowOverrides } from '../../serve/monitor.js';
import { PROTOCOL_NAMES, type ProtocolName } from '../../serve/protocols/index.js';
import type { ProxyOptions } from '../../serve/proxy.js';
import { isPostgresUrl } from '../../serve/store/open.js';
import { serveSystems } from '../../serve/systems.js';
import { packageVersion } from '../main.js';
import { formatDiagnostic } from '../output.js';
import { config } from '../zod-config.js';

export interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  instance?: string;
  window?: string;
  windowEvents?: string;
  retain?: string;
  proxy?: string;
  protocol?: string;
  model?: string;
  inputsPath?: string;
  outputsPath?: string;
  /** `--webhook`, repeatable: every served system's findings are sent there too. */
  webhook?: string[];
}

/** The options that only mean something with `--protocol json`, and those only with `--proxy`. */
const JSON_ONLY: [keyof ServeOptions, string][] = [
  ['inputsPath', '--inputs-path'],
  ['outputsPath', '--outputs-path'],
];
const PROXY_ONLY: [keyof ServeOptions, string][] = [['protocol', '--protocol'], ['model', '--model'], ...JSON_ONLY];

const given = (opts: ServeOptions, options: [keyof ServeOptions, string][]) =>
  options.filter(([key]) => opts[key] !== undefined).map(([, flag]) => flag);

/** `--proxy` and the options that go with it, or why they do not fit; undefined without `--proxy`. */
function proxyOptions(opts: ServeOptions, paths: readonly string[]): ProxyOptions | string | undefined {
  if (opts.proxy === undefined) {
    const stray = given(opts, PROXY_ONLY);
    return stray.length ? `${stray.join(', ')}: only with --proxy <model server url>` : undefined;
  }
  let url: URL | undefined;
  try {
    url = new URL(opts.proxy);
  } catch {}
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  )
    return `--proxy ${opts.proxy}: expected the model server's base URL, http(s)://host:port with an optional path (no query, no credentials)`;
  const protocol = opts.protocol as ProtocolName | undefined;
  if (!protocol || !PROTOCOL_NAMES.includes(protocol))
    return `--protocol ${protocol ?? '(missing)'}: --proxy needs the model server's protocol, one of ${PROTOCOL_NAMES.join(', ')}`;
  if (protocol !== 'json') {
    const stray = given(opts, JSON_ONLY);
    if (stray.length) return `${stray.join(', ')}: only with --protocol json`;
  } else if (opts.inputsPath === undefined || opts.outputsPath === undefined)
    return '--protocol json needs --inputs-path and --outputs-path: where the request holds the inputs and the answer the outputs';
  if (paths.length !== 1)
    return `--proxy records the predictions of one system; ${paths.length} are given (run one dovetail serve per model server)`;
  const json =
    protocol === 'json' ? { paths: { inputsPath: opts.inputsPath ?? '', outputsPath: opts.outputsPath ?? '' } } : {};
  return { url: url.href, protocol, ...json, ...(opts.model === undefined ? {} : { model: opts.model }) };
}

/** Why the proxy cannot record for this system: `--model` not declared, or no model to record for. */
function modelProblem(system: System, proxy: ProxyOptions): string | undefined {
  const models = descriptorsOf(system, 'trained-model').map((d) => d.name);
  const declared = `declared: ${models.join(', ') || 'none'}`;
  if (proxy.model !== undefined && !models.includes(proxy.model))
    return `--model ${proxy.model}: ${system.name} has no trained model of that name (${declared})`;
  if (!models.length) return `--proxy: ${system.name} declares no trained model to record predictions for`;
  // The URLs of KServe and TF Serving name the model; MLflow's and plain JSON's do not.
  if (proxy.model === undefined && models.length > 1 && (proxy.protocol === 'mlflow' || proxy.protocol === 'json'))
    return `--model: ${system.name} has ${models.length} trained models; name the one behind ${proxy.url} (${declared})`;
  return undefined;
}

function fail(message: string): void {
  process.stderr.write(`dovetail: ${message}\n`);
  process.exitCode = 2;
}

/** `dovetail serve`: the run-time monitor's HTTP service over one or more systems, until SIGINT or SIGTERM. */
export async function serve(paths: string[], opts: ServeOptions): Promise<void> {
  const proxy = proxyOptions(opts, paths);
  if (typeof proxy === 'string') return fail(proxy);
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`--port ${opts.port}: expected 0 to 65535`);
  const window: WindowOverrides = {};
  if (opts.window !== undefined) {
    const d = parseDuration(opts.window);
    if (!d.ok || d.value <= 0) return fail(`--window ${opts.window}: expected a positive duration, e.g. 5m, 30s or 1h`);
    window.durationMs = d.value;
  }
  if (opts.windowEvents !== undefined) {
    const n = Number(opts.windowEvents);
    if (!Number.isInteger(n) || n < 1)
      return fail(`--window-events ${opts.windowEvents}: expected a whole number from 1`);
    window.maxEvents = n;
  }
  let retentionMs: number | undefined;
  if (opts.retain !== undefined) {
    const d = parseDuration(opts.retain);
    if (!d.ok || d.value <= 0) return fail(`--retain ${opts.retain}: expected a positive duration, e.g. 30d or 12h`);
    retentionMs = d.value;
  }
  if (opts.instance !== undefined && !/^\S{1,200}$/.test(opts.instance))
    return fail(`--instance ${JSON.stringify(opts.instance)}: expected a name of 1 to 200 characters without spaces`);
  // Any other scheme would be taken for a file name and create a stray SQLite file.
  if (opts.db !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(opts.db) && !isPostgresUrl(opts.db))
    return fail(`--db ${opts.db}: expected a postgres:// URL or the path of an SQLite file`);
  const badWebhook = opts.webhook?.find((u) => !URL.canParse(u) || !/^https?:$/.test(new URL(u).protocol));
  if (badWebhook !== undefined) return fail(`--webhook ${badWebhook}: expected an http:// or https:// URL`);

  // The service validates every event with the same schemas: zod's compiled fast paths pay off here.
  config({ jitless: false });
  const systems: System[] = [];
  for (const path of paths) {
    const system = await loadSystem([path]);
    if (hasErrors(system.diagnostics)) {
      process.stderr.write(`${system.diagnostics.map(formatDiagnostic).join('\n')}\n`);
      return fail(
        `${system.name} is not valid; nothing is served (\`dovetail validate ${path}\` shows the same problems)`,
      );
    }
    const problem = proxy && modelProblem(system, proxy);
    if (problem) return fail(problem);
    systems.push(system);
  }
  const webhooks = new Map<string, Webhook[]>();
  for (const system of systems) {
    const hooks = systemWebhooks(system, opts.webhook ?? []);
    if (typeof hooks === 'string') return fail(hooks);
    webhooks.set(system.name, hooks);
  }
  const metrics = new PrometheusMetrics(systems.map((s) => s.name));
  const listeners: MonitorListener[] = [metrics];
  if ([...webhooks.values()].some((hooks) => hooks.length))
    listeners.push(new WebhookAlerts((system) => webhooks.get(system) ?? []));
  const warn = (message: string) => process.stderr.write(`dovetail: ${message}\n`);
  const served = await serveSystems(systems, { db: opts.db, instance: opts.instance, warn });
  const app = await buildApp({
    systems: served.systems,
    version: packageVersion(),
    window,
    retentionMs,
    proxy,
    listeners,
    metrics,
  }).catch(async (e) => {
    await served.close();
    throw e;
  });
  let url: string;
  try {
    url = await app.listen({ port, host: opts.host });
  } catch (e) {
    await served.close();
    throw e;
  }
  process.stdout.write(`dovetail serve: listening on ${url} (${served.systems.map((s) => s.name).join(', ')})\n`);
  if (proxy) process.stdout.write(`dovetail serve: forwarding to ${proxy.url} (${proxy.protocol})\n`);

  // Finish the requests in flight (their events are then stored), close the stores, exit; a second
  // signal exits at once.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`dovetail serve: ${signal}, stopping\n`);
    await app.close();
    await served.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
