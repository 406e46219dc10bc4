import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { GOOD, hostileFolder, runCapped, scanJson } from './hostileHarness';

// File-system hostility: links that loop or leave the folder, files that are not files, files too big to
// read. Each scan runs the CLI in a child process under a memory cap (see hostileHarness).

const SECRET = 'TOP-SECRET-MARKER-7f3a';

test('symbolic links: a link to ".", a cycle and links out of the folder end the walk; each file is scanned once', () => {
  const { parent, dir } = hostileFolder('links');
  writeFileSync(path.join(parent, 'outside.yaml'), GOOD.replace('OpenPermission', SECRET));
  mkdirSync(path.join(dir, 'a'));
  mkdirSync(path.join(dir, 'b'));
  symlinkSync('.', path.join(dir, 'self'));
  symlinkSync('../b', path.join(dir, 'a', 'to-b'));
  symlinkSync('../a', path.join(dir, 'b', 'to-a'));
  symlinkSync('..', path.join(dir, 'parent'));
  symlinkSync('/', path.join(dir, 'root'));
  symlinkSync('../outside.yaml', path.join(dir, 'leak.yaml'));
  // Two more names for good.yaml, walked after it (folders are walked in name order): a hard link and a link.
  mkdirSync(path.join(dir, 'z'));
  linkSync(path.join(dir, 'good.yaml'), path.join(dir, 'z', 'hard.yaml'));
  symlinkSync('../good.yaml', path.join(dir, 'z', 'soft.yaml'));
  const r = scanJson(dir, ['.', 'good.yaml'], { memMb: 256, timeoutMs: 30_000 });
  assert.equal(r.findings.length, 2, 'good.yaml once, not again through its hard link, soft link or the loops');
  const text = JSON.stringify([r.findings, r.errors, r.notices]);
  assert.ok(!text.includes(SECRET), 'nothing outside the scanned folder is read');
  assert.deepEqual(r.notices.map((n) => n.file).sort(), ['leak.yaml', 'parent', 'root']);
  assert.ok(r.notices.every((n) => /outside the scanned folder: not followed/.test(n.message)));
  assert.deepEqual(r.errors, []);
});

test('FIFOs, sockets and devices are never opened: skipped in a folder, a notice when named', async () => {
  const { dir } = hostileFolder('special');
  execFileSync('mkfifo', [path.join(dir, 'pipe.yaml')]);
  execFileSync('mkfifo', [path.join(dir, 'named.json')]);
  const server = net.createServer();
  await new Promise<void>((res) => server.listen(path.join(dir, 'sock.yaml'), res));
  try {
    const inFolder = scanJson(dir, ['.'], { memMb: 256, timeoutMs: 30_000 });
    assert.deepEqual(inFolder.errors, []);
    assert.deepEqual(inFolder.notices, []);
    const named = scanJson(dir, ['named.json', 'good.yaml', '/dev/zero'], { memMb: 256, timeoutMs: 30_000 });
    assert.deepEqual(
      named.notices.map((n) => [n.file, n.message]),
      [
        ['/dev/zero', 'a device, not a regular file: not read'],
        ['named.json', 'a FIFO, not a regular file: not read'],
      ],
    );
  } finally {
    server.close();
  }
});

test('the size limit is checked before reading: a 200 MB file, import and cdk.out manifest cost nothing', () => {
  const { dir } = hostileFolder('size');
  const huge = (p: string, head = ''): void => {
    writeFileSync(p, head);
    truncateSync(p, 200 * 1024 * 1024);
  };
  huge(path.join(dir, 'big.yaml'), 'Resources:\n');
  mkdirSync(path.join(dir, 'lib'));
  huge(path.join(dir, 'lib', 'config.ts'));
  writeFileSync(
    path.join(dir, 'lib', 'stack.ts'),
    `import * as cdk from 'aws-cdk-lib';\nimport * as iam from 'aws-cdk-lib/aws-iam';\nimport { ACTION } from './config';\n` +
      `export class S extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n` +
      `    new iam.Policy(this, 'P', { statements: [new iam.PolicyStatement({ actions: [ACTION, 'iam:PassRole'], resources: ['*'] })] });\n  }\n}\n`,
  );
  mkdirSync(path.join(dir, 'cdk.out'));
  huge(path.join(dir, 'cdk.out', 'manifest.json'));
  // Under a 256 MB heap, reading any of these whole would end the process.
  const r = scanJson(dir, ['.'], { memMb: 256, timeoutMs: 30_000 });
  assert.deepEqual(
    r.errors.map((e) => [e.file, e.message]).sort(),
    [
      ['big.yaml', 'file is larger than the 10240 KiB limit; not analysed'],
      ['cdk.out/manifest.json', 'file is larger than the 10240 KiB limit; not analysed'],
    ],
  );
  // The CDK stack is still analysed, without the constant it could not read.
  assert.ok(r.findings.some((f) => f.ruleId === 'LG004' && f.location?.file === 'lib/stack.ts' && f.location.startLine === 7), JSON.stringify(r.findings));
});

