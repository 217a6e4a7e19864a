// Every report format on the example's findings: SARIF against the official 2.1.0 schema, JUnit
// well-formed, HTML and Markdown escaped, JSON as DESIGN §8.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { ValidateFunction } from 'ajv';
import { loadSystem } from '../../src/descriptors/load.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJunit } from '../../src/report/junit.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { type CheckReport, makeReport } from '../../src/report/model.js';
import { renderSarif } from '../../src/report/sarif.js';
import { catalogue } from '../../src/rules/catalogue.js';
import { runRules } from '../../src/rules/engine.js';
import { EXAMPLE, ROOT } from '../helpers.js';

async function exampleReport(): Promise<CheckReport> {
  const system = await loadSystem([EXAMPLE]);
  const result = runRules(system, catalogue);
  return makeReport({
    tool: { name: 'dovetail', version: '0.0.0-test' },
    system: system.name,
    findings: result.findings,
    rules: result.ran,
    failOn: 'error',
    root: system.root,
    projectFile: system.projectFile,
  });
}

describe('SARIF', () => {
  test('validates against the SARIF 2.1.0 JSON Schema', async () => {
    const require = createRequire(import.meta.url);
    const { default: Ajv04 } = require('ajv-draft-04') as {
      default: new (options: object) => { compile(schema: object): ValidateFunction };
    };
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    );
    // The official SARIF 2.1.0 schema is written in JSON Schema draft-04, with one pattern only valid without the u flag.
    const ajv = new Ajv04({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const log = JSON.parse(renderSarif(await exampleReport(), ROOT));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  });

  test('locates results at the descriptor files and lines, relative to where the command runs', async () => {
    const report = await exampleReport();
    const log = JSON.parse(renderSarif(report, ROOT));
    const results = log.runs[0].results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
    assert.equal(results.length, report.findings.length);
    const memory = results.find((r) => r.ruleId === 'computing-resource/production-resources');
    const loc = memory?.locations[0]?.physicalLocation;
    assert.equal(loc?.artifactLocation.uri, 'examples/flight-delays/trained-model.yaml');
    const text = readFileSync(`${EXAMPLE}/trained-model.yaml`, 'utf8');
    const line = text.slice(0, text.indexOf('memory: 6Gi')).split('\n').length;
    assert.equal(loc?.region.startLine, line);
  });
});

describe('JUnit', () => {
  test('one test case per rule that ran, failures for findings at or above --fail-on', async () => {
    const report = await exampleReport();
    const xml = renderJunit(report);
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    assert.equal((xml.match(/<testcase /g) ?? []).length, report.rules.length);
    const failing = new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    assert.equal((xml.match(/<failure /g) ?? []).length, failing.size);
    assert.match(
      xml,
      /<testcase name="computing-resource\/production-resources" classname="dovetail.computing-resource">\s*<failure/,
    );
  });
});

describe('HTML and Markdown', () => {
  const hostile = async (): Promise<CheckReport> => {
    const r = await exampleReport();
    const f = r.findings[0];
    assert.ok(f);
    f.message = '<script>alert(1)</script> | *bold* `code`';
    return r;
  };

  test('HTML is standalone and escapes user text', async () => {
    const page = renderHtml(await hostile());
    assert.match(page, /^<!doctype html>/);
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
    assert.doesNotMatch(page, /<link |src="http/);
  });

  test('Markdown escapes table breaks and HTML', async () => {
    const text = renderMarkdown(await hostile());
    assert.match(text, /\\<script\\>alert\(1\)\\<\/script\\> \\\| \\\*bold\\\* \\`code\\`/);
    assert.match(text, /\| errors \| warnings \| info \| waived \|/);
  });
});
