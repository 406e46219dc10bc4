import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeText } from '../../../src/core/scan/analyzeText';
import { isDuplicateOfSource, mapCdkOutFinding, mergeCdkOutFindings } from '../../../src/core/iac/cdkOut/mapCdkOutFinding';
import { locateCdkResource, resolveTracePath, userFrame } from '../../../src/core/iac/cdkOut/locateCdkResource';
import { readCdkOut } from '../../../src/core/iac/cdkOut/readCdkOut';
import type { Finding } from '../../../src/core/model/finding';
import { rangeOfText } from './cdkTestUtil';

const ROOT = path.resolve(__dirname, '../../fixtures/cdk/outApp');
const STACK = path.join(ROOT, 'lib/out-stack.ts');
const io = { readFile: (p: string) => (fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : undefined) };

function setup() {
  const { index, errors } = readCdkOut(path.join(ROOT, 'cdk.out'), io);
  assert.deepEqual(errors, []);
  const text = fs.readFileSync(STACK, 'utf8');
  const source = analyzeText(text, STACK);
  const sources = { models: [source.model!], fileExists: (p: string) => fs.existsSync(p) };
  const tpl = index.templates[0];
  const synth = analyzeText(fs.readFileSync(tpl.templateFile, 'utf8'), tpl.templateFile);
  return { index, text, source, sources, tpl, synth };
}

test('readCdkOut: stacks, logical ids, construct paths and creation traces', () => {
  const { index, tpl } = setup();
  assert.equal(index.appRoot, ROOT);
  assert.equal(tpl.stackName, 'OutStack');
  assert.equal(tpl.templateFile, path.join(ROOT, 'cdk.out/OutStack.template.json'));
  assert.equal(tpl.resources.get('Api8E0D3B8A')?.path, 'OutStack/Api/Resource');
  assert.equal(tpl.resources.get('Api8E0D3B8A')?.type, 'AWS::Lambda::Function');
  assert.equal(tpl.resources.get('ApiServiceRoleDefaultPolicy9C1A2B3F')?.trace?.length, 5);
  assert.equal(tpl.resources.get('ApiFunctionUrl4F0B1E7C')?.path, undefined, 'no path metadata for this one');
});

test('readCdkOut reports broken JSON and follows nested assemblies', () => {
  const files: Record<string, string> = {
    '/a/cdk.out/manifest.json': JSON.stringify({ artifacts: { Stage: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Stage' } } } }),
    '/a/cdk.out/assembly-Stage/manifest.json': JSON.stringify({ artifacts: { S: { type: 'aws:cloudformation:stack', properties: { templateFile: 'S.template.json' } } } }),
    '/a/cdk.out/assembly-Stage/S.template.json': '{ "Resources": ',
  };
  const { index, errors } = readCdkOut('/a/cdk.out', { readFile: (p) => files[p] });
  assert.equal(errors.length, 1);
  assert.equal(errors[0].file, '/a/cdk.out/assembly-Stage/S.template.json');
  assert.deepEqual(index.templates, []);
});

test('trace frames: the first user TypeScript frame, found below the app root', () => {
  const exists = (p: string) => p === '/app/lib/stack.ts';
  assert.equal(resolveTracePath('/home/ci/build/lib/stack.ts', '/app', exists), '/app/lib/stack.ts');
  assert.equal(resolveTracePath('/home/ci/build/lib/other.ts', '/app', exists), undefined);
  const f = userFrame(['new Function (/x/node_modules/aws-cdk-lib/aws-lambda/lib/function.js:1:2)', 'new S (/home/ci/build/lib/stack.ts:12:7)', '...node internals...'], '/app', exists);
  assert.deepEqual(f, { file: '/app/lib/stack.ts', line: 12, column: 7 });
});

test('locateCdkResource: by trace, by construct path, by logical id', () => {
  const { index, text, sources, tpl } = setup();
  const byTrace = locateCdkResource(tpl.resources.get('ApiServiceRoleDefaultPolicy9C1A2B3F')!, index, sources)!;
  assert.equal(byTrace.via, 'trace');
  assert.equal(byTrace.range.startLine, rangeOfText(text, 'fn.addToRolePolicy').startLine);
  assert.equal(byTrace.constructId, 'Api');
  const fnTrace = locateCdkResource(tpl.resources.get('Api8E0D3B8A')!, index, sources)!;
  assert.deepEqual(fnTrace.range, rangeOfText(text, "'Api'"), 'a trace on the construct line points at its id');
  const byPath = locateCdkResource(tpl.resources.get('ApiSnsInvoke7A4F2C11')!, index, sources)!;
  assert.equal(byPath.via, 'path');
  assert.deepEqual(byPath.range, rangeOfText(text, "'Api'"));
  const byId = locateCdkResource(tpl.resources.get('ApiFunctionUrl4F0B1E7C')!, index, sources)!;
  assert.equal(byId.via, 'logicalId');
  assert.equal(byId.constructId, 'Api');
  assert.equal(locateCdkResource(tpl.resources.get('CDKMetadata')!, index, sources), undefined);
});

test('template findings move to TypeScript; those seen by source analysis are dropped', () => {
  const { index, text, source, sources, synth } = setup();
  const lg008 = synth.findings.find((f) => f.ruleId === 'LG008')!;
  const mapped = mapCdkOutFinding(lg008, index, sources)!;
  assert.equal(mapped.location!.file, STACK);
  assert.equal(mapped.resource, 'Api');
  assert.equal(mapped.related!.at(-1)!.location.file, lg008.location!.file);
  assert.ok(isDuplicateOfSource(mapped, source.findings), 'LG008 is reported from the source already');

  const merged = mergeCdkOutFindings(source.findings, synth.findings, index, sources);
  const summary = merged.map((f) => `${f.ruleId}@${f.location!.startLine}:${path.basename(f.location!.file)}`);
  // LG015 (the function has a URL and no alarm) is judged on templates only, so it too comes from cdk.out.
  const api = rangeOfText(text, "'Api'").startLine;
  assert.deepEqual(summary.sort(), [`LG001@${rangeOfText(text, 'fn.addToRolePolicy').startLine}:out-stack.ts`, `LG006@${api}:out-stack.ts`, `LG015@${api}:out-stack.ts`]);
  assert.match(merged.find((f) => f.ruleId === 'LG001')!.message, /dynamodb:\*/, 'grantFullAccess is only visible in the template');
});

test('duplicates need the same rule, place and problem', () => {
  const base: Finding = { ruleId: 'LG001', severity: 'warning', message: "grants 's3:*'", location: { file: '/a.ts', startLine: 5, startColumn: 1, endLine: 5, endColumn: 2 }, resource: 'Fn', suppressed: false };
  const src = [{ ...base, location: { ...base.location!, startLine: 9 } }];
  assert.equal(isDuplicateOfSource(base, src), true, 'same construct, same quoted action');
  assert.equal(isDuplicateOfSource({ ...base, message: "grants 'dynamodb:*'" }, src), false);
  assert.equal(isDuplicateOfSource({ ...base, ruleId: 'LG002' }, src), false);
  assert.equal(isDuplicateOfSource({ ...base, resource: 'Other' }, src), false);
  assert.equal(isDuplicateOfSource({ ...base, location: { ...base.location!, file: '/b.ts' } }, src), false);
});
