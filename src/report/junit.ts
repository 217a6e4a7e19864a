// JUnit XML for CI dashboards: a test suite per category, a test case per rule that ran. A rule
// fails when it has findings at or above `--fail-on`; its other findings are printed as output.
import type { Rule } from '../rules/types.js';
import { type CheckReport, fails } from './model.js';

export function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/gu, '');
}

function testCase(r: CheckReport, rule: Rule): string {
  const findings = r.findings.filter((f) => f.rule === rule.meta.id);
  const failing = findings.filter((f) => fails(f, r.failOn));
  const lines = (list: typeof findings) =>
    list
      .map(
        (f) =>
          `${f.severity}: ${f.message}${f.evidence[0] ? ` (${f.evidence[0].file}${f.evidence[0].line ? `:${f.evidence[0].line}` : ''})` : ''}`,
      )
      .join('\n');
  const name = `${xml(rule.meta.id)}" classname="dovetail.${xml(rule.meta.category)}`;
  if (failing.length) {
    return `    <testcase name="${name}">
      <failure message="${xml(`${failing.length} finding(s)`)}" type="${xml(failing[0]?.severity ?? 'error')}">${xml(lines(failing))}</failure>
    </testcase>`;
  }
  if (findings.length)
    return `    <testcase name="${name}">\n      <system-out>${xml(lines(findings))}</system-out>\n    </testcase>`;
  return `    <testcase name="${name}"/>`;
}

export function renderJunit(r: CheckReport): string {
  const categories = [...new Set(r.rules.map((rule) => rule.meta.category))];
  const suites = categories.map((category) => {
    const rules = r.rules.filter((rule) => rule.meta.category === category);
    const failures = rules.filter((rule) =>
      r.findings.some((f) => f.rule === rule.meta.id && fails(f, r.failOn)),
    ).length;
    return `  <testsuite name="${xml(category)}" tests="${rules.length}" failures="${failures}" errors="0" skipped="0" timestamp="${r.date.slice(0, 19)}">
${rules.map((rule) => testCase(r, rule)).join('\n')}
  </testsuite>`;
  });
  const failures = r.rules.filter((rule) =>
    r.findings.some((f) => f.rule === rule.meta.id && fails(f, r.failOn)),
  ).length;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="${xml(`dovetail ${r.system}`)}" tests="${r.rules.length}" failures="${failures}" errors="0">
${suites.join('\n')}
</testsuites>
`;
}
