/** Whose account this is: STS GetCallerIdentity (needs no permission), partition from the caller's ARN. */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AccountIdentity } from '../accountModel';
import type { AwsClients } from './clients';

export async function readIdentity(clients: AwsClients, region: string, signal?: AbortSignal): Promise<AccountIdentity> {
  const out = await clients.get('sts', region).send(new GetCallerIdentityCommand({}), { abortSignal: signal });
  const arn = out.Arn ?? '';
  return { id: out.Account ?? '', partition: arn.split(':')[1] || 'aws', ...(arn ? { callerArn: arn } : {}) };
}
