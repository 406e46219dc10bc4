/**
 * The only place SDK clients are made. Every client gets the read-only guard (refuses operations not on
 * READ_ONLY_OPERATIONS before anything is sent), the pacing to published rate limits, adaptive retries,
 * request timeouts, and the custom endpoint when one is set — the same path for AWS, LocalStack and moto.
 * Clients live for one collection and are destroyed after it, so no keep-alive socket outlives it.
 */
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider, InitializeHandler, InitializeHandlerArguments, MetadataBearer } from '@smithy/types';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_REQUEST_TIMEOUT_MS, type AwsConnection } from './connection';
import { Pacer } from './pacing';
import { operationOf, READ_ONLY_MIDDLEWARE_NAME, readOnlyMiddleware } from './readOnly';

/** Client classes by IAM service prefix. */
const CLIENT_CLASSES = {
  lambda: LambdaClient,
  iam: IAMClient,
  ec2: EC2Client,
  cloudwatch: CloudWatchClient,
  sts: STSClient,
  logs: CloudWatchLogsClient,
  cloudtrail: CloudTrailClient,
  s3: S3Client,
} as const;

/**
 * S3 only: a custom endpoint (moto, LocalStack) serves buckets by path, not by virtual host; a flow-log
 * bucket in another region than the flow log is followed there instead of failing with a redirect.
 */
function serviceConfig(service: string, conn: AwsConnection): object {
  return service === 's3' ? { followRegionRedirects: true, ...(conn.endpoint ? { forcePathStyle: true } : {}) } : {};
}

export type AwsService = keyof typeof CLIENT_CLASSES;
export type AwsClientFor<S extends AwsService> = InstanceType<(typeof CLIENT_CLASSES)[S]>;

interface MiddlewareStackOwner {
  middlewareStack: {
    add(mw: unknown, opts: { step: 'initialize'; name: string; priority: 'high' | 'normal' | 'low' }): void;
  };
  destroy(): void;
}

export interface ClientSettings {
  conn: AwsConnection;
  credentials: AwsCredentialIdentityProvider;
  pacer: Pacer;
  /** The collection's signal: pacing waits stop when it fires. */
  signal?: AbortSignal;
}

export class AwsClients {
  private readonly clients = new Map<string, MiddlewareStackOwner>();

  constructor(private readonly settings: ClientSettings) {}

  get<S extends AwsService>(service: S, region: string): AwsClientFor<S> {
    const key = `${service}@${region}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.create(service, region);
      this.clients.set(key, client);
    }
    return client as unknown as AwsClientFor<S>;
  }

  /** Closes every client's sockets. */
  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }

  private create(service: AwsService, region: string): MiddlewareStackOwner {
    const { conn, credentials, pacer, signal } = this.settings;
    const timeout = conn.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    const Ctor = CLIENT_CLASSES[service] as unknown as new (config: object) => MiddlewareStackOwner;
    const client = new Ctor({
      region,
      credentials,
      ...(conn.endpoint ? { endpoint: conn.endpoint } : {}),
      maxAttempts: conn.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryMode: 'adaptive',
      // throwOnRequestTimeout: without it the SDK only logs a warning when requestTimeout passes.
      requestHandler: { requestTimeout: timeout, socketTimeout: timeout, connectionTimeout: Math.min(timeout, 5_000), throwOnRequestTimeout: true },
      ...serviceConfig(service, conn),
    });
    client.middlewareStack.add(readOnlyMiddleware(service, region, conn.onCall), { step: 'initialize', name: READ_ONLY_MIDDLEWARE_NAME, priority: 'high' });
    client.middlewareStack.add(
      (next: InitializeHandler<object, MetadataBearer>, context: { commandName?: string }) => async (args: InitializeHandlerArguments<object>) => {
        await pacer.take(service, operationOf(context), region, signal);
        return next(args);
      },
      { step: 'initialize', name: 'lambdaGuardPacing', priority: 'normal' },
    );
    return client;
  }
}
