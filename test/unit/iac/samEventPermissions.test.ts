import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineOf, ruleLines, scan } from '../rules/yamlSnippet';

const T = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: index.handler
      Runtime: python3.12
      Events:
        Unpinned:
          Type: AlexaSkill
        WithProps:
          Properties:
            Description: no skill id
          Type: AlexaSkill
        Pinned:
          Type: AlexaSkill
          Properties:
            SkillId: amzn1.ask.skill.1
        Http:
          Type: Api
          Properties: { Path: /x, Method: get }
        Upload:
          Type: S3
          Properties: { Bucket: !Ref B, Events: s3:ObjectCreated:* }
`;

test('a SAM event permission finding sits on the event name, whatever the order of its keys', () => {
  const f = scan(T);
  assert.deepEqual(ruleLines(f, 'LG007'), [lineOf(T, 'Unpinned:'), lineOf(T, 'WithProps:')]);
  const first = f.find((x) => x.ruleId === 'LG007')!;
  assert.equal(first.resource, 'Fn');
  assert.equal(first.location?.startColumn, 9);
  assert.match(first.message, /SAM event "Unpinned" \(AlexaSkill\)/);
});

test('SkillId, Api and S3 events are pinned by the permissions SAM generates', () => {
  const f = scan(T);
  assert.equal(f.filter((x) => x.ruleId === 'LG007' && x.location!.startLine >= lineOf(T, 'Pinned:')).length, 0);
});
