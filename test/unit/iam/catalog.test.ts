import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  conditionKeyInfo,
  listServices,
  lookupAction,
  resourceTypeArn,
  serviceActions,
  serviceArnPatterns,
  serviceExists,
  suggestAction,
} from '../../../src/core/iam/catalog';

test('services are listed lower-case and sorted, and lookups ignore case', () => {
  const services = listServices();
  assert.ok(services.length > 300, `only ${services.length} services`);
  assert.deepEqual([...services].sort(), services);
  assert.ok(services.every((s) => s === s.toLowerCase()));
  assert.ok(serviceExists('lambda'));
  assert.ok(serviceExists('LAMBDA'));
  assert.ok(serviceExists('S3'));
  assert.equal(serviceExists('s4'), false);
  assert.equal(serviceExists('../actions/s3'), false);
});

test('lookupAction is case-insensitive and returns the canonical name', () => {
  for (const spelling of ['s3:GetObject', 'S3:getobject', 's3:GETOBJECT']) {
    const info = lookupAction(spelling);
    assert.ok(info, spelling);
    assert.equal(info.service, 's3');
    assert.equal(info.name, 'GetObject');
    assert.deepEqual(info.accessLevels, ['Read']);
    assert.ok(info.resourceTypes.some((r) => r.name === 'object'));
    assert.match(info.description, /retrieve objects/i);
  }
  assert.equal(lookupAction('s3:GetObjcet'), undefined);
  assert.equal(lookupAction('s4:GetObject'), undefined);
  assert.equal(lookupAction('GetObject'), undefined);
  assert.equal(lookupAction('s3:Get*'), undefined);
});

test('access levels are split out of combined strings', () => {
  assert.deepEqual(lookupAction('lambda:UpdateFunctionCode')?.accessLevels, ['Write']);
  assert.deepEqual(lookupAction('s3:ListBucket')?.accessLevels, ['List']);
  const tag = lookupAction('lambda:TagResource');
  assert.ok(tag?.accessLevels.includes('Tagging'), JSON.stringify(tag?.accessLevels));
  const perm = lookupAction('iam:AttachRolePolicy');
  assert.ok(perm?.accessLevels.includes('Permissions management'), JSON.stringify(perm?.accessLevels));
  const valid = new Set(['List', 'Read', 'Write', 'Permissions management', 'Tagging']);
  for (const info of serviceActions('iam')) {
    assert.ok(info.accessLevels.length > 0, info.name);
    assert.ok(info.accessLevels.every((l) => valid.has(l)), `${info.name}: ${info.accessLevels.join()}`);
  }
});

test('wildcard-only actions are the ones without resource types', () => {
  assert.equal(lookupAction('xray:PutTraceSegments')?.wildcardOnly, true);
  assert.equal(lookupAction('ec2:DescribeNetworkInterfaces')?.wildcardOnly, true);
  assert.equal(lookupAction('logs:CreateLogGroup')?.wildcardOnly, false);
  assert.equal(lookupAction('s3:GetObject')?.wildcardOnly, false);
  for (const info of serviceActions('lambda')) assert.equal(info.wildcardOnly, info.resourceTypes.length === 0, info.name);
});

test('condition keys include action-level keys', () => {
  assert.ok(lookupAction('iam:PassRole')?.conditionKeys.includes('iam:PassedToService'));
});

test('results are shared and frozen so callers cannot corrupt the cache', () => {
  const info = lookupAction('s3:GetObject');
  assert.ok(info && Object.isFrozen(info));
  assert.throws(() => (info as { name: string }).name = 'x');
  assert.equal(lookupAction('s3:getobject'), info);
  assert.throws(() => serviceActions('s3').push(info));
});

test('serviceActions lists a service and is empty for an unknown one', () => {
  const lambda = serviceActions('Lambda');
  assert.ok(lambda.length > 50);
  assert.ok(lambda.every((a) => a.service === 'lambda'));
  assert.ok(lambda.some((a) => a.name === 'InvokeFunction'));
  assert.deepEqual(serviceActions('nosuchservice'), []);
});

test('resource type ARN patterns come from the data set', () => {
  assert.equal(resourceTypeArn('lambda', 'function'), 'arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}');
  assert.match(resourceTypeArn('dynamodb', 'Table') ?? '', /:table\/\$\{TableName\}$/);
  assert.equal(resourceTypeArn('lambda', 'nosuchtype'), undefined);
  assert.equal(resourceTypeArn('nosuchservice', 'function'), undefined);
  // sts:AssumeRole targets IAM roles, so sts lists an iam ARN pattern.
  assert.ok(serviceArnPatterns('sts').some((p) => p.includes(':iam::') && p.includes(':role/')));
});

test('conditionKeyInfo covers global, service, variable and non-service prefixes', () => {
  const src = conditionKeyInfo('AWS:sourcearn');
  assert.equal(src?.key, 'aws:SourceArn');
  assert.equal(src?.type, 'ARN');
  assert.ok(src && src.description.length > 10);
  const tag = conditionKeyInfo('aws:PrincipalTag/team');
  assert.ok(tag?.key.startsWith('aws:PrincipalTag/'));
  assert.ok(tag && tag.description.length > 0);
  assert.equal(conditionKeyInfo('iam:PassedToService')?.key, 'iam:PassedToService');
  assert.equal(conditionKeyInfo('s3:ExistingObjectTag/owner')?.key, 's3:ExistingObjectTag/<key>');
  assert.equal(conditionKeyInfo('accounts.google.com:aud')?.key, 'accounts.google.com:aud');
  assert.equal(conditionKeyInfo('lambda:SourceFunctionArn')?.type, 'ARN');
  assert.equal(conditionKeyInfo('aws:NoSuchKey'), undefined);
  assert.equal(conditionKeyInfo('s3:nosuchkey'), undefined);
  assert.equal(conditionKeyInfo('nocolon'), undefined);
});

test('suggestAction finds typos within distance 2, in the same or a near service', () => {
  assert.equal(suggestAction('s3:GetObjcet'), 's3:GetObject');
  assert.equal(suggestAction('S3:getobjet'), 's3:GetObject');
  assert.equal(suggestAction('lambda:InvokeFuntcion'), 'lambda:InvokeFunction');
  assert.equal(suggestAction('lamda:InvokeFunction'), 'lambda:InvokeFunction');
  assert.equal(suggestAction('s4:GetObject'), 's3:GetObject');
  assert.equal(suggestAction('s3:CompletelyDifferent'), undefined);
  assert.equal(suggestAction('s3:Get*'), undefined);
  assert.equal(suggestAction('s3:GetObject'), undefined);
});
