import type { LiveFunction } from '../inventory/accountModel';
import type { TrailEvent } from '../inventory/telemetryModel';
import type { FunctionIndex } from './functionIndex';

/** An assumed-role session, read from `userIdentity`. */
export interface RoleSession {
  accountId: string;
  /** The role name as the STS ARN carries it (without the role's path). */
  roleName: string;
  /** The role ARN with its path, from `sessionContext.sessionIssuer`, when recorded. */
  roleArn?: string;
  sessionName: string;
  /**
   * `awslambda_<n>_<ts>` sessions: the Lambda service acting with the execution role on the function's
   * behalf (ENI management, DLQ and destination sends), not the function's own code.
   */
  serviceSession: boolean;
}

const ASSUMED_ROLE = /^arn:aws[a-z-]*:sts::(\d{12}):assumed-role\/([^/]+)\/(.+)$/;
const SERVICE_SESSION = /^awslambda_\d+_\d+$/;

export function roleSessionOf(event: TrailEvent): RoleSession | undefined {
  const m = event.userIdentity.arn ? ASSUMED_ROLE.exec(event.userIdentity.arn) : null;
  if (!m) return undefined;
  const session: RoleSession = { accountId: m[1], roleName: m[2], sessionName: m[3], serviceSession: SERVICE_SESSION.test(m[3]) };
  if (event.userIdentity.sessionIssuerArn) session.roleArn = event.userIdentity.sessionIssuerArn;
  return session;
}

function accountOfArn(arn: string): string | undefined {
  return arn.split(':')[4] || undefined;
}

/**
 * The functions that run with the session's role: by role ARN when recorded (it carries the path), else
 * — or when a role was recorded without its path somewhere — by role name within the same account.
 */
function functionsWithRole(session: RoleSession, index: FunctionIndex): LiveFunction[] {
  const byArn = session.roleArn ? index.byRoleArn.get(session.roleArn.toLowerCase()) : undefined;
  if (byArn?.length) return byArn;
  return (index.byRoleName.get(session.roleName.toLowerCase()) ?? []).filter((f) => accountOfArn(f.role) === session.accountId);
}

export interface CallAttribution {
  session: RoleSession;
  /** Usually one function; several for a service session of a role that several functions share. */
  functions: LiveFunction[];
}

/**
 * Which function's role session made this call. A function's own calls come from the session named
 * after it (`assumed-role/<role>/<function>`); the role must be the function's execution role, so a
 * session that only borrows a function's name under another role is not attributed. Service sessions
 * (`awslambda_…`) go to every function of the role. When the same name exists in several regions with
 * the same role, the event's region decides.
 */
export function attributeCall(event: TrailEvent, index: FunctionIndex): CallAttribution | undefined {
  const session = roleSessionOf(event);
  if (!session) return undefined;
  const withRole = functionsWithRole(session, index);
  if (withRole.length === 0) return undefined;
  let functions = session.serviceSession ? withRole : withRole.filter((f) => f.name === session.sessionName);
  if (functions.length > 1) {
    const sameRegion = functions.filter((f) => f.region === event.region);
    if (sameRegion.length > 0) functions = sameRegion;
  }
  return functions.length > 0 ? { session, functions } : undefined;
}
