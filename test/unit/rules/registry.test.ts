import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES, ruleById } from '../../../src/core/rules/registry';
import { emptyModel } from '../../../src/core/model/templateModel';

const DOCS = path.join(__dirname, '..', '..', '..', 'docs', 'rules');

test('registry: LG001–LG017 in order, unique, with complete metadata', () => {
  assert.deepEqual(ALL_RULES.map((r) => r.meta.id), Array.from({ length: 17 }, (_, i) => `LG${String(i + 1).padStart(3, '0')}`));
  assert.equal(new Set(ALL_RULES.map((r) => r.meta.name)).size, ALL_RULES.length);
  for (const { meta } of ALL_RULES) {
    assert.match(meta.name, /^[A-Z][A-Za-z]+$/, meta.id);
    for (const field of [meta.title, meta.description, meta.fixHint]) assert.ok(field.length > 10, `${meta.id}: ${field}`);
    assert.equal(meta.docPath, `docs/rules/${meta.id}.md`);
    assert.ok(fs.existsSync(path.join(DOCS, `${meta.id}.md`)), `${meta.docPath} exists`);
    assert.ok(meta.severities.includes(meta.defaultSeverity), `${meta.id}: default severity among its severities`);
  }
});

// Written from the rule table in ARCHITECTURE.md and the docs pages, not from the rules' code.
test('registry: each rule lists every severity its findings can take', () => {
  const want: Record<string, string[]> = {
    LG001: ['error', 'warning'], LG002: ['warning', 'info'], LG003: ['warning'], LG004: ['error'], LG005: ['error'], LG006: ['error'], LG007: ['warning'],
    LG008: ['warning'], LG009: ['error', 'warning'], LG010: ['warning', 'info'], LG011: ['warning', 'info'], LG012: ['warning'], LG013: ['warning'], LG014: ['warning'],
    LG015: ['info'], LG016: ['warning'], LG017: ['warning'],
  };
  assert.deepEqual(Object.fromEntries(ALL_RULES.map((r) => [r.meta.id, [...r.meta.severities]])), want);
});

test('registry: ruleById is case-insensitive and undefined for unknown ids', () => {
  assert.equal(ruleById('lg007')?.meta.name, 'ServicePrincipalWithoutSource');
  assert.equal(ruleById('LG099'), undefined);
});

test('registry: every rule has a docs page with what / why / fix (YAML and CDK) / suppress sections', () => {
  for (const { meta } of ALL_RULES) {
    const page = fs.readFileSync(path.join(DOCS, `${meta.id}.md`), 'utf8');
    assert.ok(page.startsWith(`# ${meta.id} `), meta.id);
    for (const h of ['## What it flags', '## Why it matters', '## How to fix', '## How to suppress', '```yaml', '```ts', `lambda-guard-ignore ${meta.id}`])
      assert.ok(page.includes(h), `${meta.id} lacks ${h}`);
    assert.ok(page.includes(meta.name), `${meta.id} page names ${meta.name}`);
  }
});

test('registry: every rule accepts an empty model', () => {
  for (const rule of ALL_RULES) assert.deepEqual(rule.check(emptyModel('x.yaml', 'cloudformation')), []);
});
