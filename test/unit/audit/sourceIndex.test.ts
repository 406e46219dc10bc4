import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSourceIndex } from '../../../src/core/audit/buildSourceIndex';
import { createSourceIndex, samconfigStackNames, type SourceIndex } from '../../../src/core/audit/sourceIndex';

// A deployed function links to the template resource it came from through the tags CloudFormation puts
// on it. The same logical id in two templates (every SAM sample has a HelloWorldFunction) is told apart
// only by the stack name; otherwise it links nowhere rather than to a guess.

const tags = (logicalId?: string, stack?: string): { tags: Record<string, string> } => ({
  tags: { ...(logicalId ? { 'aws:cloudformation:logical-id': logicalId } : {}), ...(stack ? { 'aws:cloudformation:stack-name': stack } : {}) },
});

test('createSourceIndex: a unique logical id links with or without a stack name; no tags link nowhere', () => {
  const idx = createSourceIndex([
    { file: 'a/template.yaml', logicalId: 'Ingest', line: 5, stackNames: ['shop'] },
    { file: 'a/template.yaml', logicalId: 'Report', line: 12, stackNames: ['shop'] },
  ]);
  assert.equal(idx.size, 2);
  assert.deepEqual(idx.locate(tags('Report', 'shop')), { file: 'a/template.yaml', line: 12 });
  assert.deepEqual(idx.locate(tags('Ingest')), { file: 'a/template.yaml', line: 5 });
  assert.equal(idx.locate(tags()), null);
  assert.equal(idx.locate(tags('Missing', 'shop')), null);
});

test('createSourceIndex: the same logical id in two templates links only through a matching stack name', () => {
  const idx = createSourceIndex([
    { file: 'blue/template.yaml', logicalId: 'HelloWorldFunction', line: 8, stackNames: ['blue-app', 'blue'] },
    { file: 'green/template.yaml', logicalId: 'HelloWorldFunction', line: 14, stackNames: ['green-app', 'green'] },
  ]);
  assert.deepEqual(idx.locate(tags('HelloWorldFunction', 'green-app')), { file: 'green/template.yaml', line: 14 });
  assert.deepEqual(idx.locate(tags('HelloWorldFunction', 'blue')), { file: 'blue/template.yaml', line: 8 });
  assert.equal(idx.locate(tags('HelloWorldFunction', 'red-app')), null);
  assert.equal(idx.locate(tags('HelloWorldFunction')), null);
});

test('samconfigStackNames: stack_name of every environment, either quote', () => {
  const toml = `version = 0.1
[default.deploy.parameters]
stack_name = "orders"
region = "us-east-1"

[prod.deploy.parameters]
  stack_name = 'orders-prod'
# stack_name = "commented"
`;
  assert.deepEqual(samconfigStackNames(toml), ['orders', 'orders-prod']);
  assert.deepEqual(samconfigStackNames('version = 0.1\n'), []);
});

const HELLO = (extra = ''): string => `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
${extra}  HelloWorldFunction:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: nodejs20.x
      CodeUri: src/
`;

let root = '';
let index: SourceIndex;

before(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'lg-source-'));
  // Two SAM apps with the same logical id; only `one` has a samconfig.toml. `two` also has a unique function.
  mkdirSync(path.join(root, 'apps', 'one'), { recursive: true });
  mkdirSync(path.join(root, 'apps', 'two'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(path.join(root, 'apps', 'one', 'template.yaml'), HELLO());
  writeFileSync(path.join(root, 'apps', 'one', 'samconfig.toml'), '[default.deploy.parameters]\nstack_name = "hello-prod"\n');
  const unique = `  UniqueFunction:
    Type: AWS::Lambda::Function
    Properties:
      Handler: u.handler
      Runtime: nodejs20.x
      Role: arn:aws:iam::111122223333:role/r
      Code: { ZipFile: 'exports.handler = async () => 1' }
`;
  writeFileSync(path.join(root, 'apps', 'two', 'template.yaml'), HELLO(unique));
  // A third copy inside node_modules is skipped, as `scan` skips it.
  writeFileSync(path.join(root, 'node_modules', 'pkg', 'template.yaml'), HELLO());
  index = await buildSourceIndex(root, root);
});

test('buildSourceIndex: the function resources of the workspace templates, node_modules skipped', () => {
  assert.equal(index.size, 3);
});

test('buildSourceIndex: samconfig.toml stack_name picks one of two same-named resources, at the logical id line', () => {
  // In HELLO the logical id is on line 4.
  assert.deepEqual(index.locate(tags('HelloWorldFunction', 'hello-prod')), { file: 'apps/one/template.yaml', line: 4 });
});

test('buildSourceIndex: the folder name is a stack name too; an unknown stack or none links nowhere', () => {
  assert.deepEqual(index.locate(tags('HelloWorldFunction', 'two')), { file: 'apps/two/template.yaml', line: 11 });
  assert.equal(index.locate(tags('HelloWorldFunction', 'staging')), null);
  assert.equal(index.locate(tags('HelloWorldFunction')), null);
});

test('buildSourceIndex: a logical id declared once links without a stack name (CloudFormation, not SAM)', () => {
  assert.deepEqual(index.locate(tags('UniqueFunction')), { file: 'apps/two/template.yaml', line: 4 });
  assert.equal(index.locate({ tags: {} }), null);
});

test('buildSourceIndex: a CDK app links through its cdk.out, under the manifest\'s stack name, at the synthesised logical id', async () => {
  const app = path.resolve(__dirname, '../../fixtures/cdk/outApp');
  const cdk = await buildSourceIndex(app, app);
  // OutStack.template.json declares one function, Api8E0D3B8A, on line 46; the manifest names the stack OutStack.
  assert.equal(cdk.size, 1);
  assert.deepEqual(cdk.locate(tags('Api8E0D3B8A', 'OutStack')), { file: path.join('cdk.out', 'OutStack.template.json'), line: 46 });
  assert.ok(cdk.match(tags('Api8E0D3B8A', 'OutStack'))?.model?.permissions.length, 'the model carries the declared permissions (for LG017)');
});
