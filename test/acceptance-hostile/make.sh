#!/usr/bin/env bash
# Creates the hostile folders of issue 11 into DEST (one sub-folder per class), each holding a copy of
# known.yaml beside the hostile input. Needs bash, coreutils and node (no npm packages).
#   bash test/acceptance-hostile/make.sh /tmp/lg-hostile
# Everything is generated: big files, FIFOs, sockets, symlinks and odd file names cannot live in git.
# Disk: about 0.25 GB (the 200 MB template; the other big files are sparse).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${1:?usage: make.sh DEST}"
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"

classes=(symlink-loop fifo huge-file many-resources conditions-heavy condition-keys alias-bomb deep-nesting
  utf16 json-bom escapes odd-names cdk-out-escape yaml-errors many-findings usage)
for c in "${classes[@]}" _outside; do
  rm -rf -- "${dest:?}/$c"
  mkdir -p "$dest/$c"
  [ "$c" = _outside ] || cp "$here/known.yaml" "$dest/$c/known.yaml"
done

node - "$dest" <<'NODE'
'use strict';
const fs = require('fs');
const path = require('path');
const dest = process.argv[2];
const P = (...p) => path.join(dest, ...p);
const write = (p, s) => { fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, s); };
const pad = (n, w) => String(n).padStart(w, '0');
const trust = [
  '      AssumeRolePolicyDocument:',
  "        Version: '2012-10-17'",
  '        Statement:',
  '          - Effect: Allow',
  '            Principal:',
  '              Service: lambda.amazonaws.com',
  '            Action: sts:AssumeRole',
];

// ---------------------------------------------------------------- huge-file
// 200 MB of a real, valid template (100-byte topic resources): parsing it would cost gigabytes.
{
  const fd = fs.openSync(P('huge-file', 'template.yaml'), 'w');
  fs.writeSync(fd, "AWSTemplateFormatVersion: '2010-09-09'\nDescription: 200 MB generated template\nResources:\n");
  const target = 200 * 1024 * 1024;
  let written = 0, i = 0;
  while (written < target) {
    const lines = [];
    for (let k = 0; k < 20000; k++, i++) lines.push(`  HugeTopic${pad(i, 9)}: {Type: 'AWS::SNS::Topic', Properties: {TopicName: huge-topic-${pad(i, 9)}}}`);
    const chunk = lines.join('\n') + '\n';
    fs.writeSync(fd, chunk);
    written += Buffer.byteLength(chunk);
  }
  fs.closeSync(fd);
  // a CDK app whose construct file is a 250 MB sparse file (the size limit applies to sibling imports too)
  write(P('huge-file', 'cdk.json'), JSON.stringify({ app: 'npx ts-node --prefer-ts-exts bin/app.ts' }, null, 2) + '\n');
  write(P('huge-file', 'bin', 'app.ts'), [
    "import * as cdk from 'aws-cdk-lib';",
    "import { HugeStack } from '../lib/huge-stack';",
    '',
    'const app = new cdk.App();',
    "new HugeStack(app, 'HugeStack');",
    '',
  ].join('\n'));
  fs.mkdirSync(P('huge-file', 'lib'), { recursive: true });
  const fdTs = fs.openSync(P('huge-file', 'lib', 'huge-stack.ts'), 'w');
  fs.writeSync(fdTs, "import * as cdk from 'aws-cdk-lib';\nexport class HugeStack extends cdk.Stack {}\n// ");
  fs.ftruncateSync(fdTs, 250 * 1024 * 1024);
  fs.closeSync(fdTs);
  const fdJ = fs.openSync(P('huge-file', 'big.template.json'), 'w');
  fs.writeSync(fdJ, '{"Resources": {');
  fs.ftruncateSync(fdJ, 300 * 1024 * 1024);
  fs.closeSync(fdJ);
}

