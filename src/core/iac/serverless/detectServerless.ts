import { get, scalarString, type TNode } from '../tree/tnode';

/** `serverless.yml`, `serverless.yaml` or `serverless.json` (or a variant such as `serverless.prod.yml`), in any folder. */
export function isServerlessFileName(file: string): boolean {
  return /(^|[\\/])serverless(\.[\w-]+)?\.(ya?ml|json)$/i.test(file);
}

/**
 * A Serverless Framework service (v1–v4) on AWS: a `service` with a `provider` or a `frameworkVersion`, whose
 * `provider.name` is `aws` (or not written literally). Google, Azure or other providers are not Lambda.
 */
export function isServerlessConfig(root: TNode | undefined): boolean {
  if (!root || root.kind !== 'map' || !get(root, 'service') || (!get(root, 'provider') && !get(root, 'frameworkVersion'))) return false;
  const provider = get(root, 'provider');
  const name = provider?.kind === 'scalar' ? scalarString(provider) : scalarString(get(provider, 'name'));
  return name === undefined || name.includes('${') || name.trim().toLowerCase() === 'aws';
}

/** Quick text test for a file that does not parse: did it mean to be a Serverless service? */
export function looksLikeServerless(text: string): boolean {
  return /^service\s*:/m.test(text) && /^(provider|frameworkVersion)\s*:/m.test(text) || /"service"\s*:/.test(text) && /"provider"\s*:/.test(text);
}

/**
 * Serverless's logical id for a name: `get-users` → `GetDashusers` (dashes and underscores spelt out, first
 * letter capitalised), as in `GetDashusersLambdaFunction`.
 */
export function normalizedName(name: string): string {
  const alnum = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore').replace(/[^A-Za-z0-9]/g, '');
  return alnum.charAt(0).toUpperCase() + alnum.slice(1);
}
