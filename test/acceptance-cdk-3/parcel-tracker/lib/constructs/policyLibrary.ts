import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** Action groups shared by the parcel services. */
const ParcelActions = {
  EVENTS_PUBLISH: ['events:PutEvents'],
  QUEUE_ADMIN: ['sqs:*'],
  TABLE_READ: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  TABLE_MAINTENANCE: [
    'dynamodb:Update*',
    'dynamodb:Describe*',
  ],
} as const;

const TRACKING_ACCOUNT = '123456789012';
const TRACKING_REGION = 'eu-west-1';

/**
 * Read access to the audit trail. One document, attached as an inline policy to
 * every role that investigates incidents.
 */
export function auditTrailDocument(trailBucket: string): iam.PolicyDocument {
  return new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({
        sid: 'ReadTrail',
        actions: ['s3:GetObject', 's3:ListBucket'],
        resources: [`arn:aws:s3:::${trailBucket}`, `arn:aws:s3:::${trailBucket}/*`],
      }),
      new iam.PolicyStatement({
        sid: 'DecryptTrail',
        actions: ['kms:Decrypt'],
        resources: ['*'],
      }),
      iam.PolicyStatement.fromJson({
        Sid: 'LookupEvents',
        Effect: 'Allow',
        Action: ['cloudtrail:LookupEvents', 'cloudtrail:GetTrailStatus'],
        Resource: '*',
      }),
    ],
  });
}

/** Re-drives messages from the dead-letter queues back to their sources. */
export const deadLetterRedrive = iam.PolicyStatement.fromJson({
  Sid: 'RedriveDeadLetters',
  Effect: 'Allow',
  Action: 'sqs:*',
  Resource: `arn:aws:sqs:${TRACKING_REGION}:${TRACKING_ACCOUNT}:*`,
});

export function queueOperatorStatement(queueArn: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: [...ParcelActions.QUEUE_ADMIN],
    resources: [queueArn],
  });
}

export function tableMaintenanceStatement(tableArn: string): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: [...ParcelActions.TABLE_MAINTENANCE],
    resources: [tableArn, `${tableArn}/index/*`],
  });
}

export function eventPublisherStatement(): iam.PolicyStatement {
  return new iam.PolicyStatement({
    actions: [...ParcelActions.EVENTS_PUBLISH],
    resources: [`arn:aws:events:${TRACKING_REGION}:${TRACKING_ACCOUNT}:event-bus/default`],
  });
}

/** Support engineers: look up parcels and their scans. */
export function supportManagedPolicy(scope: Construct): iam.ManagedPolicy {
  const tableArn = `arn:aws:dynamodb:${TRACKING_REGION}:${TRACKING_ACCOUNT}:table/parcels`;
  return new iam.ManagedPolicy(scope, 'SupportPolicy', {
    description: 'Support engineers: read parcels and their scans',
    statements: [
      new iam.PolicyStatement({
        actions: [...ParcelActions.TABLE_READ],
        resources: [tableArn, `${tableArn}/index/*`],
      }),
    ],
  });
}