// ---------------------------------------------------------------- many-resources
// 100,000 resources (mostly one-line topics and queues, every 200th an IAM role), then one risky permission.
{
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: generated template with 100,000 resources', 'Resources:'];
  for (let i = 1; i < 100000; i++) {
    const id = pad(i, 6);
    if (i % 200 === 0) {
      out.push(`  R${id}: {Type: 'AWS::IAM::Role', Properties: {AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: 'sts:AssumeRole'}]}, Policies: [{PolicyName: p, PolicyDocument: {Statement: [{Effect: Allow, Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-${id}/*'}]}}]}}`);
    } else if (i % 2) {
      out.push(`  T${id}: {Type: AWS::SNS::Topic}`);
    } else {
      out.push(`  Q${id}: {Type: AWS::SQS::Queue}`);
    }
  }
  out.push('  LastPublicPermission:', '    Type: AWS::Lambda::Permission', '    Properties:',
    '      Action: lambda:InvokeFunction', '      FunctionName: generated-function', "      Principal: '*'", '');
  write(P('many-resources', 'template.yaml'), out.join('\n'));
}

// ---------------------------------------------------------------- conditions-heavy
{
  const N = 300;
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: conditions-heavy policies (hundreds of nested !If)', 'Parameters:', '  Stage:', '    Type: String', '    Default: dev', 'Conditions:', "  IsProd: !Equals [!Ref Stage, prod]"];
  for (let i = 1; i <= N; i++) out.push(`  C${pad(i, 3)}: !Equals [!Ref Stage, s${i}]`);
  out.push('Resources:', '  KnownIfRole:', '    Type: AWS::IAM::Role', '    Properties:', ...trust,
    '      Policies:', '        - PolicyName: known-if', '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:',
    '              - Effect: Allow', "                Action: !If [IsProd, 'sqs:SendMessage', 'sqs:*']",
    '                Resource: arn:aws:sqs:us-east-1:111111111111:known-queue');
  out.push('  HeavyRole:', '    Type: AWS::IAM::Role', '    Properties:', ...trust, '      Policies:');
  // (a) one statement with 60 independent !If actions and 40 !If resources: 2^100 combinations
  out.push('        - PolicyName: wide', '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:',
    '              - Effect: Allow', '                Action:');
  for (let i = 1; i <= 60; i++) out.push(`                  - !If [C${pad(i, 3)}, 's3:GetObject', 's3:PutObject']`);
  out.push('                Resource:');
  for (let i = 61; i <= 100; i++) out.push(`                  - !If [C${pad(i, 3)}, 'arn:aws:s3:::wide-a-${i}/*', 'arn:aws:s3:::wide-b-${i}/*']`);
  out.push(`                Condition: !If [C101, {StringEquals: {'aws:ResourceTag/team': a}}, !Ref 'AWS::NoValue']`);
  // (b) a 300-deep nested !If chain
  let chain = "'s3:GetObject'";
  for (let i = N; i >= 1; i--) chain = `!If [C${pad(i, 3)}, 's3:GetObject${i % 2 ? 'Acl' : 'Tagging'}', ${chain}]`;
  out.push('        - PolicyName: deep-chain', '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:',
    '              - Effect: Allow', `                Action: ${chain}`, "                Resource: arn:aws:s3:::deep-chain-bucket/*");
  // (c) 150 statements, each with !If in Effect, Action (6), Resource (4) and Condition
  out.push('        - PolicyName: many', '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:');
  for (let s = 0; s < 150; s++) {
    const c = (k) => `C${pad(((s * 13 + k) % N) + 1, 3)}`;
    out.push(`              - Effect: !If [${c(0)}, Allow, Deny]`, '                Action:');
    for (let k = 1; k <= 6; k++) out.push(`                  - !If [${c(k)}, 'sqs:SendMessage', 'sqs:ReceiveMessage']`);
    out.push('                Resource:');
    for (let k = 7; k <= 10; k++) out.push(`                  - !If [${c(k)}, 'arn:aws:sqs:us-east-1:111111111111:q-${s}-${k}', 'arn:aws:sqs:us-east-1:111111111111:r-${s}-${k}']`);
    out.push(`                Condition: !If [${c(11)}, {StringEquals: {'aws:ResourceTag/s': '${s}'}}, {StringEquals: {'aws:ResourceTag/t': '${s}'}}]`);
  }
  // (d) a whole Statement list behind nested !If
  out.push('        - PolicyName: switched', '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:');
  let stmts = "[{Effect: Allow, Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:111111111111:table/t0'}]";
  for (let i = 40; i >= 1; i--) stmts = `!If [C${pad(200 + i, 3)}, [{Effect: Allow, Action: 'dynamodb:Query', Resource: 'arn:aws:dynamodb:us-east-1:111111111111:table/t${i}'}], ${stmts}]`;
  out[out.length - 1] = `            Statement: ${stmts}`;
  out.push('');
  write(P('conditions-heavy', 'template.yaml'), out.join('\n'));
}

