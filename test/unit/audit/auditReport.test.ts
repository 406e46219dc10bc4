import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAccess } from '../../../src/core/access/analyzeAccess';
import { auditSnapshot } from '../../../src/core/audit/auditAccount';
import { auditSnapshotAsync } from '../../../src/core/audit/auditAsync';
import { auditToJson, collectErrorPlace } from '../../../src/core/audit/auditReport';
import { auditSummaryLine, auditToText } from '../../../src/core/audit/auditText';
import { functionConsoleUrl, roleConsoleUrl } from '../../../src/core/audit/consoleUrl';
import { liveFindingsFor } from '../../../src/core/audit/liveFindings';
import type { CollectError } from '../../../src/core/inventory/accountModel';
import { ALL_RULES } from '../../../src/core/rules/registry';
import { ACCOUNT, doc, fn, FN, lambdaEni, role, snapshot, textAt } from './auditBuilders';

// The audit of a whole snapshot and its reports: the `audit --format json` contract (ARCHITECTURE.md),
// the text for people, and the chunked variant the editor uses.

const RULES = ALL_RULES.map((r) => r.meta);
const DENIED: CollectError = {
  service: 'lambda',
  operation: 'GetPolicy',
  region: 'us-east-1',
  resource: 'quiet',
  kind: 'denied',
  message: 'not authorized to perform lambda:GetPolicy',
  missingPermission: 'lambda:GetPolicy',
};

function account() {
  const open = fn('open', {
    resourcePolicy: doc(
      { Sid: 'one', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: `${FN}open` },
      { Sid: 'two', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: `${FN}open` },
    ),
  });
  const quiet = fn('quiet');
  const s = snapshot({ functions: [quiet, open], roles: [role('open-role'), role('quiet-role')] });
  s.errors = [DENIED];
  return s;
}

test('audit JSON: contract keys first and in order; a function has every contract key; AWS errors in full', () => {
  const s = account();
  const json = JSON.parse(auditToJson(auditSnapshot(s, RULES, { access: analyzeAccess(s) }), '9.9.9'));
  assert.deepEqual(Object.keys(json).slice(0, 4), ['tool', 'findings', 'errors', 'functions']);
  assert.deepEqual(json.tool, { name: 'lambda-guard', version: '9.9.9' });
  // Sorted by region, then name.
  assert.deepEqual(json.functions.map((f: { name: string }) => f.name), ['open', 'quiet']);
  const keys = ['name', 'arn', 'region', 'role', 'runtime', 'triggers', 'permissions', 'url', 'vpc', 'whoCanModify', 'whoCanInvoke', 'source'];
  assert.deepEqual(Object.keys(json.functions[0]), keys);
  const open = json.functions[0];
  assert.equal(open.arn, `${FN}open`);
  assert.equal(open.role, `arn:aws:iam::${ACCOUNT}:role/open-role`);
  assert.equal(open.url, null);
  assert.equal(open.vpc, null);
  assert.equal(open.source, null);
  assert.ok(open.whoCanInvoke.some((g: { principal: string }) => g.principal === '*'), JSON.stringify(open.whoCanInvoke));
  assert.deepEqual(json.errors, [
    {
      file: 'aws lambda:GetPolicy us-east-1 quiet',
      message: DENIED.message,
      source: 'aws',
      service: 'lambda',
      operation: 'GetPolicy',
      region: 'us-east-1',
      resource: 'quiet',
      kind: 'denied',
      missingPermission: 'lambda:GetPolicy',
    },
  ]);
  assert.equal(json.account.id, ACCOUNT);
  assert.equal(json.summary.functions, 2);
});

test('audit JSON: each finding has target and its own live range, even when two findings share rule and message', () => {
  const s = account();
  const json = JSON.parse(auditToJson(auditSnapshot(s, RULES), '0.1.0'));
  const lg006 = json.findings.filter((f: { ruleId: string }) => f.ruleId === 'LG006');
  // Two public statements: two findings, one on each statement's principal.
  assert.equal(lg006.length, 2, JSON.stringify(json.findings));
  for (const f of lg006) assert.deepEqual(f.target, { arn: `${FN}open`, functionName: 'open', region: 'us-east-1' });
  const ranges = lg006.map((f: { live: { startLine: number } }) => f.live.startLine);
  assert.equal(new Set(ranges).size, 2, `distinct lines expected, got ${ranges.join(', ')}`);
  const text = liveFindingsFor(s.functions[1], s).template.text;
  for (const f of lg006) assert.equal(textAt(text, f.live), '*');
});

