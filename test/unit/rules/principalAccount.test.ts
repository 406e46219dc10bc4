import { test } from 'node:test';
import assert from 'node:assert/strict';
import { principalAccount } from '../../../src/core/rules/principals';
import { HOLE } from '../../../src/core/model/value';
import { lineOf, ruleLines, scan } from './yamlSnippet';

const at = (text: string) => ({ text, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });

test('principalAccount: ids, root and role ARNs; never a hole', () => {
  assert.equal(principalAccount(at('111122223333')), '111122223333');
  assert.equal(principalAccount(at('arn:aws:iam::111122223333:role/x')), '111122223333');
  assert.equal(principalAccount(at(`arn:aws:iam::${HOLE}:root`)), undefined);
  assert.equal(principalAccount(at('*')), undefined);
});

test('an unquoted YAML account id with leading zeros (read as a number) is still another account', () => {
  assert.equal(principalAccount(at('12345678901')), '012345678901');
  assert.equal(principalAccount(at('12345678')), undefined);
  const T = `Resources:
  R:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: 012345678901 }
            Action: sts:AssumeRole
`;
  const f = scan(T);
  assert.deepEqual(ruleLines(f, 'LG010'), [lineOf(T, 'AWS: 012345678901')]);
  assert.match(f[0].message, /Account 012345678901/);
});
