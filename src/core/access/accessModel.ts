/** Who can change or invoke a function: the answer `audit` prints and the Functions tree shows. */

/** One condition that makes a grant conditional, as written in the policy. */
export interface GrantCondition {
  operator: string;
  key: string;
  values: string[];
}

export type GranteeKind = 'user' | 'role' | 'group' | 'service' | 'account' | 'public' | 'federated';

export interface AccessGrant {
  /** An IAM ARN (user, role, account root), a service principal (`s3.amazonaws.com`), or `*`. */
  principal: string;
  kind: GranteeKind;
  /** The Lambda or IAM actions the principal may perform on the function (or its role, for PassRole). */
  actions: string[];
  /** True when every path to the grant depends on a condition (shown with `conditions`). */
  conditional: boolean;
  conditions: GrantCondition[];
  /** Where the permission comes from, for people: `inline policy deploy of role ci-deployer`, `resource policy statement s3-invoke`, `group admins`. */
  via: string[];
  /** The subset of `actions` that depend on a condition, when only some do (`conditional` is then false). */
  conditionalActions?: string[];
  /** Conditions of Deny statements that revoke the grant when they are met (the grant is then conditional). */
  denyConditions?: GrantCondition[];
  /** Conditions that the snapshot shows are met (e.g. `lambda:FunctionUrlAuthType` = the URL's auth type), kept for display. */
  satisfiedConditions?: GrantCondition[];
  /** Policies of this principal whose documents are missing from the snapshot: the answer may differ (a Deny there, say). */
  unknownPolicies?: string[];
}

/**
 * `analyzeAccess` shares identical AccessGrant objects between functions (a 1,000-function account has
 * few distinct ones): they are frozen, arrays included. Copy one before changing it.
 */
export interface FunctionAccess {
  functionArn: string;
  /** Identities that may change the code, configuration or permissions, or create a function with its role. */
  whoCanModify: AccessGrant[];
  /** Principals that may invoke it: resource-policy statements and identity policies. */
  whoCanInvoke: AccessGrant[];
  /**
   * Managed policies (or groups) attached to identities of the account whose documents are missing: any of
   * them could grant access that is not listed above. Same list for every function of the snapshot.
   */
  unknownPolicies?: string[];
  /** Statements that could not be read (malformed JSON policy grammar): they grant and deny nothing here. */
  problems?: string[];
}

/** Actions that change a function (ARCHITECTURE.md "who can modify"). */
export const MODIFY_ACTIONS = ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration', 'lambda:AddPermission'] as const;
/** Actions that invoke a function. */
export const INVOKE_ACTIONS = ['lambda:InvokeFunction', 'lambda:InvokeFunctionUrl'] as const;
