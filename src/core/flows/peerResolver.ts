/**
 * Peer resolution: an address seen in flow records → what it is. Another ENI of the account (by its
 * private or public IP), recognised by the description and requester AWS gives each managed ENI; else
 * a private address in a known subnet; else the internet for public addresses. The IP itself always
 * stays in the flow record; this only labels it.
 */
import type { AccountSnapshot, NetworkInterfaceInfo, SubnetInfo } from '../inventory/accountModel';
import { FunctionGroup, FunctionGroupIndex, functionGroupLabel, functionGroupsOf, isLambdaInterface } from './functionGroups';
import { Cidr, cidrContains, isPublicAddress, parseAddress, parseCidr } from './ipAddress';
import { serviceName } from './servicePorts';

export type PeerKind =
  | 'lambda'
  | 'rds'
  | 'elasticache'
  | 'nat-gateway'
  | 'vpc-endpoint'
  | 'load-balancer'
  | 'efs'
  | 'interface'
  | 'subnet'
  | 'private'
  | 'internet'
  | 'unknown';

export interface PeerInfo {
  address: string;
  kind: PeerKind;
  /** For people: "RDS database (eni-…)", "NAT gateway nat-…", "subnet-… address", "internet" … */
  label: string;
  interfaceId?: string;
  /** The managed resource behind the ENI: nat-…, vpce-…, app/<name>/<id>, fs-…, an ElastiCache node. */
  resourceId?: string;
  subnetId?: string;
  /** For another Lambda ENI: the functions sharing it. */
  functionGroup?: FunctionGroup;
}

type EniClass = Pick<PeerInfo, 'kind' | 'label' | 'resourceId'>;

/** What a (non-Lambda) ENI belongs to, from its description, requester and type. */
export function classifyInterface(eni: NetworkInterfaceInfo): EniClass {
  const d = eni.description;
  let m: RegExpExecArray | null;
  if (eni.requesterId === 'amazon-rds' || d === 'RDSNetworkInterface') return { kind: 'rds', label: `RDS database (${eni.id})` };
  if ((m = /^ElastiCache (\S+)/.exec(d)) || eni.requesterId === 'amazon-elasticache') {
    return { kind: 'elasticache', label: m ? `ElastiCache ${m[1]}` : `ElastiCache (${eni.id})`, resourceId: m?.[1] };
  }
  if ((m = /^Interface for NAT Gateway (nat-[0-9a-f]+)/.exec(d)) || eni.interfaceType === 'nat_gateway') {
    return { kind: 'nat-gateway', label: `NAT gateway ${m ? m[1] : eni.id}`, resourceId: m?.[1] };
  }
  if ((m = /^VPC Endpoint Interface (vpce-[0-9a-f]+)/.exec(d)) || eni.interfaceType === 'vpc_endpoint') {
    return { kind: 'vpc-endpoint', label: `VPC endpoint ${m ? m[1] : eni.id}`, resourceId: m?.[1] };
  }
  if ((m = /^ELB ((?:app|net|gwy)\/([^/\s]+)\/[0-9a-f]+)/.exec(d))) return { kind: 'load-balancer', label: `load balancer ${m[2]}`, resourceId: m[1] };
  if ((m = /^ELB (\S+)$/.exec(d))) return { kind: 'load-balancer', label: `classic load balancer ${m[1]}`, resourceId: m[1] };
  if ((m = /^EFS mount target for (fs-[0-9a-f]+)/.exec(d))) return { kind: 'efs', label: `EFS ${m[1]} mount target`, resourceId: m[1] };
  return { kind: 'interface', label: d ? `${eni.id} (${d})` : eni.id };
}

/** Where the address was seen: private addresses repeat across VPCs and regions (every default VPC is 172.31.0.0/16). */
export interface PeerScope {
  region?: string;
  vpcId?: string;
}

function inScope(x: { region: string; vpcId?: string }, scope: PeerScope | undefined): boolean {
  return !scope || ((!scope.region || x.region === scope.region) && (!scope.vpcId || !x.vpcId || x.vpcId === scope.vpcId));
}

export class PeerResolver {
  private readonly privateIps = new Map<string, NetworkInterfaceInfo[]>();
  private readonly publicIps = new Map<string, NetworkInterfaceInfo>();
  private readonly subnets: { subnet: SubnetInfo; cidr: Cidr }[] = [];

  constructor(
    interfaces: readonly NetworkInterfaceInfo[],
    subnets: readonly SubnetInfo[],
    private readonly groups: FunctionGroupIndex,
  ) {
    for (const eni of interfaces) {
      for (const ip of eni.privateIps) this.privateIps.set(ip, [...(this.privateIps.get(ip) ?? []), eni]);
      if (eni.publicIp && !this.publicIps.has(eni.publicIp)) this.publicIps.set(eni.publicIp, eni);
    }
    for (const subnet of subnets) {
      const cidr = parseCidr(subnet.cidr);
      if (cidr) this.subnets.push({ subnet, cidr });
    }
    // Most specific first, so that an address lands in its narrowest known range.
    this.subnets.sort((a, b) => b.cidr.bits - a.cidr.bits);
  }

  static fromSnapshot(snapshot: Pick<AccountSnapshot, 'functions' | 'network'>, groups = functionGroupsOf(snapshot)): PeerResolver {
    return new PeerResolver(snapshot.network.interfaces, snapshot.network.subnets, groups);
  }

  /** What `address` is; `scope` (the region and VPC of the interface that saw it) keeps overlapping private ranges apart. */
  resolve(address: string, scope?: PeerScope): PeerInfo {
    const eni = this.publicIps.get(address) ?? this.privateIps.get(address)?.find((e) => inScope(e, scope));
    if (eni) {
      if (isLambdaInterface(eni)) {
        const group = this.groups.byInterface.get(eni.id);
        const label = group ? `Lambda ${functionGroupLabel(group)}` : `Lambda ENI ${eni.id}`;
        return { address, kind: 'lambda', label, interfaceId: eni.id, subnetId: eni.subnetId, functionGroup: group };
      }
      return { address, ...classifyInterface(eni), interfaceId: eni.id, subnetId: eni.subnetId };
    }
    const parsed = parseAddress(address);
    if (!parsed) return { address, kind: 'unknown', label: `unrecognised address ${address}` };
    if (isPublicAddress(address)) return { address, kind: 'internet', label: 'internet' };
    const hit = this.subnets.find((s) => inScope(s.subnet, scope) && cidrContains(s.cidr, parsed));
    if (hit) {
      const name = hit.subnet.name ? `${hit.subnet.id} (${hit.subnet.name})` : hit.subnet.id;
      return { address, kind: 'subnet', label: `${name} address`, subnetId: hit.subnet.id };
    }
    return { address, kind: 'private', label: 'private address outside the known subnets' };
  }
}

/** "RDS database (eni-…) on 5432 (postgres)", "internet 203.0.113.9 on 443 (https)" — a peer and its service port for display. */
export function describePeer(peer: PeerInfo, port: number, protocol: number): string {
  const who = peer.kind === 'internet' || peer.kind === 'subnet' || peer.kind === 'private' ? `${peer.label} ${peer.address}` : peer.label;
  if (port === 0) return who;
  const name = serviceName(port, protocol);
  return `${who} on ${port}${name ? ` (${name})` : ''}`;
}
