// Editing descriptor text in place: additions land where they belong, the rest stays as written.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { descriptorEditor } from '../../src/descriptors/edit.js';

const ORDER = ['kind', 'name', 'schema', 'statistics', 'profile'];

describe('descriptorEditor', () => {
  test('keeps CRLF line ends and a missing final newline', () => {
    const crlf = descriptorEditor('a.yaml', 'kind: training-data\r\nname: a\r\n');
    crlf.set([], 'profile', 'p.json', ORDER);
    assert.equal(crlf.text(), 'kind: training-data\r\nname: a\r\nprofile: p.json\r\n');
    const unterminated = descriptorEditor('b.yaml', 'kind: training-data\nname: b');
    unterminated.append([], 'schema', [{ field_name: 'x' }], ORDER);
    assert.equal(unterminated.text(), 'kind: training-data\nname: b\nschema:\n  - field_name: x\n');
  });

  test('a new key goes after the keys before it, ahead of the comments of the next one', () => {
    const editor = descriptorEditor(
      'c.yaml',
      [
        'kind: training-data',
        'schema:',
        '  - field_name: x',
        '# what follows: the profile',
        'profile: p.json',
        '',
      ].join('\n'),
    );
    editor.set([], 'name', 'c', ORDER);
    editor.append([], 'statistics', [{ field: 'x', property: 'mean', value: 1 }], ORDER);
    assert.equal(
      editor.text(),
      [
        'kind: training-data',
        'name: c',
        'schema:',
        '  - field_name: x',
        'statistics:',
        '  - field: x',
        '    property: mean',
        '    value: 1',
        '# what follows: the profile',
        'profile: p.json',
        '',
      ].join('\n'),
    );
  });

  test('refuses to give the text back when an edit changed a written value', () => {
    const editor = descriptorEditor('d.yaml', 'kind: training-data\nname: d\n');
    editor.set([], 'name', 'other', ORDER);
    assert.throws(() => editor.text(), /editing d\.yaml would change what it holds/);
  });
});