// ---------------------------------------------------------------- condition-keys
{
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: 20,000 condition keys in one block, 20,000 named conditions', 'Parameters:', '  Stage:', '    Type: String', 'Conditions:'];
  for (let i = 1; i <= 20000; i++) out.push(`  Cond${pad(i, 5)}: !Equals [!Ref Stage, stage-${i}]`);
  out.push('Resources:', '  TagGatedRole:', '    Type: AWS::IAM::Role', '    Properties:', ...trust, '      Policies:', '        - PolicyName: tag-gated',
    '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:', '              - Effect: Allow',
    '                Action: sqs:SendMessage', "                Resource: '*'", '                Condition:', '                  StringEquals:');
  for (let i = 1; i <= 20000; i++) out.push(`                    aws:ResourceTag/key${pad(i, 5)}: value-${i}`);
  out.push('');
  write(P('condition-keys', 'template.yaml'), out.join('\n'));
}

// ---------------------------------------------------------------- alias-bomb
{
  const levels = 'abcdefghi'.split('');
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: billion laughs (9^9 actions if expanded)', 'Mappings:', '  Bomb:'];
  out.push(`    a: &a [${Array(9).fill('"s3:GetObject"').join(', ')}]`);
  for (let i = 1; i < levels.length; i++) out.push(`    ${levels[i]}: &${levels[i]} [${Array(9).fill('*' + levels[i - 1]).join(', ')}]`);
  out.push('Resources:', '  BombRole:', '    Type: AWS::IAM::Role', '    Properties:', ...trust, '      Policies:', '        - PolicyName: bomb',
    '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:', '              - Effect: Allow',
    '                Action: *i', "                Resource: 'arn:aws:s3:::bomb-bucket/*'", '                Condition:', '                  StringEquals:',
    '                    aws:ResourceTag/team: *i', '');
  write(P('alias-bomb', 'alias-bomb.yaml'), out.join('\n'));
  // merge keys: every level merges the previous one ten times and nests it ten times
  const m = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: merge-key bomb', 'Mappings:', '  Merge:'];
  m.push(`    l0: &l0 {${Array.from({ length: 10 }, (_, k) => `k${k}: s3:GetObject`).join(', ')}}`);
  for (let i = 1; i <= 9; i++) {
    m.push(`    l${i}: &l${i}`, `      <<: [${Array(10).fill('*l' + (i - 1)).join(', ')}]`);
    for (let k = 0; k < 10; k++) m.push(`      n${i}_${k}: *l${i - 1}`);
  }
  m.push('Resources:', '  MergeRole:', '    Type: AWS::IAM::Role', '    Metadata:', '      blob:', '        <<: *l9', '    Properties:', ...trust,
    '      Policies:', '        - PolicyName: merge', '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:',
    '              - Effect: Allow', "                Action: 's3:GetObject'", "                Resource: 'arn:aws:s3:::merge-bucket/*'",
    '                Condition:', '                  StringEquals:', '                    <<: *l9', '');
  write(P('alias-bomb', 'merge-bomb.yaml'), m.join('\n'));
}

