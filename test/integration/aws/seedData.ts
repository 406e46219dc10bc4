/**
 * The account the AWS tests seed on moto, written down as data: the tests' expectations come from here
 * (and from AWS's published managed policies), never from the collectors' code.
 */
import { ACCOUNT_ID, OTHER_ACCOUNT_ID } from './motoEndpoint';

export const REGION = 'us-east-1';
export const WEST = 'us-west-2';

const V = '2012-10-17';
export const LAMBDA_TRUST = { Version: V, Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
export const CI_TRUST = {
  Version: V,
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT_ID}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'lg-ci' } } }],
};

/** Characters that URL encoding must carry through: space, `+`, `%`, `&`, `=`, `/`, `*`, a non-ASCII letter. */
export const LOGS_INLINE = {
  Version: V,
  Statement: [{ Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:${REGION}:${ACCOUNT_ID}:log-group:/aws/lambda/a b+c%d&e=f/é*` }],
};
export const CI_DEPLOY = {
  Version: V,
  Statement: [{ Effect: 'Allow', Action: ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration'], Resource: `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:lg-*` }],
};
export const BOB_PASS_ROLE = {
  Version: V,
  Statement: [
    {
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::${ACCOUNT_ID}:role/lg-fn-basic`,
      Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
    },
  ],
};
export const DEVELOPERS_DEPLOY = { Version: V, Statement: [{ Effect: 'Allow', Action: 'lambda:UpdateFunctionCode', Resource: '*' }] };
export const S3_READ_V1 = { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::lg-data/*' }] };
export const S3_READ_V2 = { Version: V, Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::lg-data', 'arn:aws:s3:::lg-data/*'] }] };
export const BOUNDARY = { Version: V, Statement: [{ Effect: 'Allow', Action: ['lambda:*', 'logs:*'], Resource: '*' }] };

export const AWS_BASIC = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
export const AWS_VPC = 'arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole';
export const AWS_ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';
export const AWS_IAM_FULL = 'arn:aws:iam::aws:policy/IAMFullAccess';
export const AWS_POWER_USER = 'arn:aws:iam::aws:policy/PowerUserAccess';
export const S3_READ_ARN = `arn:aws:iam::${ACCOUNT_ID}:policy/lg-s3-read`;
export const BOUNDARY_ARN = `arn:aws:iam::${ACCOUNT_ID}:policy/lg-boundary`;

export const roleArn = (name: string): string => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
export const functionArn = (name: string, region = REGION): string => `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${name}`;

/** 53 plain functions + 8 named ones = 61 in us-east-1: two ListFunctions pages of 50. */
export const BULK_FUNCTIONS = Array.from({ length: 53 }, (_, i) => `lg-bulk-${String(i).padStart(2, '0')}`);
export const NAMED_FUNCTIONS = ['lg-public-url', 'lg-s3-trigger', 'lg-cross-account', 'lg-vpc-a', 'lg-vpc-b', 'lg-vpc-c', 'lg-sqs-consumer', 'lg-alarmed'];
export const EAST_FUNCTION_COUNT = 61;
export const WEST_FUNCTIONS = ['lg-west-1', 'lg-west-2'];

export const PUBLIC_URL_ENV = { STAGE: 'prod', DB_PASSWORD: 'hunter2' };
export const PUBLIC_URL_TAGS = { team: 'web', owner: 'alice' };
export const UPLOADS_BUCKET_ARN = 'arn:aws:s3:::lg-uploads';

export const VPC_CIDR = '10.20.0.0/16';
export const SUBNET_A_CIDR = '10.20.1.0/24';
export const SUBNET_B_CIDR = '10.20.2.0/24';
/** The Lambda ENI shared by lg-vpc-a and lg-vpc-b (same subnet + security group), and lg-vpc-c's own. */
export const ENI_A_DESCRIPTION = 'AWS Lambda VPC ENI-lg-vpc-a-8d1e4c7a-9f0b-4f4e-a1b2-3c4d5e6f7a8b';
export const ENI_C_DESCRIPTION = 'AWS Lambda VPC ENI-lg-vpc-c-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const ENI_A_IP = '10.20.1.10';
export const ENI_C_IP = '10.20.2.10';
