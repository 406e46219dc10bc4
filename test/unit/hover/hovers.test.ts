import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionHover, looksLikeAction, wildcardHover } from '../../../src/core/hover/actionHover';
import { findingHover } from '../../../src/core/hover/findingHover';
import { ruleMarkdown } from '../../../src/core/hover/ruleMarkdown';
import { expandActionPattern } from '../../../src/core/iam/actionPattern';
import { lookupAction } from '../../../src/core/iam/catalog';
import { ruleById } from '../../../src/core/rules/registry';

test('an action hover shows the dataset facts', () => {
  const info = lookupAction('s3:GetObject')!;
  const h = actionHover('s3:getobject')!;
  assert.ok(h.startsWith(`**s3:GetObject** — ${info.accessLevels.join(', ')}`));
  const types = info.resourceTypes.map((r) => `\`${r.name}\`${r.required ? ' (required)' : ''}`).join(', ');
  assert.ok(info.resourceTypes.some((r) => r.name === 'object'));
  assert.ok(h.includes(`Resource types: ${types}`));
  assert.match(h, /Condition keys: `/);
});

test('names that are not IAM actions get no hover', () => {
  for (const t of ['aws:SourceArn', 'AWS::Region', 'arn:aws', 's3:NoSuchAction', 'hello', 'nosuchsvc:Get*']) assert.equal(actionHover(t), undefined, t);
  assert.equal(looksLikeAction('s3:Get*'), true);
  assert.equal(looksLikeAction('a b:c'), false);
});

test('a wildcard hover counts the actions and lists those that change state, sorted', () => {
  const all = expandActionPattern('sqs:*');
  // An action that is both Permissions management and Write is listed once, under Permissions management.
  const writes = all.filter((a) => a.accessLevels.includes('Write') && !a.accessLevels.includes('Permissions management')).map((a) => `sqs:${a.name}`).sort();
  const h = wildcardHover('sqs:*')!;
  assert.ok(h.startsWith(`**sqs:\\*** matches ${all.length} actions: `), h);
  assert.ok(h.includes(`**Write:** \`${writes[0]}\``));
  assert.match(wildcardHover('sqs:NoSuch*')!, /matches 0 actions: it grants nothing/);
});

test('a finding hover explains why and how, and escapes template text', () => {
  const meta = ruleById('LG007')!.meta;
  const h = findingHover({ ruleId: 'LG007', severity: 'warning', message: 'm', resource: 'Perm`x', suppressed: true, suppression: { kind: 'comment', reason: 'a *b*' } }, meta);
  assert.match(h, /\*\*Why it matters:\*\* /);
  assert.ok(h.includes(meta.fixHint));
  assert.ok(h.includes("`Perm'x`"));
  assert.ok(h.includes('a \\*b\\*'));
  assert.ok(ruleMarkdown(meta).startsWith(`# LG007 — ${meta.title}`));
  assert.match(ruleMarkdown(meta), /# lambda-guard-ignore LG007: <reason>/);
});

// A reader adds the numbers up: per-level counts must sum to the total, even where the dataset gives an
// action two levels (s3:PutBucketPolicy is Permissions management and Write; TagResource is Tagging and Write).
test('wildcard hover: the per-level counts add up to the number of actions matched', () => {
  for (const pattern of ['s3:*', 'sqs:*', 'iam:Tag*', 'lambda:*']) {
    const first = wildcardHover(pattern)!.split('\n')[0];
    const m = /matches (\d+) actions?: (.*)\.$/.exec(first);
    assert.ok(m, first);
    const sum = m[2].split(', ').reduce((n, part) => n + Number(/^(\d+) /.exec(part)![1]), 0);
    assert.equal(sum, Number(m[1]), first);
    assert.equal(Number(m[1]), expandActionPattern(pattern).length);
  }
});
