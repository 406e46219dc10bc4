import { HOLE } from '../model/value';
import { editDistance } from './editDistance';
import type { AwsManagedPolicy, AwsManagedPolicyDataset } from './managedPolicyData';

// What a managed-policy reference in a template names: an AWS managed policy of the dataset, one written
// with the wrong path or case, a deprecated one, an unknown one — or nothing we can judge (a customer
// managed policy, an unresolved value, another partition).

/**
 * AWS managed policies that AWS deprecated and removed from the list of attachable policies, with their
 * successor. Only policies absent from the dataset are reported as deprecated; the others are judged by content.
 */
const DEPRECATED: ReadonlyMap<string, string> = new Map([
  ['awslambdafullaccess', 'AWSLambda_FullAccess'],
  ['awslambdareadonlyaccess', 'AWSLambda_ReadOnlyAccess'],
  ['amazonelastictranscoderfullaccess', 'AmazonElasticTranscoder_FullAccess'],
  ['awselasticbeanstalkfullaccess', 'AdministratorAccess-AWSElasticBeanstalk'],
]);

export type ManagedRefVerdict =
  /** An AWS managed policy of the dataset (`partition` as written; other partitions get the `aws` document). */
  | { kind: 'known'; policy: AwsManagedPolicy; partition: string }
  /** The name exists, but not at this path or in this case: IAM cannot attach what was written. */
  | { kind: 'misspelt'; written: string; policy: AwsManagedPolicy }
  | { kind: 'deprecated'; name: string; replacement?: AwsManagedPolicy }
  | { kind: 'unknown'; name: string; suggestion?: AwsManagedPolicy };

/** The AWS managed policy name a reference names (ARN `arn:*:iam::aws:policy/[path/]Name` or a bare name), else undefined. */
export function awsManagedPolicyName(text: string): string | undefined {
  const t = text.trim();
  const arn = /^arn:[^:]*:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(t);
  if (arn) return arn[1].includes(HOLE) ? undefined : arn[1];
  if (t.startsWith('arn:') || t.includes(HOLE)) return undefined;
  return /^[\w+=,.@-]+$/.test(t) ? t : undefined;
}

/** The closest dataset name within two edits (case-insensitive), for "did you mean". */
function closest(name: string, dataset: AwsManagedPolicyDataset): AwsManagedPolicy | undefined {
  const lower = name.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const n of dataset.names()) {
    if (Math.abs(n.length - name.length) > 2) continue;
    const d = editDistance(lower, n.toLowerCase(), 2);
    if (d <= 2 && (!best || d < best.d)) best = { name: n, d };
  }
  return best ? dataset.byName(best.name)[0] : undefined;
}

/**
 * Judges one managed-policy reference against the dataset. Bare names are how SAM `Policies` name AWS
 * managed policies (SAM finds the path); ARNs must match exactly. Undefined when there is nothing to judge.
 */
export function judgeManagedRef(text: string, dataset: AwsManagedPolicyDataset): ManagedRefVerdict | undefined {
  const t = text.trim();
  const name = awsManagedPolicyName(t);
  if (!name) return undefined;
  const arn = /^arn:([^:]*):iam::aws:policy(\/.*)$/.exec(t);
  const partition = arn ? arn[1] : 'aws';
  if (partition.includes(HOLE)) return undefined;
  const sameName = dataset.byName(name);
  if (arn) {
    const exact = dataset.byArn(`arn:aws:iam::aws:policy${arn[2]}`);
    if (exact) return { kind: 'known', policy: exact, partition };
    // Policies of the China and GovCloud partitions are not all in the dataset: judge only what it has.
    if (partition !== 'aws') return undefined;
  } else {
    const exact = sameName.find((p) => p.name === name);
    if (exact) return { kind: 'known', policy: exact, partition };
  }
  if (sameName.length) return { kind: 'misspelt', written: t, policy: sameName[0] };
  const successor = DEPRECATED.get(name.toLowerCase());
  if (successor) return { kind: 'deprecated', name, replacement: dataset.byName(successor)[0] };
  return { kind: 'unknown', name, suggestion: closest(name, dataset) };
}

/** The reference rewritten to name `policy`: an ARN keeps its partition, a bare name stays a bare name. */
export function correctedRef(written: string, policy: AwsManagedPolicy): string {
  const t = written.trim();
  const arn = /^arn:([^:]*):iam::aws:policy\//.exec(t);
  return arn ? policy.arn.replace(/^arn:aws:/, `arn:${arn[1]}:`) : policy.name;
}
