/**
 * AWS rewrites what AddPermission was given before GetPolicy returns it: an account id principal becomes
 * `{"AWS": "arn:aws:iam::<id>:root"}`, a service principal `{"Service": …}`, and `FunctionUrlAuthType`
 * becomes the condition `lambda:FunctionUrlAuthType`. Emulators (moto 5.2.5) return the raw input;
 * this brings such statements to AWS's shape so the analysis sees one form. AWS's own responses pass
 * through unchanged.
 */
import type { PolicyJson } from '../accountModel';

type Statement = Record<string, unknown>;

function principalOf(p: string, partition: string): unknown {
  if (p === '*') return p;
  if (/^\d{12}$/.test(p)) return { AWS: `arn:${partition}:iam::${p}:root` };
  if (p.startsWith('arn:')) return { AWS: p };
  return { Service: p };
}

function reshape(st: Statement, partition: string): Statement {
  const out: Statement = { ...st };
  if (typeof out.Principal === 'string') out.Principal = principalOf(out.Principal, partition);
  if (typeof out.FunctionUrlAuthType === 'string') {
    const condition = { ...((out.Condition as Record<string, Record<string, unknown>>) ?? {}) };
    condition.StringEquals = { ...(condition.StringEquals ?? {}), 'lambda:FunctionUrlAuthType': out.FunctionUrlAuthType };
    out.Condition = condition;
    delete out.FunctionUrlAuthType;
  }
  return out;
}

export function awsShapedLambdaPolicy(doc: PolicyJson, functionArn: string): PolicyJson {
  const partition = functionArn.split(':')[1] || 'aws';
  const statements = doc.Statement;
  if (Array.isArray(statements)) return { ...doc, Statement: statements.map((s) => (s && typeof s === 'object' ? reshape(s as Statement, partition) : s)) };
  if (statements && typeof statements === 'object') return { ...doc, Statement: reshape(statements as Statement, partition) };
  return doc;
}