// ---------------------------------------------------------------- deep-nesting
{
  const D = 10000;
  const deepSeq = '['.repeat(D) + "'s3:GetObject'" + ']'.repeat(D);
  const deepMap = '{a: '.repeat(D) + 'x' + '}'.repeat(D);
  write(P('deep-nesting', 'deep.yaml'), ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: 10,000-deep nesting', 'Resources:',
    '  DeepRole:', '    Type: AWS::IAM::Role', '    Properties:', ...trust, '      Policies:', '        - PolicyName: deep',
    '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:', '              - Effect: Allow',
    `                Action: ${deepSeq}`, "                Resource: 'arn:aws:s3:::deep-bucket/*'", '                Condition:',
    `                  StringEquals: ${deepMap}`, ''].join('\n'));
  const jArr = '['.repeat(D) + '"s3:GetObject"' + ']'.repeat(D);
  const jObj = '{"a":'.repeat(D) + '"x"' + '}'.repeat(D);
  write(P('deep-nesting', 'deep.json'), `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "DeepPolicy": {\n      "Type": "AWS::IAM::ManagedPolicy",\n      "Properties": {\n        "PolicyDocument": {\n          "Version": "2012-10-17",\n          "Statement": [\n            {\n              "Effect": "Allow",\n              "Action": ${jArr},\n              "Resource": "arn:aws:s3:::deep-bucket/*",\n              "Condition": {"StringEquals": ${jObj}}\n            }\n          ]\n        }\n      }\n    }\n  }\n}\n`);
}

// ---------------------------------------------------------------- utf16
{
  const le = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: UTF-16 LE with BOM (a Windows editor saved it)', 'Resources:',
    '  Utf16Role:', '    Type: AWS::IAM::Role', '    Properties:', ...trust, '      Policies:', '        - PolicyName: utf16',
    '          PolicyDocument:', "            Version: '2012-10-17'", '            Statement:', '              - Effect: Allow',
    "                Action: '*'", "                Resource: '*'", ''].join('\r\n');
  fs.writeFileSync(P('utf16', 'template-utf16le.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(le, 'utf16le')]));
  const be = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: UTF-16 BE with BOM', 'Resources:',
    '  Utf16BePermission:', '    Type: AWS::Lambda::Permission', '    Properties:', '      Action: lambda:InvokeFunction',
    '      FunctionName: utf16-function', "      Principal: '*'", ''].join('\n');
  const beBuf = Buffer.from(be, 'utf16le'); beBuf.swap16();
  fs.writeFileSync(P('utf16', 'template-utf16be.yaml'), Buffer.concat([Buffer.from([0xfe, 0xff]), beBuf]));
  const js = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { Utf16JsonPermission: { Type: 'AWS::Lambda::Permission',
    Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'utf16-json-function', Principal: '*' } } } }, null, 2) + '\n';
  fs.writeFileSync(P('utf16', 'template-utf16le.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(js, 'utf16le')]));
}

// ---------------------------------------------------------------- json-bom
{
  const js = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Description: 'JSON with a UTF-8 BOM', Resources: { BomPermission: { Type: 'AWS::Lambda::Permission',
    Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'bom-function', Principal: '*' } } } }, null, 2) + '\n';
  fs.writeFileSync(P('json-bom', 'template.json'), '\ufeff' + js);
  const y = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: YAML with a UTF-8 BOM', 'Resources:', '  BomRole:', '    Type: AWS::IAM::Role',
    '    Properties:', ...trust, '      Policies:', '        - PolicyName: bom', '          PolicyDocument:', "            Version: '2012-10-17'",
    '            Statement:', '              - Effect: Allow', "                Action: 'dynamodb:*'", "                Resource: 'arn:aws:dynamodb:us-east-1:111111111111:table/bom'", ''].join('\n');
  fs.writeFileSync(P('json-bom', 'template-bom.yaml'), '\ufeff' + y);
}