test('audit text: the account, each function with role and access, findings with fix hints, errors, summary', () => {
  const s = account();
  const t = auditToText(auditSnapshot(s, RULES, { access: analyzeAccess(s) }), '0.1.0');
  assert.match(t, /^Account 111122223333 · us-east-1 · snapshot · collected 2026-05-01T10:00:00\.000Z\n/);
  assert.match(t, /Incomplete: 1 AWS call failed/);
  assert.match(t, /\nus-east-1\/open {2}nodejs20\.x {2}role open-role\n/);
  // Severity padded to 7 columns, then two spaces; the fix hint under it.
  assert.match(t, /\n {2}error {4}LG006 {2}Anyone may call lambda:InvokeFunction[^\n]*\n {11}↳ fix: /);
  // Reachable from outside (a public permission) with no alarm on it: LG015, info.
  assert.match(t, /\n {2}info {5}LG015 {2}open /);
  assert.match(t, /\nErrors:\n {2}aws lambda:GetPolicy us-east-1 quiet: not authorized/);
  assert.match(t, /✖ 3 problems \(2 errors, 0 warnings, 1 info\) · 1 error \(incomplete\) · 2 functions in 1 region\n$/);
});

test('summary line of a clean, complete audit', () => {
  const s = snapshot({ functions: [fn('quiet')], roles: [role('quiet-role')] });
  assert.equal(auditSummaryLine(auditSnapshot(s, RULES), '0.1.0'), '✔ no problems · 1 function in 1 region');
});

test('auditSnapshotAsync gives the result of auditSnapshot across chunk boundaries (60 functions)', async () => {
  const names = Array.from({ length: 60 }, (_, i) => `fn-${String(i).padStart(2, '0')}`);
  // Every tenth function (0, 10, …, 50) shares one subnet and security group: one ENI for six functions in three chunks.
  const vpc = { vpcId: 'vpc-1', subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] };
  const functions = names.map((n, i) => fn(n, { ...(i % 7 === 0 ? { url: { url: `https://${n}/`, authType: 'NONE' as const } } : {}), ...(i % 10 === 0 ? { vpc } : {}) }));
  const s = snapshot({ functions: functions.reverse(), roles: names.map((n) => role(`${n}-role`)), interfaces: [lambdaEni('eni-1', 'subnet-1', ['sg-1'])] });
  const sync = auditSnapshot(s, RULES);
  const async = await auditSnapshotAsync(s, RULES);
  assert.deepEqual(async.functions, sync.functions);
  const key = (f: { ruleId: string; target?: { functionName?: string } }) => `${f.target?.functionName} ${f.ruleId}`;
  assert.deepEqual(async.findings.map(key).sort(), sync.findings.map(key).sort());
  // Every seventh function (0, 7, …, 56: nine) has a public URL: LG008 each.
  assert.equal(sync.findings.filter((f) => f.ruleId === 'LG008').length, 9);
  assert.equal(async.functions[0].name, 'fn-00');
  assert.deepEqual(async.functions.find((f) => f.name === 'fn-30')?.vpc?.sharedWith, ['fn-00', 'fn-10', 'fn-20', 'fn-40', 'fn-50']);
  assert.deepEqual(async.functions.find((f) => f.name === 'fn-30')?.vpc?.interfaces, ['eni-1']);
});

test('an aborted audit stops early', () => {
  const ac = new AbortController();
  ac.abort();
  const s = snapshot({ functions: [fn('a'), fn('b')] });
  assert.deepEqual(auditSnapshot(s, RULES, { signal: ac.signal }).functions, []);
});

test('collectErrorPlace names service:operation, region and resource, skipping what is unknown', () => {
  assert.equal(collectErrorPlace(DENIED), 'aws lambda:GetPolicy us-east-1 quiet');
  const iam: CollectError = { service: 'iam', operation: 'GetAccountAuthorizationDetails', kind: 'denied', message: 'x' };
  assert.equal(collectErrorPlace(iam), 'aws iam:GetAccountAuthorizationDetails');
});

test('console URLs per partition; names are URL-encoded', () => {
  assert.equal(functionConsoleUrl('aws', 'eu-west-1', 'api'), 'https://eu-west-1.console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/api');
  assert.equal(functionConsoleUrl('aws-cn', 'cn-north-1', 'api'), 'https://console.amazonaws.cn/lambda/home?region=cn-north-1#/functions/api');
  const gov = 'https://console.amazonaws-us-gov.com/lambda/home?region=us-gov-west-1#/functions/a%20b';
  assert.equal(functionConsoleUrl('aws-us-gov', 'us-gov-west-1', 'a b'), gov);
  assert.equal(roleConsoleUrl('aws', `arn:aws:iam::${ACCOUNT}:role/service-role/my-role`), 'https://console.aws.amazon.com/iam/home#/roles/details/my-role');
  assert.equal(roleConsoleUrl('aws-cn', 'arn:aws-cn:iam::123:role/r'), 'https://console.amazonaws.cn/iam/home#/roles/details/r');
});
