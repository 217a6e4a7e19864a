import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatBytes,
  formatCpu,
  formatDuration,
  formatRate,
  parseBytes,
  parseCpu,
  parseDuration,
  parseRate,
} from '../../src/descriptors/units.js';

const GiB = 2 ** 30;

test('sizes: binary and decimal units, bare numbers are GB', () => {
  assert.equal(parseBytes('16Gi').value, 16 * GiB);
  assert.equal(parseBytes('16 GiB').value, 16 * GiB);
  assert.equal(parseBytes('512MB').value, 512e6);
  assert.equal(parseBytes('512mb').value, 512e6);
  assert.equal(parseBytes('1.5 TB').value, 1.5e12);
  assert.equal(parseBytes(8).value, 8e9);
  assert.equal(parseBytes('8').value, 8e9);
  assert.equal(parseBytes('0').value, 0);
  for (const bad of ['16 gigs', 'lots', '', '-1Gi', 'Gi']) assert.equal(parseBytes(bad).ok, false, bad);
});

test('cpu: cores, millicores, vCPU', () => {
  assert.equal(parseCpu(2).value, 2);
  assert.equal(parseCpu('500m').value, 0.5);
  assert.equal(parseCpu('2 vCPU').value, 2);
  assert.equal(parseCpu('4 cores').value, 4);
  assert.equal(parseCpu('2 GPUs').ok, false);
});

test('durations: units, bare numbers in the field unit', () => {
  assert.equal(parseDuration('250ms').value, 250);
  assert.equal(parseDuration('2s').value, 2000);
  assert.equal(parseDuration('1min').value, 60000);
  assert.equal(parseDuration('1.5 hours').value, 5.4e6);
  assert.equal(parseDuration(120).value, 120);
  assert.equal(parseDuration(30, 'd').value, 30 * 8.64e7);
  assert.equal(parseDuration('30 days', 'd').value, 30 * 8.64e7);
  assert.equal(parseDuration('soon').ok, false);
});

test('rates: per unit of time, rps, bare numbers per second', () => {
  assert.equal(parseRate('50/s').value, 50);
  assert.equal(parseRate('3000/min').value, 50);
  assert.equal(parseRate('7200 per hour').value, 2);
  assert.equal(parseRate('100 rps').value, 100);
  assert.equal(parseRate('120 requests per minute').value, 2);
  assert.equal(parseRate('10/5s').value, 2);
  assert.equal(parseRate(12).value, 12);
  assert.equal(parseRate('often').ok, false);
});

test('formatting picks readable units', () => {
  assert.equal(formatBytes(16 * GiB), '16 GiB');
  assert.equal(formatBytes(8e9), '8 GB');
  assert.equal(formatCpu(0.5), '500m');
  assert.equal(formatCpu(2), '2 cores');
  assert.equal(formatDuration(250), '250ms');
  assert.equal(formatDuration(1500), '1.5s');
  assert.equal(formatDuration(90000), '1.5min');
  assert.equal(formatRate(50), '50/s');
  assert.equal(formatRate(0.5), '30/min');
});
