/** EC2 responses → the snapshot's network types (interfaces, subnets, security groups and their rules). */
import type { IpPermission, NetworkInterface, SecurityGroup, Subnet } from '@aws-sdk/client-ec2';
import type { NetworkInterfaceInfo, SecurityGroupInfo, SecurityGroupRule, SubnetInfo } from '../accountModel';

export function mapInterface(n: NetworkInterface, region: string): NetworkInterfaceInfo {
  const ips = (n.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress ?? '').filter(Boolean);
  if (!ips.length && n.PrivateIpAddress) ips.push(n.PrivateIpAddress);
  return {
    id: n.NetworkInterfaceId ?? '',
    region,
    vpcId: n.VpcId,
    subnetId: n.SubnetId,
    availabilityZone: n.AvailabilityZone,
    description: n.Description ?? '',
    interfaceType: n.InterfaceType,
    requesterId: n.RequesterId,
    requesterManaged: n.RequesterManaged,
    status: n.Status,
    privateIps: ips,
    publicIp: n.Association?.PublicIp,
    securityGroupIds: (n.Groups ?? []).map((g) => g.GroupId ?? '').filter(Boolean),
  };
}

export function mapSubnet(s: Subnet, region: string): SubnetInfo {
  const name = s.Tags?.find((t) => t.Key === 'Name')?.Value;
  return { id: s.SubnetId ?? '', region, vpcId: s.VpcId ?? '', cidr: s.CidrBlock ?? '', availabilityZone: s.AvailabilityZone, ...(name ? { name } : {}) };
}

function mapRule(p: IpPermission): SecurityGroupRule {
  const peers = [
    ...(p.IpRanges ?? []).map((r) => r.CidrIp ?? ''),
    ...(p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6 ?? ''),
    ...(p.PrefixListIds ?? []).map((r) => r.PrefixListId ?? ''),
    ...(p.UserIdGroupPairs ?? []).map((r) => r.GroupId ?? ''),
  ].filter(Boolean);
  // `-1` is EC2's "every protocol"; ports are absent (or -1) then.
  const ports = p.IpProtocol !== '-1' && p.FromPort !== undefined && p.FromPort !== -1 ? { fromPort: p.FromPort, toPort: p.ToPort } : {};
  return { protocol: p.IpProtocol ?? '-1', ...ports, peers };
}

export function mapSecurityGroup(g: SecurityGroup, region: string): SecurityGroupInfo {
  return {
    id: g.GroupId ?? '',
    region,
    vpcId: g.VpcId,
    name: g.GroupName ?? '',
    description: g.Description,
    ingress: (g.IpPermissions ?? []).map(mapRule),
    egress: (g.IpPermissionsEgress ?? []).map(mapRule),
  };
}
