import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCdkSource } from '../../../src/core/iac/cdk/isCdkSource';

test('recognises every CDK import style', () => {
  assert.ok(isCdkSource("import * as cdk from 'aws-cdk-lib';"));
  assert.ok(isCdkSource('import { aws_iam as iam } from "aws-cdk-lib";'));
  assert.ok(isCdkSource("import * as iam from 'aws-cdk-lib/aws-iam';"));
  assert.ok(isCdkSource("import { Function } from '@aws-cdk/aws-lambda';"));
  assert.ok(isCdkSource("import lambda = require('@aws-cdk/aws-lambda');"));
  assert.ok(isCdkSource("const iam = require('aws-cdk-lib/aws-iam');"));
  assert.ok(isCdkSource("import type { Stack } from 'aws-cdk-lib';"));
});

test('rejects files that only mention the CDK', () => {
  assert.equal(isCdkSource("export const TABLE_ACTIONS = ['dynamodb:GetItem'];"), false);
  assert.equal(isCdkSource("// this file is not part of aws-cdk-lib\nimport * as fs from 'fs';"), false);
  assert.equal(isCdkSource("const s = 'aws-cdk-lib';"), false);
  assert.equal(isCdkSource("import { x } from 'aws-cdk-library';"), false);
});
