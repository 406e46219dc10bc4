import { lookupAction, type AccessLevel } from '../iam/catalog';

/**
 * Calls that hand out credentials or secrets, widen access or blind the account's logging. A function
 * making one of these for the first time is the signal LG103 exists for, so they are errors. Anything
 * at the *Permissions management* access level of the IAM catalogue, and any write to IAM or
 * Organizations, is treated the same way.
 */
const SENSITIVE_ACTIONS: ReadonlySet<string> = new Set(
  [
    'sts:AssumeRole',
    'sts:AssumeRoleWithWebIdentity',
    'sts:AssumeRoleWithSAML',
    'sts:GetFederationToken',
    'sts:GetSessionToken',
    'secretsmanager:GetSecretValue',
    'secretsmanager:BatchGetSecretValue',
    'kms:Decrypt',
    'kms:CreateGrant',
    'ssm:GetParameter',
    'ssm:GetParameters',
    'ssm:GetParametersByPath',
    'ssm:SendCommand',
    'ssm:StartSession',
    's3:PutBucketPolicy',
    's3:DeleteBucketPolicy',
    's3:PutBucketAcl',
    's3:PutBucketPublicAccessBlock',
    's3:DeleteBucketPublicAccessBlock',
    'lambda:UpdateFunctionCode',
    'lambda:UpdateFunctionConfiguration',
    'lambda:AddPermission',
    'lambda:CreateFunction',
    'lambda:CreateFunctionUrlConfig',
    'ec2:AuthorizeSecurityGroupIngress',
    'ec2:CreateKeyPair',
    'ec2:ImportKeyPair',
    'ec2:RunInstances',
    'cloudtrail:StopLogging',
    'cloudtrail:DeleteTrail',
    'cloudtrail:UpdateTrail',
    'cloudtrail:PutEventSelectors',
    'guardduty:DeleteDetector',
    'guardduty:UpdateDetector',
    'config:StopConfigurationRecorder',
    'organizations:LeaveOrganization',
  ].map((a) => a.toLowerCase()),
);

export interface CallSensitivity {
  /** On the short list above, or at the Permissions management access level. */
  sensitive: boolean;
  /** From the IAM catalogue; empty for an action it does not know. */
  accessLevels: AccessLevel[];
}

// Services where any write changes who can do what in the account.
const IDENTITY_SERVICES = new Set(['iam', 'organizations', 'sso', 'identitystore']);

/** `iam:CreateUser` → sensitive (an IAM write); `dynamodb:DescribeTable` → not. */
export function callSensitivity(action: string): CallSensitivity {
  const accessLevels = lookupAction(action)?.accessLevels ?? [];
  const prefix = action.slice(0, action.indexOf(':')).toLowerCase();
  const identityWrite = IDENTITY_SERVICES.has(prefix) && accessLevels.some((l) => l === 'Write' || l === 'Permissions management');
  const sensitive = SENSITIVE_ACTIONS.has(action.toLowerCase()) || accessLevels.includes('Permissions management') || identityWrite;
  return { sensitive, accessLevels: [...accessLevels] };
}
