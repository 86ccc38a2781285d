import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { highlight, indexWords, queryWords, toTsQuery } from './segmenter.ts';

describe('Chinese segmentation for search', () => {
  it('splits a question into its meaningful words, without stop words', () => {
    assert.deepEqual(queryWords('宽带无法上网怎么办？'), ['宽带', '无法', '上网']);
  });
  it('indexes Latin model names in lower case next to the Chinese words', () => {
    assert.deepEqual(indexWords('华为Mate60光猫').split(' '), ['华为', 'mate60', '光猫']);
  });
  it('builds an any-word tsquery with prefixes for model names, whatever was typed', () => {
    assert.equal(toTsQuery(queryWords("Mate6 宽带 ' | & !")), 'mate6:* | 宽带');
  });
  it('highlights the words found and escapes everything else', () => {
    assert.equal(
      highlight('<b>宽带</b>无法上网', ['宽带', '上网']),
      '&lt;b&gt;<mark>宽带</mark>&lt;/b&gt;无法<mark>上网</mark>',
    );
  });
  it('cuts a window around the first match in a long text', () => {
    const text = '前言'.repeat(100) + '光猫红灯闪烁' + '结尾'.repeat(100);
    const snippet = highlight(text, ['光猫'], 40);
    assert.ok(snippet.startsWith('…') && snippet.endsWith('…'));
    assert.ok(snippet.includes('<mark>光猫</mark>'));
  });
});
