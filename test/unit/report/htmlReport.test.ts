import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toHtml } from '../../../src/core/report/htmlReport';
import { FINDINGS, IMG, SCRIPT, hostileScan } from '../../fixtures/report/hostileScan';

const r = hostileScan();
const html = toHtml(r);

const ALLOWED_TAGS = new Set([
  '!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'main', 'footer', 'section',
  'h1', 'h2', 'h3', 'p', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'span', 'div',
]);
const ALLOWED_ATTRS = new Set(['lang', 'charset', 'name', 'content', 'http-equiv', 'class', 'href', 'title']);

/** Every tag in the document, with its attribute names. */
function tags(doc: string): { name: string; attrs: string[] }[] {
  const out: { name: string; attrs: string[] }[] = [];
  for (const m of doc.matchAll(/<\/?([!a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const attrs = [...m[2].matchAll(/([a-zA-Z-]+)=("[^"]*"|'[^']*'|\S+)/g)].map((a) => a[1].toLowerCase());
    out.push({ name: m[1].toLowerCase(), attrs });
  }
  return out;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

test('is a standalone document with inline CSS only and a CSP that forbids everything else', () => {
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">'));
  assert.ok(html.trimEnd().endsWith('</html>'));
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.ok(!/<(script|link|img|iframe|object|embed)\b/i.test(html));
  assert.ok(!/url\(|@import/i.test(html));
});

test('contains no tag or attribute that comes from the data', () => {
  for (const t of tags(html)) {
    assert.ok(ALLOWED_TAGS.has(t.name), `unexpected tag <${t.name}>`);
    for (const a of t.attrs) assert.ok(ALLOWED_ATTRS.has(a), `unexpected attribute ${a} on <${t.name}>`);
  }
  for (const m of html.matchAll(/href="([^"]*)"/g)) assert.match(m[1], /^https:\/\//);
});

test('hostile strings are shown escaped, not dropped', () => {
  assert.ok(html.includes('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;'));
  const text = unescape(html);
  assert.ok(text.includes(`Principal "*" may invoke ${SCRIPT}\nsecond line | with a pipe`));
  assert.ok(text.includes(`Evil${IMG}`));
  assert.ok(text.includes(`suppressed: legacy bucket ${SCRIPT} & "quoted"`));
  assert.ok(text.includes(r.errors[0].message));
  assert.ok(text.includes('fix: Add SourceArn <b>and</b> SourceAccount.'));
});

test('every finding gets a row, grouped by file and sorted by line', () => {
  assert.equal((html.match(/<tr class="(sev-\w+|suppressed)">/g) ?? []).length, FINDINGS.length);
  const order = [...html.matchAll(/<td class="pos">([^<]*)<\/td><td><span/g)].map((m) => m[1]);
  assert.deepEqual(order, ['12:1', '3:5', '41:7', '52:9', '-', '-']);
  const headings = [...html.matchAll(/<h3 class="file">([^<]*)<\/h3>/g)].map((m) => unescape(m[1]));
  assert.deepEqual(headings, [
    'cdk/lib/stack <x>.ts',
    'infra/template.yaml',
    'arn:aws:lambda:eu-west-1:123456789012:function:Thumbs',
    'arn:aws:lambda:us-east-1:123456789012:function:Resizer (Resizer, us-east-1)',
  ]);
});

test('suppressed rows are marked and counts exclude them', () => {
  assert.match(html, /<tr class="suppressed"><td class="pos">52:9<\/td>/);
  assert.ok(html.includes('<li class="sev-error">1 error</li>'));
  assert.ok(html.includes('<li class="sev-warning">3 warnings</li>'));
  assert.ok(html.includes('<li class="muted">1 suppressed</li>'));
  assert.ok(html.includes('<li class="muted">2 scan errors</li>'));
});

test('rule ids are plain text with the rule title, never a link to a page that is not served', () => {
  const out = toHtml(hostileScan());
  assert.ok(out.includes('<td title="Anyone may invoke the function">LG006</td>'));
  assert.ok(!/<a href/.test(out));
});
