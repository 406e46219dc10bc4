// Shared settings of the orders app. Plain constants: the stacks import them.

export const DEPLOY_ACCOUNT = '111122223333';
export const DEPLOY_REGION = 'eu-west-1';

/** The partner that reads order exports from its own account. */
export const PARTNER_ACCOUNT_ID = '444455556666';

export const ARCHIVE_BUCKET_NAME = `orders-archive-${DEPLOY_ACCOUNT}`;

/** What the order API does with its table. */
export const TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'];

/** Inherited from the first version of the reporting job; nobody has narrowed it yet. */
export const LEGACY_REPORT_ACTIONS = ['s3:*', 'athena:StartQueryExecution', 'athena:GetQueryResults'];

export const LOG_LEVEL = 'info';