test('paths from inside the tree stay inside: CDK imports, manifest templateFile and creation traces', () => {
  const { parent, dir } = hostileFolder('escape');
  // Outside the scanned folder: a constant that would add a finding, a template and a TypeScript file.
  writeFileSync(path.join(parent, 'outside.ts'), `export const ACTION = 's3:*';\n`);
  writeFileSync(path.join(parent, 'secret.template.json'), JSON.stringify({ Resources: { [SECRET]: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'f', Principal: '*' } } } }));
  writeFileSync(path.join(parent, 'traced.ts'), '// outside\n');
  mkdirSync(path.join(dir, 'lib'));
  writeFileSync(
    path.join(dir, 'lib', 'stack.ts'),
    `import * as cdk from 'aws-cdk-lib';\nimport * as iam from 'aws-cdk-lib/aws-iam';\nimport { ACTION } from '../../outside';\n` +
      `export class S extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n` +
      `    new iam.Policy(this, 'P', { statements: [new iam.PolicyStatement({ actions: [ACTION], resources: ['*'] })] });\n  }\n}\n`,
  );
  mkdirSync(path.join(dir, 'cdk.out'));
  const manifest = {
    version: '36.0.0',
    artifacts: {
      Leak: { type: 'aws:cloudformation:stack', properties: { templateFile: '../../secret.template.json' } },
      Abs: { type: 'aws:cloudformation:stack', properties: { templateFile: path.join(parent, 'secret.template.json') } },
      Nested: { type: 'cdk:cloud-assembly', properties: { directoryName: '../..' } },
      S: {
        type: 'aws:cloudformation:stack',
        properties: { templateFile: 'S.template.json' },
        metadata: { '/S/Open': [{ type: 'aws:cdk:logicalId', data: 'Open', trace: [`new S (${path.join(parent, 'traced.ts')}:1:1)`] }] },
      },
    },
  };
  writeFileSync(path.join(dir, 'cdk.out', 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(path.join(dir, 'cdk.out', 'S.template.json'), JSON.stringify({ Resources: { Open: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'f', Principal: '*' } } } }));
  const r = scanJson(dir, ['.'], { memMb: 256, timeoutMs: 30_000 });
  const text = JSON.stringify([r.findings, r.errors, r.notices]);
  assert.ok(!text.includes(SECRET) && !text.includes(parent + path.sep) && !text.includes('traced.ts'), text);
  assert.ok(!r.findings.some((f) => f.message.includes('s3:*')), 'the constant outside the folder was not read');
  // The template outside was refused and said so; the one inside was analysed (left on the template: its trace leads outside).
  assert.deepEqual(r.errors.map((e) => e.message).sort(), [
    'the directoryName of assembly Nested points outside the cloud assembly: not read',
    'the templateFile of stack Abs points outside the cloud assembly: not read',
    'the templateFile of stack Leak points outside the cloud assembly: not read',
  ]);
  assert.ok(r.findings.some((f) => f.ruleId === 'LG006' && f.location?.file === 'cdk.out/S.template.json'), JSON.stringify(r.findings));
});

test('a named path that does not exist is still a usage error; a dangling link is a scan error, not a crash', () => {
  const { dir } = hostileFolder('dangling');
  symlinkSync('nowhere.yaml', path.join(dir, 'dangling.yaml'));
  const r = scanJson(dir, ['.'], { memMb: 256 });
  assert.deepEqual(r.errors.map((e) => [e.file, e.message]), [['dangling.yaml', 'cannot read: ENOENT']]);
  assert.equal(runCapped(['scan', 'missing.yaml'], dir).code, 2);
});
