import type { AlarmInfo, EnvVar, FunctionInfo, FunctionUrl, LambdaPermission } from './lambdaResources';
import type { ManagedPolicyRef, PolicyDocument } from './policy';
import type { SourceRange } from './sourceRange';

export type TemplateFormat = 'cloudformation' | 'sam' | 'cdk' | 'serverless';

/** A suppression declared on a resource (`Metadata: lambda-guard: ignore:`) or by a comment. */
export interface Suppression {
  ruleId: string;
  reason: string;
  kind: 'comment' | 'metadata';
  /** For comment suppressions: the range the comment covers (the next statement or resource). */
  appliesTo?: SourceRange;
  /** For metadata suppressions: the resource they belong to. */
  owner?: string;
  range: SourceRange;
}

export interface ResourceInfo {
  logicalId: string;
  type: string;
  /** The whole resource (key and body). */
  range: SourceRange;
  /** The logical id key. */
  keyRange: SourceRange;
}

/**
 * What the rules see: every policy, permission and function setting of one source file, normalised
 * the same way for CloudFormation, SAM and CDK so that findings mean the same thing everywhere.
 */
export interface TemplateModel {
  file: string;
  format: TemplateFormat;
  resources: ResourceInfo[];
  functions: FunctionInfo[];
  policies: PolicyDocument[];
  managedPolicies: ManagedPolicyRef[];
  permissions: LambdaPermission[];
  functionUrls: FunctionUrl[];
  envVars: EnvVar[];
  alarms: AlarmInfo[];
  suppressions: Suppression[];
}

export function emptyModel(file: string, format: TemplateFormat): TemplateModel {
  return {
    file,
    format,
    resources: [],
    functions: [],
    policies: [],
    managedPolicies: [],
    permissions: [],
    functionUrls: [],
    envVars: [],
    alarms: [],
    suppressions: [],
  };
}
