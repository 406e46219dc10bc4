/**
 * The network of one region: every network interface (Lambda's VPC ENIs are shared by all functions with
 * the same subnet + security-group set, so all of them are read, not only one per function), the
 * subnets and the security groups with their rules. Three independent paged reads.
 */
import { paginateDescribeNetworkInterfaces, paginateDescribeSecurityGroups, paginateDescribeSubnets } from '@aws-sdk/client-ec2';
import type { NetworkInventory } from '../accountModel';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { mapInterface, mapSecurityGroup, mapSubnet } from './ec2Mapping';

const PAGE_SIZE = 1000;

/** Reads into `out` (so a cancelled collection keeps what it had). */
export async function collectNetwork(clients: AwsClients, region: string, calls: Calls, out: NetworkInventory): Promise<void> {
  const client = clients.get('ec2', region);
  const site = { service: 'ec2', region };
  await Promise.all([
    calls.run({ ...site, operation: 'DescribeNetworkInterfaces' }, async (abortSignal) => {
      for await (const page of paginateDescribeNetworkInterfaces({ client, pageSize: PAGE_SIZE }, {}, { abortSignal })) {
        out.interfaces.push(...(page.NetworkInterfaces ?? []).map((n) => mapInterface(n, region)));
      }
    }),
    calls.run({ ...site, operation: 'DescribeSubnets' }, async (abortSignal) => {
      for await (const page of paginateDescribeSubnets({ client, pageSize: PAGE_SIZE }, {}, { abortSignal })) {
        out.subnets.push(...(page.Subnets ?? []).map((s) => mapSubnet(s, region)));
      }
    }),
    calls.run({ ...site, operation: 'DescribeSecurityGroups' }, async (abortSignal) => {
      for await (const page of paginateDescribeSecurityGroups({ client, pageSize: PAGE_SIZE }, {}, { abortSignal })) {
        out.securityGroups.push(...(page.SecurityGroups ?? []).map((g) => mapSecurityGroup(g, region)));
      }
    }),
  ]);
}
