import type { TemplateFormat } from '../../model/templateModel';
import { get, scalarString, type TNode } from '../tree/tnode';

/** Quick text test, used when a file does not parse: does it look like it meant to be a template? */
export function looksLikeTemplate(text: string): boolean {
  return /^\s*(AWSTemplateFormatVersion|Resources|Transform)\s*:/m.test(text) || /"(AWSTemplateFormatVersion|Resources)"\s*:/.test(text);
}

/**
 * Decides whether a parsed document is a CloudFormation/SAM template. Workflows, Kubernetes manifests,
 * package.json and tsconfig have no `Resources` of typed resources, so they are skipped.
 */
export function templateFormat(root: TNode | undefined): TemplateFormat | undefined {
  if (!root || root.kind !== 'map') return undefined;
  const resources = get(root, 'Resources');
  const transform = get(root, 'Transform');
  const transformText = transform ? JSON.stringify(transform) : '';
  const typed = resources && resources.kind === 'map' && resources.entries.some((e) => scalarString(get(e.value, 'Type')) !== undefined);
  if (!typed && !get(root, 'AWSTemplateFormatVersion')) return undefined;
  const samTyped = resources?.kind === 'map' && resources.entries.some((e) => (scalarString(get(e.value, 'Type')) ?? '').startsWith('AWS::Serverless::'));
  return transformText.includes('AWS::Serverless') || samTyped ? 'sam' : 'cloudformation';
}