// ---------------------------------------------------------------- escapes
// Template data carrying terminal escapes (CSI, OSC 8 hyperlink, clear screen), BEL, C1 CSI (U+009B) and the
// bidi override U+202E in logical ids, a policy Sid, a policy name, an environment variable name and a file name.
{
  const y = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: "ANSI \\e[2J\\e[H and bidi \\u202E in template data"', 'Resources:',
    '  "Evil\\e[2J\\e[1;31mRole\\u202Elmx.exe":', '    Type: AWS::IAM::Role', '    Properties:', ...trust, '      Policies:',
    '        - PolicyName: "pol\\e]8;;https://evil.example/\\aclick-me\\e]8;;\\a"', '          PolicyDocument:', "            Version: '2012-10-17'",
    '            Statement:', '              - Sid: "Sid\\u202Etxt.exe\\e[5m\\x9b31m\\a"', '                Effect: Allow', "                Action: '*'",
    "                Resource: '*'", '  "Fn\\e[8mHidden\\u202E":', '    Type: AWS::Lambda::Function', '    Properties:', '      Runtime: python3.12',
    '      Handler: index.handler', '      Role: arn:aws:iam::111111111111:role/escape-fn', '      Code:', '        ZipFile: "def handler(e, c): return 1"',
    '      Environment:', '        Variables:', '          "NOTE\\u202E\\e[0m": AKIA4QXJ2RZ7N5T3WB6K', '  "Perm\\x07\\x9b2J\\u2066x\\u2069":',
    '    Type: AWS::Lambda::Permission', '    Properties:', '      Action: lambda:InvokeFunction', '      FunctionName: escape-function', "      Principal: '*'", ''].join('\n');
  write(P('escapes', 'template.yaml'), y);
  const j = '{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n    "Json\\u001b]0;pwned\\u0007Perm\\u202e\\u009b1m": {\n      "Type": "AWS::Lambda::Permission",\n      "Properties": {\n        "Action": "lambda:InvokeFunction",\n        "FunctionName": "escape-json-function\\u001b[31m",\n        "Principal": "*"\n      }\n    }\n  }\n}\n';
  write(P('escapes', 'template.json'), j);
  write(P('escapes', 'evil\x1b[31m\u202elmay.yaml'), ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', '  NamedPermission:', '    Type: AWS::Lambda::Permission',
    '    Properties:', '      Action: lambda:InvokeFunction', '      FunctionName: escape-name-function', "      Principal: '*'", ''].join('\n'));
  // raw control bytes in plain scalars: not valid YAML, so an error message may want to quote the line
  write(P('escapes', 'raw-esc.yaml'), ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: raw \x1b[2J\x1b]0;owned\x07 bytes \u202e here', 'Resources:',
    '  RawPermission\x1b[31m:', '    Type: AWS::Lambda::Permission', '    Properties:', '      Action: lambda:InvokeFunction',
    '      FunctionName: raw\x9b\x1bfunction', "      Principal: '*'", ''].join('\n'));
}

// ---------------------------------------------------------------- odd-names
{
  const perm = (id) => ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', `  ${id}:`, '    Type: AWS::Lambda::Permission', '    Properties:',
    '      Action: lambda:InvokeFunction', '      FunctionName: odd-name-function', "      Principal: '*'", ''].join('\n');
  write(P('odd-names', 'back\\slash name.yaml'), perm('BackslashPermission'));
  write(P('odd-names', '100% sure#1.yaml'), perm('PercentHashPermission'));
}

// ---------------------------------------------------------------- cdk-out-escape
{
  const marker = 'OutsideMarker7f3a9c';
  const secret = JSON.stringify({ Resources: { [marker]: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:*', FunctionName: marker + '-fn', Principal: '*' } },
    [marker + 'Role']: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }] },
      Policies: [{ PolicyName: marker, PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }] } } } }, null, 2) + '\n';
  write(P('_outside', 'secret.template.json'), secret);
  write(P('_outside', 'asm', 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: { OutsideNested: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: '../secret.template.json' } } } }, null, 2));
  write(P('_outside', 'cdkout', 'manifest.json'), JSON.stringify({ version: '36.0.0', artifacts: { OutsideOutput: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: 'Outside.template.json' } } } }, null, 2));
  write(P('_outside', 'cdkout', 'Outside.template.json'), secret);
  write(P('_outside', 'evil-construct.ts'), [
    "import { Construct } from 'constructs';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    '',
    `export class ${marker} extends Construct {`,
    '  constructor(scope: Construct, id: string, fn: lambda.IFunction) {',
    '    super(scope, id);',
    `    fn.addPermission('${marker}Public', { principal: new iam.AnyPrincipal() });`,
    `    new lambda.CfnPermission(this, '${marker}Perm', { action: 'lambda:*', functionName: '${marker}-fn', principal: '*' });`,
    '  }',
    '}',
    '',
  ].join('\n'));
  // the app: cdk.json whose `app` would create a marker file if anything ran it, and whose `output` leaves the root
  write(P('cdk-out-escape', 'cdk.json'), JSON.stringify({ app: 'touch ../_outside/PWNED && npx ts-node bin/app.ts', output: '../_outside/cdkout' }, null, 2) + '\n');
  write(P('cdk-out-escape', 'bin', 'app.ts'), [
    "import * as cdk from 'aws-cdk-lib';",
    "import * as lambda from 'aws-cdk-lib/aws-lambda';",
    `import { ${marker} } from '../../_outside/evil-construct';`,
    '',
    'const app = new cdk.App();',
    "const stack = new cdk.Stack(app, 'EscapeStack');",
    "const fn = new lambda.Function(stack, 'Fn', {",
    '  runtime: lambda.Runtime.NODEJS_20_X,',
    "  handler: 'index.handler',",
    "  code: lambda.Code.fromInline('exports.handler = async () => 1;'),",
    '});',
    `new ${marker}(stack, 'Evil', fn);`,
    '',
  ].join('\n'));
  write(P('cdk-out-escape', 'cdk.out', 'manifest.json'), JSON.stringify({
    version: '36.0.0',
    artifacts: {
      EscapeStack: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: '../../_outside/secret.template.json' } },
      PasswdStack: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: '/etc/passwd' } },
      DotDotStack: { type: 'aws:cloudformation:stack', environment: 'aws://unknown-account/unknown-region', properties: { templateFile: '../../../../../../../../../../etc/passwd' } },
      NestedAssembly: { type: 'cdk:cloud-assembly', properties: { directoryName: '../../_outside/asm', displayName: 'Nested' } },
    },
  }, null, 2) + '\n');
  write(P('cdk-out-escape', 'cdk.out', 'cdk.out'), JSON.stringify({ version: '36.0.0' }) + '\n');
}

