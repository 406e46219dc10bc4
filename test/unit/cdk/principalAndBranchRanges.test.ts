// Ranges found by the independent CDK acceptance app: each principal of a multi-line CompositePrincipal
// on its own line, and a stage-dependent `authType: cond ? AWS_IAM : NONE` judged per branch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../../src/core/model/finding';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { FILE, HEADER, rangeOfText } from './cdkTestUtil';

function scan(body: string): { src: string; findings: Finding[] } {
  const src = `${HEADER}export class S extends cdk.Stack {\n  constructor(scope: Construct, id: string) {\n    super(scope, id);\n${body}\n  }\n}\n`;
  const r = analyzeText(src, FILE);
  assert.deepEqual(r.errors, []);
  return { src, findings: r.findings };
}

const lines = (findings: Finding[], ruleId: string): number[] => findings.filter((f) => f.ruleId === ruleId).map((f) => f.location!.startLine);

test('CompositePrincipal written in place: each principal is reported on its own line', () => {
  const { src, findings } = scan(`
    new iam.Role(this, 'Ci', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('codebuild.amazonaws.com'),
        new iam.ArnPrincipal('arn:aws:iam::999988887777:role/github-actions'),
        new iam.AccountPrincipal('111122223333').withConditions({ StringEquals: { 'sts:ExternalId': 'x' } }),
        new iam.AccountPrincipal('444455556666'),
      ),
    });`);
  const arn = rangeOfText(src, "new iam.ArnPrincipal('arn:aws:iam::999988887777");
  const acct = rangeOfText(src, "new iam.AccountPrincipal('444455556666')");
  assert.deepEqual(lines(findings, 'LG010'), [arn.startLine, acct.startLine]);
  const f = findings.find((x) => x.ruleId === 'LG010')!;
  assert.equal(f.location!.startColumn, arn.startColumn);
});

test('a CompositePrincipal held in a const is reported where it is used', () => {
  const { src, findings } = scan(`
    const trusted = new iam.CompositePrincipal(
      new iam.ServicePrincipal('lambda.amazonaws.com'),
      new iam.AccountPrincipal('999988887777'),
    );
    new iam.Role(this, 'A', { assumedBy: trusted });
    new iam.Role(this, 'B', { assumedBy: trusted });`);
  assert.deepEqual(lines(findings, 'LG010'), [rangeOfText(src, 'assumedBy: trusted').startLine, rangeOfText(src, 'assumedBy: trusted', 1).startLine]);
});

test('authType behind a non-constant conditional is judged per branch', () => {
  const { src, findings } = scan(`
    const isProd = this.node.tryGetContext('stage') === 'prod';
    const fn = new lambda.Function(this, 'Ui', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
    fn.addFunctionUrl({ authType: isProd ? lambda.FunctionUrlAuthType.AWS_IAM : lambda.FunctionUrlAuthType.NONE });
    const other = new lambda.Function(this, 'Other', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
    new lambda.FunctionUrl(this, 'OtherUrl', { function: other, authType: isProd ? lambda.FunctionUrlAuthType.AWS_IAM : (this.account === 'x' ? 'NONE' : 'AWS_IAM') });
    const safe = new lambda.Function(this, 'Safe', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
    safe.addFunctionUrl({ authType: isProd ? lambda.FunctionUrlAuthType.AWS_IAM : lambda.FunctionUrlAuthType.AWS_IAM });`);
  const lg008 = findings.filter((f) => f.ruleId === 'LG008');
  assert.equal(lg008.length, 2);
  const none = rangeOfText(src, 'lambda.FunctionUrlAuthType.NONE');
  assert.deepEqual({ ...lg008[0].location, file: undefined }, { ...none, file: undefined });
  assert.match(lg008[0].message, /\(when isProd=false\)$/);
  assert.equal(lg008[0].resource, 'Ui');
  const nested = rangeOfText(src, "'NONE'");
  assert.equal(lg008[1].location!.startColumn, nested.startColumn);
  assert.match(lg008[1].message, /\(when isProd=false, this\.account === 'x'=true\)$/);
});

test('a condition on one CompositePrincipal member does not clear the others (one trust statement each)', () => {
  const { src, findings } = scan(`
    new iam.Role(this, 'Mixed', {
      assumedBy: new iam.CompositePrincipal(
        new iam.AccountPrincipal('111122223333').withConditions({ StringEquals: { 'sts:ExternalId': 'x' } }),
        new iam.AccountPrincipal('444455556666'),
      ),
    });
    new iam.Role(this, 'Wrapped', {
      assumedBy: new iam.CompositePrincipal(new iam.AccountPrincipal('777788889999'), new iam.AccountPrincipal('222233334444')).withConditions({ StringEquals: { 'sts:ExternalId': 'y' } }),
    });
    new iam.Role(this, 'WithIds', {
      assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('lambda.amazonaws.com'), new iam.AccountPrincipal('555566667777')),
      externalIds: ['z'],
    });`);
  assert.deepEqual(lines(findings, 'LG010'), [rangeOfText(src, "new iam.AccountPrincipal('444455556666')").startLine]);
});
