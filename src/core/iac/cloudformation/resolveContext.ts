import { get, type TNode } from '../tree/tnode';

/** What intrinsic resolution may look up in the template: parameters, mappings, resources. */
export interface ResolveContext {
  parameters: Set<string>;
  resources: Set<string>;
  mappings?: TNode;
}

export function contextFor(root: TNode): ResolveContext {
  const keys = (n: TNode | undefined): Set<string> =>
    new Set(n && n.kind === 'map' ? n.entries.map((e) => e.key) : []);
  return { parameters: keys(get(root, 'Parameters')), resources: keys(get(root, 'Resources')), mappings: get(root, 'Mappings') };
}

/** Pseudo parameters with a value we can use; the others (Region, AccountId …) are unknown. */
export const KNOWN_PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};