// ---------------------------------------------------------------- yaml-errors
{
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: 200,000 YAML errors', 'Resources:', "  Fine: {Type: 'AWS::SNS::Topic'}"];
  for (let i = 0; i < 200000; i++) out.push(i % 2 ? `\tBad${i}: v` : `Bad${i}: "a" b`);
  out.push('');
  write(P('yaml-errors', 'template.yaml'), out.join('\n'));
}

// ---------------------------------------------------------------- many-findings
// One managed policy: 65,000 distinct actions with an unknown service prefix (LG012 each) and 60,000
// effectively-all queue ARNs, one per account id, with sqs:SendMessage (LG002 each): about 125,000 findings
// in one 3.4 MB file (shallow indentation keeps it small).
{
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Description: about 125,000 findings', 'Resources:', ' FindingsPolicy:',
    '  Type: AWS::IAM::ManagedPolicy', '  Properties:', '   PolicyDocument:', "    Version: '2012-10-17'", '    Statement:',
    '    - Effect: Allow', '      Action:'];
  for (let i = 0; i < 65000; i++) out.push(`      - zzq:A${i}`);
  out.push("      Resource: 'arn:aws:s3:::findings-bucket/*'", '    - Effect: Allow', '      Action: sqs:SendMessage', '      Resource:');
  for (let i = 0; i < 60000; i++) out.push(`      - arn:aws:sqs:*:${pad(100000000000 + i, 12)}:*`);
  out.push('');
  write(P('many-findings', 'template.yaml'), out.join('\n'));
}
NODE

# ---------------------------------------------------------------- special files (shell)
# symlink loops: to the folder itself, from a sub-folder back to the root, and between siblings
ln -s . "$dest/symlink-loop/loop"
mkdir -p "$dest/symlink-loop/nested/deeper"
ln -s ../.. "$dest/symlink-loop/nested/deeper/up"
ln -s ../nested "$dest/symlink-loop/nested/twin"
# FIFOs named like templates (opening one blocks forever), a socket, character devices behind template names
mkfifo "$dest/fifo/template.yaml"
mkfifo "$dest/fifo/events.json"
ln -s /dev/zero "$dest/fifo/devzero.yaml"
ln -s /dev/urandom "$dest/fifo/random.template.json"
node -e '
const net = require("net");
const s = net.createServer();
s.listen(process.argv[1], () => process.exit(0));
' "$dest/fifo/app.sock"
# usage: only known.yaml (for the -o checks)

echo "hostile folders written to $dest:"
for c in "${classes[@]}"; do printf '  %-18s %s\n' "$c" "$(du -sh --apparent-size "$dest/$c" 2>/dev/null | cut -f1)"; done
