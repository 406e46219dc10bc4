import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadCdkModel } from '../../../src/core/iac/cdk/loadCdk';
import { HOLE } from '../../../src/core/model/value';
import { HEADER, loadStack, rangeOfText, texts } from './cdkTestUtil';

const actionsOf = (body: string, siblings: Record<string, string> = {}, header = HEADER) => {
  const r = loadStack(body, siblings, header);
  assert.deepEqual(r.errors, []);
  return { ...r, st: r.model.policies[0]?.statements[0] };
};

test('const strings, arrays, spreads and template literals are propagated', () => {
  const { st, src } = actionsOf(`
    const SVC = 's3';
    const READ = [\`\${SVC}:GetObject\`, 's3:ListBucket'];
    const ALL = [...READ, SVC + ':PutObject'];
    const BUCKET = 'orders';
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: [...ALL, 'sqs:SendMessage'],
      resources: [\`arn:aws:s3:::\${BUCKET}/*\`],
    }));`);
  assert.deepEqual(texts(st.actions), ['s3:GetObject', 's3:ListBucket', 's3:PutObject', 'sqs:SendMessage']);
  assert.deepEqual(texts(st.resources), ['arn:aws:s3:::orders/*']);
  // values from a constant point at their use, on the construct's own line
  assert.deepEqual(st.actions![0].range, rangeOfText(src, 'ALL', 1));
  assert.deepEqual(st.actions![3].range, rangeOfText(src, "'sqs:SendMessage'"));
});

test('unknown parts become holes, never wildcards', () => {
  const { st } = actionsOf(`
    const bucket = new cdk.aws_s3.Bucket(this, 'B');
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: props.actions,
      resources: [bucket.bucketArn, bucket.arnForObjects('*'), \`arn:aws:s3:::\${props.name}/*\`, this.account],
    }));`);
  assert.deepEqual(st.actions!.map((a) => a.text), [HOLE]);
  assert.deepEqual(st.resources!.map((r) => r.text), [HOLE, `${HOLE}/*`, `arn:aws:s3:::${HOLE}/*`, HOLE]);
  assert.equal(st.resources![0].origin, 'bucket.bucketArn');
});

test('names that are reassigned or mutated are not trusted', () => {
  const { st } = actionsOf(`
    let action = 's3:GetObject';
    action = 's3:*';
    const list = ['s3:GetObject'];
    list.push('s3:*');
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: [action, ...list], resources: ['*'] }));`);
  assert.deepEqual(st.actions!.map((a) => a.text), [HOLE, HOLE]);
});

test('objects, destructuring, enums, join and this-fields resolve', () => {
  const { st } = actionsOf(`
    const CFG = { actions: { read: 'dynamodb:GetItem' }, tables: ['orders', 'users'] } as const;
    const { tables } = CFG;
    enum Perm { Write = 'dynamodb:PutItem' }
    this.extra = 'dynamodb:Query';
    fn.addToRolePolicy(new iam.PolicyStatement({
      actions: [CFG.actions.read, CFG['actions'].read, Perm.Write, this.extra],
      resources: [tables.join(','), ['a', 'b'].join('/')],
    }));`);
  assert.deepEqual(texts(st.actions), ['dynamodb:GetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
  assert.deepEqual(texts(st.resources), ['orders,users', 'a/b']);
});

test('constants imported from sibling files, re-exports and namespace imports', () => {
  const header = `${HEADER}import { ADMIN, TABLE_ARN } from './config';\nimport * as k from '../shared/keys';\n`;
  const siblings = {
    '/app/lib/config.ts': "export { ADMIN } from './admin';\nconst ACCOUNT = '111122223333';\nexport const TABLE_ARN = `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/orders`;\n",
    '/app/lib/admin.ts': "const A = ['iam:*'];\nexport { A as ADMIN };\n",
    '/app/shared/keys/index.ts': "export const KMS = 'kms:Decrypt';\n",
  };
  const { st, src } = actionsOf(`fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...ADMIN, k.KMS], resources: [TABLE_ARN] }));`, siblings, header);
  assert.deepEqual(texts(st.actions), ['iam:*', 'kms:Decrypt']);
  assert.deepEqual(texts(st.resources), ['arn:aws:dynamodb:eu-west-1:111122223333:table/orders']);
  assert.deepEqual(st.actions![0].range, rangeOfText(src, 'ADMIN', 1));
  assert.deepEqual(st.actions![1].range, rangeOfText(src, 'k.KMS'));
});

test('a missing sibling or no readSibling leaves the import unknown', () => {
  const header = `${HEADER}import { ACTIONS } from './nowhere';\n`;
  const { st } = actionsOf(`fn.addToRolePolicy(new iam.PolicyStatement({ actions: ACTIONS, resources: ['*'] }));`, {}, header);
  assert.deepEqual(st.actions!.map((a) => a.text), [HOLE]);
});

test('import cycles between siblings terminate', () => {
  const header = `${HEADER}import { A } from './a';\n`;
  const siblings = { '/app/lib/a.ts': "import { B } from './b';\nexport const A = B;\n", '/app/lib/b.ts': "import { A } from './a';\nexport const B = A;\n" };
  const { st } = actionsOf(`fn.addToRolePolicy(new iam.PolicyStatement({ actions: [A], resources: ['*'] }));`, siblings, header);
  assert.deepEqual(st.actions!.map((a) => a.text), [HOLE]);
});

test('a relative file name gives relative sibling paths (the caller resolves them against its cwd)', () => {
  const asked: string[] = [];
  const src = "import * as iam from 'aws-cdk-lib/aws-iam';\nimport { A } from '../shared/actions';\nrole.addToPolicy(new iam.PolicyStatement({ actions: [A], resources: ['*'] }));\n";
  const { model } = loadCdkModel(src, 'infra/lib/stack.ts', { readSibling: (p) => (asked.push(p), p === path.join('infra', 'shared', 'actions.ts') ? "export const A = 'sqs:*';" : undefined) });
  assert.equal(asked[0], path.join('infra', 'shared', 'actions.ts'));
  assert.deepEqual(texts(model.policies[0].statements[0].actions), ['sqs:*']);
});

test('Stack.formatArn and Arn.format build the ARN CDK would, with the stack parts unknown', () => {
  const { model } = loadStack(`
    const role = new iam.Role(this, 'R', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [
      this.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: '*', arnFormat: cdk.ArnFormat.COLON_RESOURCE_NAME }),
      cdk.Stack.of(this).formatArn({ service: 'sqs', resource: 'orders', region: '' }),
      cdk.Arn.format({ service: 'dynamodb', resource: 'table', resourceName: name }, this),
      this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: 'app/*', sep: '/' }),
    ] }));`);
  const st = model.policies.find((p) => p.owner === 'R' && p.kind === 'identity')!.statements[0];
  assert.deepEqual(texts(st.resources), [
    'arn:<unresolved>:secretsmanager:<unresolved>:<unresolved>:secret:*',
    'arn:<unresolved>:sqs::<unresolved>:orders',
    'arn:<unresolved>:dynamodb:<unresolved>:<unresolved>:table/<unresolved>',
    'arn:<unresolved>:ssm:<unresolved>:<unresolved>:parameter/app/*',
  ]);
});
