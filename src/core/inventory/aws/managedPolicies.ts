/**
 * Documents of the AWS managed policies an account uses (attached to a role, user or group, or set as a
 * permissions boundary): from the bundled dataset when it has the policy, else from IAM GetPolicy +
 * GetPolicyVersion. Versions read from IAM are cached by ARN and version id (they never change).
 */
import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import type { ManagedPolicy, PolicyJson } from '../accountModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { policyNameOf } from './iamMapping';
import type { ManagedPolicyDataset } from './managedPolicyDataset';
import { decodePolicyDocument } from './policyDocument';
import { mapPool } from './rateLimit';

const AWS_MANAGED = /^arn:[^:]+:iam::aws:policy\//;

export function isAwsManagedPolicyArn(arn: string): boolean {
  return AWS_MANAGED.test(arn);
}

export interface ManagedPolicyDeps {
  clients: AwsClients;
  /** The region IAM is called in (IAM is global; this only picks the partition's endpoint). */
  region: string;
  calls: Calls;
  dataset?: ManagedPolicyDataset;
  /** `arn@versionId` → document, kept by the source across refreshes. */
  versionCache: Map<string, unknown>;
}

async function fromIam(arn: string, name: string, deps: ManagedPolicyDeps): Promise<ManagedPolicy> {
  const policy: ManagedPolicy = { arn, name, awsManaged: true };
  const iam = deps.clients.get('iam', deps.region);
  const site = { service: 'iam', region: deps.region, resource: arn };
  const got = await deps.calls.run({ ...site, operation: 'GetPolicy' }, (s) => iam.send(new GetPolicyCommand({ PolicyArn: arn }), { abortSignal: s }));
  const versionId = got?.Policy?.DefaultVersionId;
  if (!versionId) return policy;
  policy.defaultVersionId = versionId;
  const key = `${arn}@${versionId}`;
  let document = deps.versionCache.get(key) as PolicyJson | undefined;
  if (!document) {
    const version = await deps.calls.run({ ...site, operation: 'GetPolicyVersion' }, (s) =>
      iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }), { abortSignal: s }),
    );
    if (!version) return policy;
    const decoded = decodePolicyDocument(version.PolicyVersion?.Document);
    if (!decoded.ok) {
      deps.calls.record({ ...site, operation: 'GetPolicyVersion', kind: 'other', message: `The document of ${arn} (${versionId}) could not be read: ${decoded.reason}.` });
      return policy;
    }
    document = decoded.document;
    deps.versionCache.set(key, document);
  }
  return { ...policy, document, documentSource: 'account' };
}

/** One ManagedPolicy per distinct ARN, sorted by ARN. */
export async function resolveAwsManagedPolicies(arns: Iterable<string>, deps: ManagedPolicyDeps): Promise<ManagedPolicy[]> {
  const unique = [...new Set(arns)].filter(isAwsManagedPolicyArn).sort();
  return mapPool(
    unique,
    4,
    async (arn) => {
      const name = policyNameOf(arn);
      const known = deps.dataset?.lookup(arn);
      if (known) return { arn, name, awsManaged: true, defaultVersionId: known.versionId, document: known.document, documentSource: 'dataset' as const };
      return fromIam(arn, name, deps);
    },
    deps.calls.signal,
  );
}
