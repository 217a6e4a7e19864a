// The command line as a user runs it: help, init, schema, TEC import and export.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { unzipSync, zipSync } from 'fflate';
import { KIND_IDS } from '../../src/descriptors/kinds/index.js';
import { loadSystem } from '../../src/descriptors/load.js';
import { TEC_NICE_NAMES } from '../../src/descriptors/tec/names.js';
import { dovetail, EXAMPLE, ROOT, tempDir } from '../helpers.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'tec');

/** A TEC project export zip, built from the fixtures of one version, named as TEC names its files. */
function tecZip(version: string, project: string): string {
  const entries: Record<string, Uint8Array> = {};
  for (const kind of KIND_IDS) {
    entries[`${project} - ${TEC_NICE_NAMES[kind]}.json`] = readFileSync(join(FIXTURES, version, `${kind}.json`));
  }
  const path = join(tempDir(), `${project}.zip`);
  writeFileSync(path, zipSync(entries));
  return path;
}

describe('dovetail --help', () => {
  test('lists every command with a one-line description', () => {
    const r = dovetail(['--help']);
    assert.equal(r.code, 0);
    for (const command of ['init', 'validate', 'schema', 'import', 'export']) {
      assert.match(r.stdout, new RegExp(`^  ${command} .*\\S`, 'm'), command);
    }
  });

  test('an unknown command fails with usage help', () => {
    const r = dovetail(['frobnicate']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /unknown command/);
  });
});

describe('dovetail init', () => {
  test('writes dovetail.yaml and one commented descriptor per kind that validate', () => {
    const dir = join(tempDir(), 'new-system');
    const r = dovetail(['init', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(dir).sort(), ['dovetail.yaml', ...KIND_IDS.map((k) => `${k}.yaml`)].sort());
    const model = readFileSync(join(dir, 'trained-model.yaml'), 'utf8');
    assert.match(model, /^# yaml-language-server: \$schema=.*schemas\/trained-model\.schema\.json$/m);
    assert.match(model, /Owned by the data scientist/);
    assert.match(model, /# Memory \(RAM\) the model needs to serve\./);
    const v = dovetail(['validate', dir, '--format', 'json']);
    assert.equal(v.code, 0, v.stdout);
    const out = JSON.parse(v.stdout);
    assert.equal(out.valid, true);
    assert.equal(out.descriptors.length, 8);
    assert.deepEqual(out.diagnostics, []);
  });

  test('the $schema line points at a schema file that exists', () => {
    const dir = join(tempDir(), 'schema-link');
    dovetail(['init', dir]);
    const line = readFileSync(join(dir, 'raw-data.yaml'), 'utf8').split('\n')[0] ?? '';
    const target = line.replace('# yaml-language-server: $schema=', '');
    assert.ok(existsSync(join(dir, target)), target);
  });

  test('refuses to overwrite existing files', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trained-model.yaml'), 'kind: trained-model\nname: mine\n');
    const r = dovetail(['init', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /refusing to overwrite .*trained-model\.yaml/);
    assert.equal(readFileSync(join(dir, 'trained-model.yaml'), 'utf8'), 'kind: trained-model\nname: mine\n');
    assert.equal(existsSync(join(dir, 'dovetail.yaml')), false);
  });
});

describe('dovetail schema', () => {
  test('prints the JSON Schema of a kind', () => {
    const r = dovetail(['schema', 'trained-model']);
    assert.equal(r.code, 0);
    const s = JSON.parse(r.stdout);
    assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.ok(s.properties.computing_resource_reqs);
  });

  test('lists the kinds, and rejects an unknown one', () => {
    assert.match(dovetail(['schema']).stdout, /production-environment +Production environment \(owned by operations\)/);
    const r = dovetail(['schema', 'model']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown kind "model"/);
  });
});

describe('TEC input and output', () => {
  for (const version of ['1.0', '1.1', '1.2']) {
    test(`a TEC ${version} project zip loads as one system named after the zip`, async () => {
      const zip = tecZip(version, 'card-fraud');
      const system = await loadSystem([zip]);
      assert.equal(system.name, 'card-fraud');
      assert.deepEqual(
        system.diagnostics.filter((d) => d.severity === 'error'),
        [],
      );
      assert.deepEqual(system.descriptors.map((d) => d.kind).sort(), [...KIND_IDS].sort());
      assert.ok(system.descriptors.every((d) => d.format === `tec-${version}`));
      assert.ok(system.descriptors.every((d) => d.file.startsWith('card-fraud.zip!card-fraud - ')));
    });
  }

  test('validate takes a folder of TEC documents and reports warnings at TEC lines', () => {
    const r = dovetail(['validate', join(FIXTURES, '1.2'), '--format', 'json']);
    assert.equal(r.code, 0, r.stdout);
    const out = JSON.parse(r.stdout);
    const warning = out.diagnostics.find((d: { file: string; message: string }) => /data_steward/.test(d.message));
    assert.ok(warning, JSON.stringify(out.diagnostics));
    const text = readFileSync(join(FIXTURES, '1.2', 'raw-data.json'), 'utf8');
    assert.equal(warning.line, text.slice(0, text.indexOf('"data_steward"')).split('\n').length);
  });

  test('import tec writes a Dovetail system that validates, and refuses to overwrite it', () => {
    const out = join(tempDir(), 'imported');
    const r = dovetail(['import', 'tec', tecZip('1.0', 'legacy'), '--out', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), ['dovetail.yaml', ...KIND_IDS.map((k) => `${k}.yaml`)].sort());
    assert.match(readFileSync(join(out, 'dovetail.yaml'), 'utf8'), /name: legacy/);
    const v = dovetail(['validate', out]);
    assert.equal(v.code, 0, v.stdout);
    const again = dovetail(['import', 'tec', tecZip('1.0', 'legacy'), '--out', out]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /refusing to overwrite/);
  });

  test('export tec writes TEC 1.2 documents named as TEC names them, which load back the same', async () => {
    const zip = join(tempDir(), 'flight-delays.zip');
    const r = dovetail(['export', 'tec', EXAMPLE, '--out', zip]);
    assert.equal(r.code, 0, r.stderr);
    const entries = unzipSync(readFileSync(zip));
    assert.deepEqual(
      Object.keys(entries).sort(),
      KIND_IDS.map((k) => `flight-delays - ${TEC_NICE_NAMES[k]}.json`).sort(),
    );
    for (const data of Object.values(entries)) assert.equal(JSON.parse(new TextDecoder().decode(data)).version, '1.2');
    const original = await loadSystem([EXAMPLE]);
    const back = await loadSystem([zip]);
    assert.deepEqual(
      back.diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    for (const d of original.descriptors) {
      const twin = back.descriptors.find((b) => b.kind === d.kind);
      assert.deepEqual(twin?.data, d.data, `${d.kind} changed in the round trip`);
    }
  });

  test('export refuses an invalid system and writes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dovetail.yaml'), 'dovetail: 1\nname: broken\n');
    writeFileSync(join(dir, 'model.yaml'), 'kind: trained-model\nname: m\ninference_time: fast\n');
    const zip = join(dir, 'out.zip');
    const r = dovetail(['export', 'tec', dir, '--out', zip]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /model\.yaml:3:\d+ error \/inference_time/);
    assert.equal(existsSync(zip), false);
  });
});
