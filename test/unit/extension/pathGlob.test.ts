import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globToRegExp, inScope } from '../../../src/extension/workspace/pathGlob';

test('globs match workspace-relative paths like VS Code settings do', () => {
  assert.ok(globToRegExp('**/*.{yaml,yml}').test('template.yaml'));
  assert.ok(globToRegExp('**/*.{yaml,yml}').test('a/b/template.yml'));
  assert.ok(!globToRegExp('**/*.{yaml,yml}').test('a/b/template.json'));
  assert.ok(globToRegExp('**/node_modules/**').test('node_modules/x/t.yaml'));
  assert.ok(globToRegExp('**/node_modules/**').test('a/node_modules/x/t.yaml'));
  assert.ok(!globToRegExp('src/*.ts').test('src/a/b.ts'));
  assert.ok(globToRegExp('src/?.ts').test('src/a.ts'));
  assert.ok(globToRegExp('[ab].json').test('a.json') && !globToRegExp('[!ab].json').test('a.json'));
  assert.ok(globToRegExp('a.b').test('a.b') && !globToRegExp('a.b').test('axb'));
});

test('inScope applies include, then exclude', () => {
  const inc = ['**/*.{yaml,yml,json}', '**/*.ts'];
  const exc = ['**/node_modules/**', '**/*.d.ts', '**/cdk.out/**'];
  assert.equal(inScope('infra/template.yaml', inc, exc), true);
  assert.equal(inScope('lib/stack.ts', inc, exc), true);
  assert.equal(inScope('lib/stack.d.ts', inc, exc), false);
  assert.equal(inScope('cdk.out/App.template.json', inc, exc), false);
  assert.equal(inScope('README.md', inc, exc), false);
});
