// Settings shared by the media pipeline stacks. Account ids are the real ones of each environment.
export const PROD_ACCOUNT = '123456789012';
export const PARTNER_ACCOUNT = '210987654321';
export const AUDIT_ACCOUNT = '444455556666';
export const ORG_ID = 'o-a1b2c3d4e5';
export const REGION = 'eu-west-1';

export const MEDIA_BUCKET_NAME = 'acme-media-originals';
export const AUDIT_BUCKET = 'acme-audit-trail';
export const QUEUE_SERVICE = 'sqs';

export const READ_MEDIA_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion'];
export const TRANSCODE_WRITE_ACTIONS = ['s3:PutObject', 's3:PutObjectTagging'];
// Kept for the catalog migration; to be narrowed once the new table is live.
export const LEGACY_CATALOG_ACTIONS = ['dynamodb:*'];

export const COMMON_ENV = {
  LOG_LEVEL: 'info',
  POWERTOOLS_SERVICE_NAME: 'media-pipeline',
};

export const SLACK_BOT_TOKEN = 'xoxb-1234567890-0987654321098-AbCdEfGhIjKlMnOpQrStUvWx';
