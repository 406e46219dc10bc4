import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeWithSiblings } from '../../../src/extension/analysis/analyzeWithSiblings';
import { joinUnder, pathKey, rootOf, samePath } from '../../../src/core/scan/pathKey';
import { isCandidateFile, isScannedPath } from '../../../src/core/scan/walkFiles';

// Windows spells paths with back slashes and VS Code's fsPath with a lower-case drive letter (c:\…) while
// Node and stack traces use C:\…: the comparisons must give the same answers as for POSIX paths. These run
// on Linux too, because the functions are string work only.

test('pathKey / samePath: separators, drive-letter case, . and .. compare the same way on both systems', () => {
  assert.equal(pathKey('C:\\work\\app\\lib\\stack.ts'), 'c:/work/app/lib/stack.ts');
  assert.ok(samePath('c:\\work\\app\\lib\\stack.ts', 'C:/work/app/lib/./stack.ts'));
  assert.ok(samePath('C:\\work\\app\\cdk.out\\..\\lib\\stack.ts', 'c:\\work\\app\\lib\\stack.ts'));
  assert.ok(samePath('/work/app/lib/stack.ts', '/work/app//lib/stack.ts'));
  assert.ok(!samePath('C:\\work\\app\\lib\\stack.ts', 'D:\\work\\app\\lib\\stack.ts'));
  assert.ok(!samePath('/work/app/lib/Stack.ts', '/work/app/lib/stack.ts'), 'only the drive letter is case-folded');
  assert.equal(pathKey('\\\\server\\share\\t.yaml'), '//server/share/t.yaml');
});

test('rootOf / joinUnder: the workspace root of a relative name, and a sibling under it, in either spelling', () => {
  assert.equal(rootOf('C:\\ws\\lib\\stack.ts', 'lib/stack.ts'), 'C:\\ws\\');
  assert.equal(rootOf('/ws/lib/stack.ts', 'lib/stack.ts'), '/ws/');
  assert.equal(rootOf('C:\\ws\\mylib\\stack.ts', 'lib/stack.ts'), undefined, 'a partial folder name is not a match');
  assert.equal(rootOf('C:\\ws\\lib\\stack.ts', 'C:/ws/lib/stack.ts'), undefined, 'an absolute name has no root');
  assert.equal(joinUnder('C:\\ws\\', 'lib/config.ts'), 'C:\\ws\\lib\\config.ts');
  assert.equal(joinUnder('/ws/', 'lib/config.ts'), '/ws/lib/config.ts');
  assert.equal(joinUnder('/ws', 'lib\\config.ts'), '/ws/lib/config.ts');
});

test('the skip list and candidate names apply to Windows-style relative paths', () => {
  assert.equal(isScannedPath('infra\\template.yaml'), true);
  assert.equal(isScannedPath('node_modules\\pkg\\template.yaml'), false);
  assert.equal(isScannedPath('app\\cdk.out\\Stack.template.json'), false);
  assert.equal(isScannedPath('lib\\types.d.ts'), false);
  assert.equal(isCandidateFile('C:\\ws\\package.json'), false);
  assert.equal(isScannedPath('infra/template.yaml'), true);
  assert.equal(isScannedPath('node_modules/pkg/template.yaml'), false);
});

test('a CDK sibling import is read under a Windows workspace root', () => {
  const asked: string[] = [];
  const read = (p: string): string => {
    asked.push(p);
    if (p === 'C:\\ws\\lib\\config.ts') return "export const ACTIONS = ['s3:*'];\n";
    throw new Error('ENOENT');
  };
  const text = `import * as iam from 'aws-cdk-lib/aws-iam';
import { ACTIONS } from './config';
export const st = new iam.PolicyStatement({ actions: ACTIONS, resources: ['*'] });
`;
  const r = analyzeWithSiblings({ text, file: 'lib/stack.ts', absPath: 'C:\\ws\\lib\\stack.ts', opts: {}, wantModel: false }, read);
  assert.ok(asked.includes('C:\\ws\\lib\\config.ts'), asked.join(', '));
  assert.ok(r.findings.some((f) => f.ruleId === 'LG001' && f.message.includes("'s3:*'")), JSON.stringify(r.findings.map((f) => f.message)));
});
