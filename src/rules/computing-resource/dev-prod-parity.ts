// Development against production: where they differ, integration tests and measurements made in
// development say little about production. Each difference has one home:
// - operating systems: here (no other rule compares them);
// - GPUs: here only when the model's need for a GPU is not a declared count (a declared count against
//   production is production-resources' error);
// - versions of the same framework or dependency: here, unless the model names the tool with a
//   version that one of the two environments fails (framework-version reports that).
import type { Descriptor } from '../../descriptors/system.js';
import { findIn, parseTool, toolLists, unmet, versionSatisfies, versionsAgree } from '../tools.js';
import { type RuleContext, rule } from '../types.js';
import { gpuCapableFramework, gpuNeed } from './gpu.js';

interface OsMention {
  id: string;
  name: string;
  group: string;
  version?: string;
}

const SYSTEMS: { id: string; name: string; group: string; re: RegExp }[] = [
  { id: 'ubuntu', name: 'Ubuntu', group: 'linux', re: /\bubuntu\b\s*(\d+(?:\.\d+)?)?/gi },
  { id: 'debian', name: 'Debian', group: 'linux', re: /\bdebian\b\s*(\d+)?/gi },
  {
    id: 'rhel',
    name: 'Red Hat Enterprise Linux',
    group: 'linux',
    re: /\b(?:rhel|red\s*hat(?:\s+enterprise\s+linux)?)\b\s*(\d+(?:\.\d+)?)?/gi,
  },
  { id: 'centos', name: 'CentOS', group: 'linux', re: /\bcentos\b\s*(?:stream\s*)?(\d+)?/gi },
  { id: 'rocky', name: 'Rocky Linux', group: 'linux', re: /\brocky(?:\s*linux)?\b\s*(\d+(?:\.\d+)?)?/gi },
  { id: 'alma', name: 'AlmaLinux', group: 'linux', re: /\balma\s*linux\b\s*(\d+(?:\.\d+)?)?/gi },
  { id: 'fedora', name: 'Fedora', group: 'linux', re: /\bfedora\b\s*(\d+)?/gi },
  { id: 'amazon-linux', name: 'Amazon Linux', group: 'linux', re: /\bamazon\s*linux\b\s*(\d+)?/gi },
  { id: 'alpine', name: 'Alpine', group: 'linux', re: /\balpine\b\s*(\d+(?:\.\d+)?)?/gi },
  { id: 'suse', name: 'SUSE', group: 'linux', re: /\b(?:open\s*suse|suse|sles)\b\s*(\d+(?:\.\d+)?)?/gi },
  { id: 'linux', name: 'Linux', group: 'linux', re: /\blinux\b()/gi },
  { id: 'windows', name: 'Windows', group: 'windows', re: /\bwindows\b(?:\s+server)?\s*(\d+)?/gi },
  { id: 'macos', name: 'macOS', group: 'macos', re: /\b(?:mac\s*os(?:\s*x)?|osx|darwin)\b\s*(\d+(?:\.\d+)?)?/gi },
  { id: 'android', name: 'Android', group: 'android', re: /\bandroid\b\s*(\d+)?/gi },
  { id: 'ios', name: 'iOS', group: 'ios', re: /\bios\b\s*(\d+(?:\.\d+)?)?/gi },
  { id: 'freebsd', name: 'FreeBSD', group: 'bsd', re: /\bfreebsd\b\s*(\d+(?:\.\d+)?)?/gi },
  { id: 'qnx', name: 'QNX', group: 'qnx', re: /\bqnx\b\s*(\d+(?:\.\d+)?)?/gi },
];

/** The operating systems a free-text description mentions, with their versions where given. */
export function operatingSystems(text: string | undefined): OsMention[] {
  if (!text) return [];
  const out: OsMention[] = [];
  for (const s of SYSTEMS)
    for (const m of text.matchAll(s.re))
      out.push({ id: s.id, name: s.name, group: s.group, version: m[1] || undefined });
  return out;
}

const osText = (list: OsMention[]) =>
  [
    ...new Set(
      list
        .filter((o) => o.id !== 'linux' || list.length === 1)
        .map((o) => `${o.name}${o.version ? ` ${o.version}` : ''}`),
    ),
  ].join(', ');

type Dev = Descriptor<'development-environment'>;
type Prod = Descriptor<'production-environment'>;
type Report = RuleContext['report'];

function compareOs(dev: Dev, prod: Prod, report: Report): void {
  const a = operatingSystems(dev.data.operating_system);
  const b = operatingSystems(prod.data.operating_system);
  if (a.length === 0 || b.length === 0) return;
  const cite = [
    { descriptor: dev, path: ['operating_system'] },
    { descriptor: prod, path: ['operating_system'] },
  ];
  const message = (what: string) =>
    `development-environment \`${dev.name}\` runs ${osText(a)}; production-environment \`${prod.name}\` runs ${osText(b)}: ${what}`;
  const groupsB = new Set(b.map((o) => o.group));
  if (!a.some((o) => groupsB.has(o.group))) {
    report({
      message: message('integration tests in development do not exercise the production system'),
      cite,
      key: 'os',
    });
    return;
  }
  const distrosA = a.filter((o) => o.id !== 'linux');
  const distrosB = b.filter((o) => o.id !== 'linux');
  if (distrosA.length === 0 || distrosB.length === 0) return;
  const shared = distrosA.filter((o) => distrosB.some((p) => p.id === o.id));
  if (shared.length === 0) {
    report({
      message: message('different distributions ship different system libraries'),
      cite,
      key: 'os',
      severity: 'info',
    });
    return;
  }
  // The same distribution on both sides in some version: a match, or only different versions.
  const matched = shared.some((o) =>
    distrosB.some((p) => p.id === o.id && (!o.version || !p.version || versionSatisfies(o.version, p.version))),
  );
  if (!matched)
    report({
      message: message('different releases ship different system libraries'),
      cite,
      key: 'os',
      severity: 'info',
    });
}

