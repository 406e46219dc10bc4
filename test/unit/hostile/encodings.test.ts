import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../../../src/core/scan/decodeText';
import { GOOD, hostileFolder, scanJson } from './hostileHarness';

const utf16le = (s: string, bom = true): Buffer => Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(s, 'utf16le')]);
function utf16be(s: string): Buffer {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
}

test('decodeText: UTF-8 with and without BOM, UTF-16 LE/BE with BOM, UTF-16 LE without one; UTF-32 refused', () => {
  assert.deepEqual(decodeText(Buffer.from('\ufeffa: é')), { text: 'a: é', encoding: 'utf-8' });
  assert.deepEqual(decodeText(Buffer.from('a: 1')), { text: 'a: 1', encoding: 'utf-8' });
  assert.deepEqual(decodeText(utf16le('a: é\n')), { text: 'a: é\n', encoding: 'utf-16le' });
  assert.deepEqual(decodeText(utf16be('a: é\n')), { text: 'a: é\n', encoding: 'utf-16be' });
  assert.deepEqual(decodeText(utf16le('Resources: {}\n', false)), { text: 'Resources: {}\n', encoding: 'utf-16le' });
  assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])), { error: 'UTF-32 text is not supported: save the file as UTF-8' });
  // Invalid UTF-8 is replaced, never a crash; a binary file with scattered NULs stays UTF-8.
  assert.deepEqual(decodeText(Buffer.from([0x61, 0xff, 0x62])), { text: 'a\ufffdb', encoding: 'utf-8' });
  assert.equal((decodeText(Buffer.from([0x61, 0, 0, 0x62, 0x63, 0x64, 0x65, 0, 0x66, 0x67])) as { encoding: string }).encoding, 'utf-8');
});

test('UTF-16 and BOM-prefixed templates are analysed with the same lines and columns as UTF-8 ones', () => {
  const { dir } = hostileFolder('encodings');
  const json = JSON.stringify({ Resources: { J: { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: 'f', Principal: '*' } } } }, null, 2);
  writeFileSync(path.join(dir, 'le.yaml'), utf16le(GOOD));
  writeFileSync(path.join(dir, 'be.yaml'), utf16be(GOOD));
  writeFileSync(path.join(dir, 'nobom.yaml'), utf16le(GOOD, false));
  writeFileSync(path.join(dir, 'bom.json'), `\ufeff${json}`);
  writeFileSync(path.join(dir, 'bom.yaml'), `\ufeff${GOOD}`);
  writeFileSync(path.join(dir, 'wide.yaml'), Buffer.from([0xff, 0xfe, 0, 0, 0x52, 0, 0, 0]));
  const r = scanJson(dir, ['.'], { memMb: 256 });
  const at = (file: string): string[] => r.findings.filter((f) => f.location?.file === file).map((f) => `${f.ruleId}@${f.location!.startLine}:${f.location!.startColumn}`);
  for (const f of ['le.yaml', 'be.yaml', 'nobom.yaml', 'bom.yaml']) assert.deepEqual(at(f), at('good.yaml'), f);
  assert.deepEqual(at('good.yaml'), ['LG006@7:18', 'LG004@21:25']);
  // "Principal": "*" is on line 8 of the pretty-printed JSON, its value at column 22.
  assert.deepEqual(at('bom.json'), ['LG006@8:22']);
  assert.deepEqual(r.errors, [{ file: 'wide.yaml', message: 'cannot read: UTF-32 text is not supported: save the file as UTF-8' }]);
});
