import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, escapeMarkdown, oneLine } from '../../../src/core/report/escape';

test('escapeHtml escapes the five significant characters', () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  assert.equal(escapeHtml('plain text'), 'plain text');
});

test('oneLine folds line breaks and shows other control characters as visible escapes, ANSI included', () => {
  assert.equal(oneLine('a\nb\r\n\tc'), 'a b c');
  assert.equal(oneLine('red\u001b[31m!'), 'red\\u001B[31m!');
  assert.equal(oneLine('x\u2028y'), 'x y');
});

test('escapeMarkdown neutralises table pipes, emphasis, links and raw HTML', () => {
  const out = escapeMarkdown('a | b *c* [l](javascript:x) <script>\nnext `code`');
  assert.equal(out, 'a \\| b \\*c\\* \\[l\\]\\(javascript:x\\) &lt;script&gt; next \\`code\\`');
  assert.ok(!/(^|[^\\])\|/.test(out), 'no unescaped pipe');
});