function compareGpu(dev: Dev, prod: Prod, model: Descriptor<'trained-model'> | undefined, report: Report): void {
  const devGpus = dev.data.computing_resources?.gpu?.count ?? 0;
  const prodGpu = prod.data.computing_resources?.gpu;
  if (!model || devGpus === 0 || prodGpu === undefined || prodGpu.count > 0) return;
  const need = gpuNeed(model);
  if (need?.declared) return; // production-resources: the model needs N GPUs, production has 0
  const capable = gpuCapableFramework(model);
  if (!need?.dependency && !capable) return;
  const cite = [
    { descriptor: dev, path: ['computing_resources', 'gpu'] },
    { descriptor: prod, path: ['computing_resources', 'gpu'] },
    need?.dependency
      ? { descriptor: model, path: need.dependency.path }
      : { descriptor: model, path: ['ml_frameworks', capable?.index ?? 0] },
  ];
  const gpus = `${devGpus} GPU${devGpus > 1 ? 's' : ''}`;
  if (need?.dependency) {
    report({
      message: `the model depends on ${need.dependency.text}; development-environment \`${dev.name}\` has ${gpus}, production-environment \`${prod.name}\` has none: it runs in development and cannot run in production`,
      cite,
      key: 'gpu',
    });
    return;
  }
  report({
    message: `the model uses ${capable?.text}, which runs on a GPU when it finds one; development-environment \`${dev.name}\` has ${gpus}, production-environment \`${prod.name}\` has none: timings and tests from development do not hold in production`,
    cite,
    key: 'gpu',
    severity: 'info',
  });
}

function compareVersions(dev: Dev, prod: Prod, model: Descriptor<'trained-model'> | undefined, report: Report): void {
  const devLists = toolLists(dev);
  const prodLists = toolLists(prod);
  const modelNeeds = model
    ? [...(model.data.ml_frameworks ?? []), ...(model.data.system_dependencies ?? [])].map(parseTool)
    : [];
  const seen = new Set<string>();
  for (const [field, entries] of Object.entries(devLists)) {
    for (const [index, text] of (entries ?? []).entries()) {
      const tool = parseTool(text);
      if (!tool.version || seen.has(tool.key)) continue;
      seen.add(tool.key);
      const other = findIn(prodLists, tool);
      if (!other || other.loose || !other.tool.version || versionSatisfies(tool.version, other.tool.version)) continue;
      // The model pins the tool and one side fails it: framework-version reports that.
      const pinned = modelNeeds.find((r) => r.key === tool.key);
      if (pinned && (unmet(pinned, tool.version) || unmet(pinned, other.tool.version))) continue;
      const minor = versionsAgree(tool.version, other.tool.version, 2);
      report({
        message: `development-environment \`${dev.name}\` has ${text}; production-environment \`${prod.name}\` has ${prodLists[other.field]?.[other.index]}: what integration tests exercised is not what production runs`,
        cite: [
          { descriptor: dev, path: [field, index] },
          { descriptor: prod, path: [other.field, other.index] },
        ],
        key: `version:${tool.key}`,
        // A patch release apart is worth knowing; a minor or major release apart is a likely problem.
        severity: minor ? 'info' : 'warning',
      });
    }
  }
}

export const devProdParity = rule(
  {
    id: 'computing-resource/dev-prod-parity',
    category: 'computing-resource',
    severity: 'warning',
    phases: ['design'],
    roles: ['software-engineer', 'operations'],
    description:
      'The development environment resembles production where it matters for integration tests: the operating system, GPUs the model can use, and the versions of shared frameworks and dependencies.',
    rationale:
      'Integration tests and latency measurements only predict production when they run on the same kind of system. Another OS family, a GPU production lacks, or another release of a framework lets tests pass in development and fail (or slow down) in production. Another distribution or release of the same OS, or a patch-level difference, is information.',
    remedy:
      'Run integration tests on the production image (same OS, same framework and library versions, no GPU if production has none), or align the development environment with production and update both descriptors.',
    tec: [],
    examples: ['M16-01', 'M17-03', 'M03-04', 'M17-04', 'M20-02'],
    needs: ['development-environment', 'production-environment'],
  },
  ({ facts, report }) => {
    for (const prod of facts.all('production-environment')) {
      const model = facts.modelOf(prod);
      const devs = model ? facts.developmentEnvironmentsOf(model) : facts.all('development-environment');
      for (const dev of devs) {
        compareOs(dev, prod, report);
        compareGpu(dev, prod, model, report);
        compareVersions(dev, prod, model, report);
      }
    }
  },
);
