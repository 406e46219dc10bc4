import { HOLE } from '../../model/value';
import { getProp, propValue, type Value } from './cdkValue';

/**
 * The ARN `Stack.formatArn(components)` / `Arn.format(components, stack)` builds, as CDK does: a
 * component left out is the stack's (unknown: a hole), and `arnFormat` chooses the separator before
 * the resource name. `resourceName: '*'` thus becomes a wildcard the rules can see.
 */
export function formatArnText(c: Value): string | undefined {
  if (c.kind !== 'obj') return undefined;
  const part = (name: string, absent: string): string => {
    const v = propValue(c, name);
    return v === undefined ? absent : v.kind === 'str' ? v.text : HOLE;
  };
  const service = part('service', HOLE);
  const resource = part('resource', HOLE);
  const head = `arn:${part('partition', HOLE)}:${service}:${part('region', HOLE)}:${part('account', HOLE)}:`;
  const fmt = propValue(c, 'arnFormat');
  const format = fmt?.kind === 'cdk' ? fmt.path[fmt.path.length - 1] : fmt?.kind === 'str' ? fmt.text : undefined;
  if (!getProp(c, 'resourceName') || format === 'NO_RESOURCE_NAME' || format === 'arn:aws:service:region:account:resource') return head + resource;
  const name = part('resourceName', '');
  const sep = propValue(c, 'sep');
  if (sep?.kind === 'str') return `${head}${resource}${sep.text}${name}`;
  if (format === 'COLON_RESOURCE_NAME' || format === 'arn:aws:service:region:account:resource:resourceName') return `${head}${resource}:${name}`;
  if (format === 'SLASH_RESOURCE_SLASH_RESOURCE_NAME' || format === 'arn:aws:service:region:account:/resource/resourceName') return `${head}/${resource}/${name}`;
  return `${head}${resource}/${name}`;
}
