/**
 * The CDK module a specifier names, normalised so that v1, v2 and alpha packages compare equal:
 * `aws-cdk-lib` and `@aws-cdk/core` → ``, `aws-cdk-lib/aws-iam` and `@aws-cdk/aws-iam` → `aws-iam`,
 * `@aws-cdk/aws-lambda-python-alpha` → `aws-lambda-python`. `undefined` when it is not the CDK.
 */
const cache = new Map<string, string | undefined>();

export function normalizeCdkModule(spec: string): string | undefined {
  if (cache.has(spec)) return cache.get(spec);
  const m = normalize(spec);
  cache.set(spec, m);
  return m;
}

function normalize(spec: string): string | undefined {
  let m: string;
  if (spec === 'aws-cdk-lib' || spec === '@aws-cdk/core' || spec === 'aws-cdk-lib/core') return '';
  if (spec.startsWith('aws-cdk-lib/')) m = spec.slice('aws-cdk-lib/'.length);
  else if (spec.startsWith('@aws-cdk/')) m = spec.slice('@aws-cdk/'.length);
  else return undefined;
  return m.replace(/-alpha$/, '').replace(/\/lib$/, '');
}

/** `aws_lambda_nodejs` (a member of the `aws-cdk-lib` root) → `aws-lambda-nodejs`. */
export function moduleFromRootMember(name: string): string | undefined {
  return /^aws_[a-z0-9_]+$/.test(name) ? name.replace(/_/g, '-') : undefined;
}
