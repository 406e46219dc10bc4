/** Lambda responses → the snapshot's function types. Mapping only: nothing is judged here. */
import type { EventSourceMappingConfiguration, FunctionConfiguration, FunctionUrlAuthType, GetFunctionUrlConfigResponse } from '@aws-sdk/client-lambda';
import type { EventSourceMapping, FunctionUrlInfo, LiveFunction } from '../accountModel';

/** Lambda writes `2024-01-05T10:20:30.123+0000`; the snapshot keeps ISO 8601 (`…Z`). */
export function isoTime(lambdaTime: string | undefined): string | undefined {
  if (!lambdaTime) return undefined;
  const t = Date.parse(lambdaTime);
  return Number.isNaN(t) ? lambdaTime : new Date(t).toISOString();
}

/** `arn:aws:lambda:r:acct:function:name:alias` → `arn:aws:lambda:r:acct:function:name`. */
export function unqualifiedArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

/** A function as ListFunctions describes it; tags, policy and URL are filled in by the detail reads. */
export function mapFunction(c: FunctionConfiguration, region: string): LiveFunction {
  const subnets = c.VpcConfig?.SubnetIds ?? [];
  return {
    name: c.FunctionName ?? '',
    arn: c.FunctionArn ?? '',
    region,
    role: c.Role ?? '',
    runtime: c.Runtime,
    handler: c.Handler,
    packageType: c.PackageType,
    codeSha256: c.CodeSha256,
    codeSize: c.CodeSize,
    lastModified: isoTime(c.LastModified),
    memorySize: c.MemorySize,
    timeout: c.Timeout,
    description: c.Description || undefined,
    tags: {},
    environment: { ...(c.Environment?.Variables ?? {}) },
    layers: (c.Layers ?? []).map((l) => l.Arn ?? '').filter(Boolean),
    // Lambda reports an empty VpcConfig for functions outside a VPC.
    vpc: subnets.length ? { vpcId: c.VpcConfig?.VpcId || undefined, subnetIds: [...subnets], securityGroupIds: [...(c.VpcConfig?.SecurityGroupIds ?? [])] } : undefined,
    eventSourceMappings: [],
  };
}

export function mapEventSourceMapping(m: EventSourceMappingConfiguration): EventSourceMapping {
  const endpoints = Object.entries(m.SelfManagedEventSource?.Endpoints ?? {}).flatMap(([kind, list]) => (list ?? []).map((e) => `${kind}=${e}`));
  return {
    uuid: m.UUID ?? '',
    eventSourceArn: m.EventSourceArn,
    state: m.State,
    batchSize: m.BatchSize,
    ...(endpoints.length ? { selfManagedSource: endpoints.join(', ') } : {}),
  };
}

export function mapFunctionUrl(u: GetFunctionUrlConfigResponse): FunctionUrlInfo {
  const cors = u.Cors ? { allowOrigins: u.Cors.AllowOrigins, allowMethods: u.Cors.AllowMethods, allowCredentials: u.Cors.AllowCredentials } : undefined;
  return { url: u.FunctionUrl ?? '', authType: u.AuthType ?? ('' as FunctionUrlAuthType), ...(cors ? { cors } : {}) };
}
