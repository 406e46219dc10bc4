import { get, type TNode } from '../tree/tnode';

/** `serverless.yml`, `serverless.yaml` or `serverless.json` (or a variant such as `serverless.prod.yml`), in any folder. */
export function isServerlessFileName(file: string): boolean {
  return /(^|[\\/])serverless(\.[\w-]+)?\.(ya?ml|json)$/i.test(file);
}

/** A Serverless Framework service (v1–v4): a `service` with a `provider` or a `frameworkVersion`. */
export function isServerlessConfig(root: TNode | undefined): boolean {
  return !!root && root.kind === 'map' && !!get(root, 'service') && (!!get(root, 'provider') || !!get(root, 'frameworkVersion'));
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
