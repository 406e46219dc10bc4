import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionOfEvent, baseEventName, iamPrefixOfSource } from '../../../src/core/activity/eventName';

test('baseEventName strips Lambda API-version suffixes', () => {
  assert.equal(baseEventName('UpdateFunctionCode20150331v2'), 'UpdateFunctionCode');
  assert.equal(baseEventName('UpdateFunctionConfiguration20150331v2'), 'UpdateFunctionConfiguration');
  assert.equal(baseEventName('AddPermission20150331v2'), 'AddPermission');
  assert.equal(baseEventName('RemovePermission20150331v2'), 'RemovePermission');
  assert.equal(baseEventName('CreateFunction20150331'), 'CreateFunction');
  assert.equal(baseEventName('PutFunctionConcurrency20171031'), 'PutFunctionConcurrency');
  assert.equal(baseEventName('ListFunctions20150331'), 'ListFunctions');
});

test('baseEventName strips CloudFront-style underscore dates', () => {
  assert.equal(baseEventName('UpdateDistribution2017_03_25'), 'UpdateDistribution');
});

test('baseEventName leaves names without a version suffix alone', () => {
  assert.equal(baseEventName('CreateFunctionUrlConfig'), 'CreateFunctionUrlConfig');
  assert.equal(baseEventName('GetSecretValue'), 'GetSecretValue');
  assert.equal(baseEventName('PutObject'), 'PutObject');
  // Digits that are not a date, or nothing left before the date.
  assert.equal(baseEventName('GetItem123'), 'GetItem123');
  assert.equal(baseEventName('20150331'), '20150331');
  assert.equal(baseEventName('Ec2Call1234'), 'Ec2Call1234');
});

test('IAM prefixes and actions of event sources', () => {
  assert.equal(iamPrefixOfSource('secretsmanager.amazonaws.com'), 'secretsmanager');
  assert.equal(iamPrefixOfSource('monitoring.amazonaws.com'), 'cloudwatch');
  assert.equal(iamPrefixOfSource('email.amazonaws.com'), 'ses');
  assert.equal(actionOfEvent('lambda.amazonaws.com', 'UpdateFunctionCode20150331v2'), 'lambda:UpdateFunctionCode');
  assert.equal(actionOfEvent('iam.amazonaws.com', 'CreateUser'), 'iam:CreateUser');
});
