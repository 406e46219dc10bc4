import type { Statement } from '../../model/policy';
import type { ExtractContext } from '../cloudformation/extractContext';
import { pushStatements, syntheticMap } from '../cloudformation/extractResourcePolicy';
import { readStatement } from '../cloudformation/readStatement';
import { get, type TNode } from '../tree/tnode';

/**
 * `AWS::Serverless::Api` `Auth.ResourcePolicy`: the REST API's resource policy as SAM writes it. Custom
 * statements are read as they are; each `AwsAccountWhitelist` account becomes the Allow of
 * `execute-api:Invoke` SAM generates for it (a cross-account grant, on the account's own line). The IP,
 * VPC and blacklist options only restrict, so they add nothing to judge.
 */
export function extractServerlessApi(id: string, r: TNode, props: TNode | undefined, ctx: ExtractContext): void {
  const rp = get(get(props, 'Auth'), 'ResourcePolicy');
  if (!rp) return;
  const statements: Statement[] = [];
  const custom = get(rp, 'CustomStatements');
  for (const n of custom?.kind === 'seq' ? custom.items : custom ? [custom] : []) statements.push(...readStatement(n, ctx.rc));
  const accounts = get(rp, 'AwsAccountWhitelist');
  for (const acct of accounts?.kind === 'seq' ? accounts.items : accounts ? [accounts] : []) {
    const at = (value: string): TNode => ({ kind: 'scalar', value, range: acct.range });
    const node = syntheticMap(acct.range, [['Effect', at('Allow')], ['Action', at('execute-api:Invoke')], ['Principal', syntheticMap(acct.range, [['AWS', acct]])]]);
    statements.push(...readStatement(node, ctx.rc));
  }
  pushStatements(ctx, { owner: id, origin: `API resource policy of ${id}`, service: 'execute-api', resourceType: 'AWS::Serverless::Api', range: rp.range }, statements);
}
