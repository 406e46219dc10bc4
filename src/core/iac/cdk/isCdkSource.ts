/**
 * Cheap text test, no parser: does this TypeScript file import the AWS CDK (v2 `aws-cdk-lib`, any
 * sub-path, or a v1 `@aws-cdk/*` package)? Keeps non-CDK `.ts` files from paying for the compiler.
 */
const CDK_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)['"](?:aws-cdk-lib(?:\/[^'"]*)?|@aws-cdk\/[^'"]+)['"]/;

export function isCdkSource(text: string): boolean {
  if (!text.includes('aws-cdk-lib') && !text.includes('@aws-cdk/')) return false;
  return CDK_IMPORT.test(text);
}
