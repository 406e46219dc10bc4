import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cdkQuickFixes } from '../../../src/core/fixes/cdkFixes';
import { applyEdits } from '../../../src/core/fixes/fixTypes';
import { verifyFix } from '../../../src/core/fixes/verifyFix';
import { analyzeText } from '../../../src/core/scan/analyzeText';

const STACK = `import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export class S extends Stack {
  constructor(scope: any, id: string) {
    super(scope, id);
    const fn = new lambda.Function(this, 'Fn', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
    fn.addPermission('FromSns', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
    });
    fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
  }
}
`;

test('CDK: adding sourceArn to addPermission removes LG007 and keeps the file valid', () => {
  const f = analyzeText(STACK, 'lib/s.ts').findings.find((x) => x.ruleId === 'LG007')!;
  assert.ok(f, 'LG007 found');
  const fixes = cdkQuickFixes(STACK, f);
  assert.deepEqual(fixes.map((x) => x.title.split(' (')[0]), ['Add sourceArn', 'Add sourceAccount']);
  const fixed = applyEdits(STACK, fixes[0].edits);
  assert.match(fixed, /principal: new iam\.ServicePrincipal\('sns\.amazonaws\.com'\),\n {6}sourceArn: 'arn:aws:sns:REGION:ACCOUNT:TOPIC',\n/);
  assert.equal(fixed.slice(fixes[0].select!.start, fixes[0].select!.end), 'arn:aws:sns:REGION:ACCOUNT:TOPIC');
  assert.ok(verifyFix(STACK, 'lib/s.ts', f, fixes[0]));
  assert.ok(!analyzeText(fixed, 'lib/s.ts').findings.some((x) => x.ruleId === 'LG007'));
});

test('CDK: FunctionUrlAuthType.NONE becomes AWS_IAM and LG008 is gone', () => {
  const f = analyzeText(STACK, 'lib/s.ts').findings.find((x) => x.ruleId === 'LG008')!;
  const [fix] = cdkQuickFixes(STACK, f);
  const fixed = applyEdits(STACK, fix.edits);
  assert.match(fixed, /authType: lambda\.FunctionUrlAuthType\.AWS_IAM \}/);
  assert.ok(verifyFix(STACK, 'lib/s.ts', f, fix));
});
