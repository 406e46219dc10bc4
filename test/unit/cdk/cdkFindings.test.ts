import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import type { Finding } from '../../../src/core/model/finding';
import { rangeOfText } from './cdkTestUtil';

const APP = path.resolve(__dirname, '../../../examples/cdk-app');
const readSibling = (p: string): string | undefined => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined);

function scan(rel: string): { text: string; findings: Finding[] } {
  const file = path.join(APP, rel);
  const text = fs.readFileSync(file, 'utf8');
  const r = analyzeText(text, file, { readSibling });
  assert.deepEqual(r.errors, []);
  assert.equal(r.skipped, false);
  return { text, findings: r.findings };
}

const on = (findings: Finding[], ruleId: string, line: number): Finding[] => findings.filter((f) => f.ruleId === ruleId && f.location!.startLine === line);

test('orders stack: findings sit on the construct lines, with the smallest range', () => {
  const { text, findings } = scan('lib/orders-stack.ts');
  const authType = rangeOfText(text, 'lambda.FunctionUrlAuthType.NONE');
  const lg008 = on(findings, 'LG008', authType.startLine);
  assert.equal(lg008.length, 1);
  assert.deepEqual({ ...lg008[0].location, file: undefined }, { ...authType, file: undefined });
  assert.equal(lg008[0].resource, 'PaymentWebhook');

  const snsPrincipal = rangeOfText(text, "principal: new iam.ServicePrincipal('sns.amazonaws.com'),\n    });\n    report");
  assert.equal(on(findings, 'LG007', snsPrincipal.startLine).length, 1);
  const anyone = rangeOfText(text, 'new iam.AnyPrincipal()');
  const lg006 = on(findings, 'LG006', anyone.startLine);
  assert.equal(lg006.length, 1);
  assert.equal(lg006[0].location!.startColumn, anyone.startColumn);

  const legacy = rangeOfText(text, 'LEGACY_REPORT_ACTIONS', 1);
  assert.equal(on(findings, 'LG001', legacy.startLine).length, 1, 's3:* from a sibling constant, reported at the spread');
  assert.equal(on(findings, 'LG012', legacy.startLine).length, 1);
  const admin = rangeOfText(text, "'AdministratorAccess'");
  const lg009 = on(findings, 'LG009', admin.startLine);
  assert.equal(lg009.length, 1);
  assert.equal(lg009[0].severity, 'error');
  assert.equal(on(findings, 'LG010', rangeOfText(text, 'new iam.AccountPrincipal(PARTNER_ACCOUNT_ID)').startLine).length, 1);
  assert.equal(on(findings, 'LG004', rangeOfText(text, "actions: ['iam:PassRole']").startLine).length, 1);
  assert.equal(on(findings, 'LG003', rangeOfText(text, 'notActions').startLine).length, 1);
  assert.equal(on(findings, 'LG005', rangeOfText(text, "'lambda:UpdateFunctionCode'").startLine).length, 1);
  assert.equal(on(findings, 'LG014', rangeOfText(text, 'DB_PASSWORD').startLine).length, 1);
  assert.equal(on(findings, 'LG011', rangeOfText(text, '[SECRET_READ]').startLine).length, 1);
});

test('orders stack: the clean constructs stay clean and the comment suppresses', () => {
  const { text, findings } = scan('lib/orders-stack.ts');
  const lines = (from: string, to: string): [number, number] => [rangeOfText(text, from).startLine, rangeOfText(text, to).startLine];
  const [apiStart, apiEnd] = lines("new NodejsFunction(this, 'OrdersApi'", "sourceArn: topic.topicArn");
  assert.deepEqual(findings.filter((f) => f.location!.startLine >= apiStart && f.location!.startLine <= apiEnd), []);
  const deny = rangeOfText(text, 'effect: iam.Effect.DENY').startLine;
  assert.deepEqual(findings.filter((f) => Math.abs(f.location!.startLine - deny) <= 3), []);
  const exportsLine = rangeOfText(text, "uploads.arnForObjects('exports/*')").startLine;
  assert.deepEqual(findings.filter((f) => f.location!.startLine === exportsLine), [], 'arnForObjects is not all resources');
  const suppressed = findings.filter((f) => f.suppressed);
  assert.deepEqual(suppressed.map((f) => [f.ruleId, f.location!.startLine, f.suppression?.kind]), [['LG007', rangeOfText(text, "'LegacyTopicInvoke'").startLine, 'comment']]);
});

test('L1 stack and custom construct: template-equivalent findings', () => {
  const l1 = scan('lib/legacy-billing-stack.ts');
  const ids = (fs: Finding[]) => [...new Set(fs.map((f) => `${f.ruleId}@${f.location!.startLine}`))];
  const at = (needle: string) => rangeOfText(l1.text, needle).startLine;
  const got = ids(l1.findings);
  for (const want of [`LG001@${at("Action: '*'")}`, `LG008@${at("authType: 'NONE'")}`, `LG006@${at("principal: '*'")}`, `LG013@${at("'lambda:UpdateFunctionConfiguration'")}`, `LG014@${at('LEDGER_API_TOKEN')}`]) {
    assert.ok(got.includes(want), `${want} in ${got.join(' ')}`);
  }
  assert.equal(l1.findings.filter((f) => f.location!.startLine === at("'logs:CreateLogStream'")).length, 0);
  const ingest = scan('lib/constructs/ingest-function.ts');
  const ia = (needle: string) => rangeOfText(ingest.text, needle).startLine;
  assert.equal(on(ingest.findings, 'LG001', ia("addActions('kinesis:*')")).length, 1);
  assert.equal(on(ingest.findings, 'LG007', ia("grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'))")).length, 1);
  assert.equal(ingest.findings.filter((f) => f.location!.startLine === ia("new iam.ServicePrincipal('s3.amazonaws.com')")).length, 0);
});

test('a TypeScript file that does not import the CDK is skipped silently', () => {
  const r = analyzeText(fs.readFileSync(path.join(APP, 'lib/config.ts'), 'utf8'), path.join(APP, 'lib/config.ts'));
  assert.equal(r.skipped, true);
  assert.deepEqual(r.findings, []);
});
