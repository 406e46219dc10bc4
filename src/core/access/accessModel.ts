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
}

export interface FunctionAccess {
  functionArn: string;
  /** Identities that may change the code, configuration or permissions, or create a function with its role. */
  whoCanModify: AccessGrant[];
  /** Principals that may invoke it: resource-policy statements and identity policies. */
  whoCanInvoke: AccessGrant[];
}

/** Actions that change a function (ARCHITECTURE.md "who can modify"). */
export const MODIFY_ACTIONS = ['lambda:UpdateFunctionCode', 'lambda:UpdateFunctionConfiguration', 'lambda:AddPermission'] as const;
/** Actions that invoke a function. */
export const INVOKE_ACTIONS = ['lambda:InvokeFunction', 'lambda:InvokeFunctionUrl'] as const;
