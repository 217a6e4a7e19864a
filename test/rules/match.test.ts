import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { affirms, isPlaceholder, labelKey, mentions, plainWords, typesCompatible } from '../../src/rules/match.js';

describe('match', () => {
  test('types: integers fit floats, categories travel as strings, `other` and unstated compare with anything', () => {
    assert.ok(typesCompatible('integer', 'float'));
    assert.ok(!typesCompatible('float', 'integer'));
    assert.ok(typesCompatible('category', 'string') && typesCompatible('string', 'category'));
    assert.ok(typesCompatible('other', 'float'));
    assert.ok(typesCompatible('boolean', 'other'));
    assert.ok(typesCompatible(undefined, 'float'));
    assert.ok(!typesCompatible('float', 'boolean'));
  });
  test('mentions: whole words, no case or punctuation', () => {
    assert.equal(mentions('Down-sampled the majority class', ['downsampled', 'down sampled']), 'down sampled');
    assert.equal(mentions('PSI per feature', ['psi']), 'psi');
    assert.equal(mentions('epsilon', ['psi']), undefined);
    assert.equal(mentions(undefined, ['psi']), undefined);
    assert.equal(plainWords('No public-cloud'), ' no public cloud ');
  });
  test('affirms: a mention not negated by the few words before it', () => {
    assert.equal(affirms('contains patient records', ['patient']), 'patient');
    assert.equal(affirms('holds no personal data', ['personal data']), undefined);
    assert.equal(affirms('without any identifiable personal data', ['personal data']), undefined);
    assert.equal(affirms('no logs are kept, but full names are', ['full names']), 'full names');
  });
  test('labels compare without case or surrounding spaces', () => {
    assert.equal(labelKey(' Fraud '), labelKey('fraud'));
  });
  test('placeholders say nothing', () => {
    for (const text of [undefined, '', 'n/a', 'NA', 'None.', '-', 'TBD', '?', 'unknown'])
      assert.ok(isPlaceholder(text), text);
    assert.ok(!isPlaceholder('a missed delay costs a rebooking'));
  });
});
