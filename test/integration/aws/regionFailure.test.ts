/** One error for a region whose every read failed alike; access denied and partial failures stay as they are. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CollectError, CollectErrorKind } from '../../../src/core/inventory/accountModel';
import { collapseRegionFailure } from '../../../src/core/inventory/aws/regionFailure';

const ops: [string, string][] = [
  ['lambda', 'ListFunctions'],
  ['lambda', 'ListEventSourceMappings'],
  ['ec2', 'DescribeNetworkInterfaces'],
  ['ec2', 'DescribeSubnets'],
  ['ec2', 'DescribeSecurityGroups'],
  ['cloudwatch', 'DescribeAlarms'],
];
const failures = (kind: CollectErrorKind): CollectError[] => ops.map(([service, operation]) => ({ service, operation, region: 'eu-west-3', kind, message: `${operation} failed` }));

describe('collapseRegionFailure', () => {
  it('six timeouts of one region become one error', () => {
    assert.deepEqual(collapseRegionFailure('eu-west-3', failures('timeout')), [
      { service: 'lambda', operation: 'ListFunctions', region: 'eu-west-3', kind: 'timeout', message: 'Nothing could be read in eu-west-3: ListFunctions failed' },
    ]);
  });

  it('keeps denied errors, mixed kinds, and regions where something was read', () => {
    assert.equal(collapseRegionFailure('eu-west-3', failures('denied')).length, 6);
    const mixed = failures('network');
    mixed[3] = { ...mixed[3], kind: 'throttled' };
    assert.equal(collapseRegionFailure('eu-west-3', mixed).length, 6);
    assert.equal(collapseRegionFailure('eu-west-3', failures('network').slice(1)).length, 5);
  });

  it('keeps per-function errors next to the summary', () => {
    const perFunction: CollectError = { service: 'lambda', operation: 'GetPolicy', region: 'eu-west-3', resource: 'f', kind: 'network', message: 'x' };
    assert.deepEqual(
      collapseRegionFailure('eu-west-3', [...failures('network'), perFunction]).map((e) => e.operation),
      ['ListFunctions', 'GetPolicy'],
    );
  });
});
