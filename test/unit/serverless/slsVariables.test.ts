import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../src/core/iac/tree/parseYaml';
import { findVariables, SlsResolver, type Resolved } from '../../../src/core/iac/serverless/slsVariables';
import { HOLE } from '../../../src/core/model/value';

const CONFIG = `service: orders
custom:
  stage: \${opt:stage, 'dev'}
  table: orders-\${self:custom.stage}
  tables:
    dev: orders-dev-table
  byStage: \${self:custom.tables.\${opt:stage, 'dev'}}
  loopA: \${self:custom.loopB}
  loopB: \${self:custom.loopA}
  list: [a, b]
  count: 3
provider:
  name: aws
  stage: \${opt:stage, 'staging'}
`;

const at = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };

function resolver(text = CONFIG, siblings: Record<string, string> = {}): SlsResolver {
  return new SlsResolver(parseYaml(text, 'app/serverless.yml').root!, 'app/serverless.yml', (p) => siblings[p]);
}

function text(r: Resolved): string {
  assert.equal(r.kind, 'text');
  return r.kind === 'text' ? r.text.split(HOLE).join('?') : '';
}

test('variables are found at the top level; CloudFormation ${AWS::Region} and ${Param} are left to !Sub', () => {
  const s = "a-${self:custom.x}-${AWS::Region}-${Bucket}-${opt:stage, 'dev'}-${self:a.${opt:b}}";
  assert.deepEqual(findVariables(s).map((v) => s.slice(v.start, v.end)), ['${self:custom.x}', "${opt:stage, 'dev'}", '${self:a.${opt:b}}']);
});

test('self references, literal fallbacks, nesting, numbers and sls:stage resolve statically', () => {
  const r = resolver();
  assert.equal(text(r.string('${self:custom.table}', at)), 'orders-dev');
  assert.equal(text(r.string('${self:custom.byStage}', at)), 'orders-dev-table');
  assert.equal(text(r.string('${self:service}/${self:custom.count}', at)), 'orders/3');
  // provider.stage is fixed by the file (its fallback): that is the stage a deploy without options gets.
  assert.equal(text(r.string('${sls:stage}', at)), 'staging');
  assert.equal(text(r.string("${opt:region, \"eu-west-1\"}", at)), 'eu-west-1');
  assert.equal(text(r.string('${self:custom.missing, dev}', at)), 'dev');
});

test('what the deploy decides is unknown, named by the variable as written; a cycle is unknown too', () => {
  const r = resolver();
  const env = r.string('${env:TOKEN}', at);
  assert.deepEqual(env, { kind: 'text', text: HOLE, holes: ['${env:TOKEN}'] });
  const mixed = r.string('arn:aws:s3:::${opt:bucket}-${ssm:/app/suffix}/*', at);
  assert.deepEqual(mixed, { kind: 'text', text: `arn:aws:s3:::${HOLE}-${HOLE}/*`, holes: ['${opt:bucket}', '${ssm:/app/suffix}'] });
  // Adjacent unknowns are one unknown stretch, named by both.
  assert.deepEqual(r.string('${aws:region}${aws:accountId}', at), { kind: 'text', text: HOLE, holes: ['${aws:region} ${aws:accountId}'] });
  assert.equal(text(r.string('${self:custom.loopA}', at)), '?');
  assert.equal(text(r.string('${cf:other-stack.Output}', at)), '?');
});

test('a variable that is the whole value may stand for a map or list of this file', () => {
  const r = resolver().string('${self:custom.list}', at);
  assert.equal(r.kind === 'node' && r.node.kind, 'seq');
});

test('${file(...)} reads a YAML or JSON sibling relative to the service file; its nodes take the variable range', () => {
  const r = resolver(CONFIG, { 'app/config/prod.yml': 'db:\n  user: admin\n  port: 5432\n', 'app/c.json': '{"k": "v"}' });
  assert.equal(text(r.string('${file(./config/prod.yml):db.user}', at)), 'admin');
  assert.equal(text(r.string('${file(./c.json):k}', at)), 'v');
  const whole = r.string('${file(./config/prod.yml):db}', at);
  assert.ok(whole.kind === 'node' && whole.node.kind === 'map' && whole.node.range === at);
  // A missing file, a script or a path that depends on the deploy: unknown.
  assert.equal(text(r.string('${file(./nope.yml):x}', at)), '?');
  assert.equal(text(r.string('${file(./vars.js):x}', at)), '?');
  assert.equal(text(r.string('${file(./config/${opt:stage}.yml):db.user}', at)), '?');
});
