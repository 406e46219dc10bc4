/**
 * Flow records delivered to S3. A flow log writes `{prefix/}AWSLogs/{account}/vpcflowlogs/{region}/yyyy/mm/dd/`
 * (or, with Hive-compatible partitions, `…/aws-account-id={account}/aws-service=vpcflowlogs/aws-region={region}/
 * year=yyyy/month=mm/day=dd/`), an optional hour folder below, and files named
 * `{account}_vpcflowlogs_{region}_{flow-log-id}_{yyyymmddThhmmZ}_{hash}.log.gz`. ListObjectsV2 lists the
 * days of the window only; a file is read when its flow log id is this flow log's and the time in its name
 * (else its LastModified) falls in the window — to the file's five to ten minutes, not to the record.
 * Each body is streamed through gunzip into the flow aggregator (the header line sets the layout).
 */
import { GetObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import type { FlowAggregator } from '../../flows/flowAggregator';
import type { FlowLayout } from '../../flows/flowLayout';
import { aggregateFlowStream, FlowSourceError } from '../../flows/flowSource';
import type { Calls } from './calls';
import type { AwsClients } from './clients';
import { Semaphore } from './rateLimit';
import { settleAll } from './settle';

export interface S3FlowRead {
  /** The flow log's region (its files are under it). */
  region: string;
  accountId: string;
  flowLogId: string;
  /** `arn:aws:s3:::bucket` or `arn:aws:s3:::bucket/prefix`. */
  destination: string;
  layout: FlowLayout;
  /** DescribeFlowLogs' DestinationOptions; unknown → both layouts are listed. */
  hivePartitions?: boolean;
  fileFormat?: string;
  /** Epoch milliseconds, [startMs, endMs). */
  startMs: number;
  endMs: number;
}

/** Objects read at once. */
const OBJECT_CONCURRENCY = 4;
const DAY_MS = 86_400_000;

export function parseS3Destination(arn: string): { bucket: string; prefix: string } | undefined {
  const m = /^arn:aws[a-z-]*:s3:::([^/]+)\/?(.*)$/.exec(arn);
  if (!m) return undefined;
  const prefix = m[2].replace(/^\/+|\/+$/g, '');
  return { bucket: m[1], prefix: prefix ? `${prefix}/` : '' };
}

/** The day folders of the window, in the layouts the flow log may use. */
export function dayPrefixes(read: Pick<S3FlowRead, 'accountId' | 'region' | 'hivePartitions' | 'startMs' | 'endMs'>, prefix: string): string[] {
  const out: string[] = [];
  for (let day = Math.floor(read.startMs / DAY_MS) * DAY_MS; day < read.endMs; day += DAY_MS) {
    const [y, mo, d] = new Date(day).toISOString().slice(0, 10).split('-');
    if (read.hivePartitions !== true) out.push(`${prefix}AWSLogs/${read.accountId}/vpcflowlogs/${read.region}/${y}/${mo}/${d}/`);
    if (read.hivePartitions !== false) {
      out.push(`${prefix}AWSLogs/aws-account-id=${read.accountId}/aws-service=vpcflowlogs/aws-region=${read.region}/year=${y}/month=${mo}/day=${d}/`);
    }
  }
  return out;
}

/** The flow log id and the time a delivered file's name carries (either may be missing from a file put there by hand). */
export function flowFileName(key: string): { flowLogId?: string; time?: number } {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const id = /_(fl-[0-9a-f]+)_/.exec(name)?.[1];
  const t = /_(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})Z[_.]/.exec(name);
  const time = t ? Date.UTC(+t[1], +t[2] - 1, +t[3], +t[4], +t[5]) : undefined;
  return { ...(id ? { flowLogId: id } : {}), ...(time !== undefined ? { time } : {}) };
}

async function listKeys(clients: AwsClients, read: S3FlowRead, bucket: string, prefixes: string[], calls: Calls): Promise<string[]> {
  const keys: string[] = [];
  for (const Prefix of prefixes) {
    await calls.run({ service: 's3', operation: 'ListObjectsV2', region: read.region, resource: `s3://${bucket}/${Prefix}` }, async (abortSignal) => {
      for await (const page of paginateListObjectsV2({ client: clients.get('s3', read.region), pageSize: 1000 }, { Bucket: bucket, Prefix }, { abortSignal })) {
        for (const o of page.Contents ?? []) {
          if (!o.Key || o.Key.endsWith('/')) continue;
          const name = flowFileName(o.Key);
          const time = name.time ?? o.LastModified?.getTime();
          if (name.flowLogId && name.flowLogId !== read.flowLogId) continue;
          if (time !== undefined && time >= read.startMs && time < read.endMs) keys.push(o.Key);
        }
      }
    });
  }
  return keys;
}

async function readObject(clients: AwsClients, read: S3FlowRead, bucket: string, key: string, agg: FlowAggregator, calls: Calls): Promise<void> {
  const source = `s3://${bucket}/${key}`;
  const site = { service: 's3', operation: 'GetObject', region: read.region, resource: source };
  const failure = await calls.run(site, async (abortSignal) => {
    const r = await clients.get('s3', read.region).send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal });
    const body = r.Body as (AsyncIterable<Uint8Array> & { destroy?: () => void }) | undefined;
    if (!body) return undefined;
    try {
      await aggregateFlowStream(body, agg, { layout: read.layout, source, signal: abortSignal });
      return undefined;
    } catch (e) {
      if (e instanceof FlowSourceError) return e;
      throw e;
    } finally {
      body.destroy?.();
    }
  });
  if (failure) calls.record({ ...site, kind: 'other', message: `The flow-log file ${failure.message}.` });
}

export async function readFlowsFromS3(clients: AwsClients, read: S3FlowRead, agg: FlowAggregator, calls: Calls): Promise<void> {
  const dest = parseS3Destination(read.destination);
  const site = { service: 's3', operation: 'ListObjectsV2', region: read.region, resource: read.destination };
  if (!dest) return void calls.record({ ...site, kind: 'other', message: `Flow log ${read.flowLogId} delivers to ${read.destination}, which is not an S3 bucket ARN: it is not read.` });
  if (read.fileFormat === 'parquet') {
    return void calls.record({ ...site, kind: 'other', message: `Flow log ${read.flowLogId} delivers Parquet files to ${read.destination}; Lambda Guard reads text files only: it is not read.` });
  }
  const keys = await listKeys(clients, read, dest.bucket, dayPrefixes(read, dest.prefix), calls);
  const slots = new Semaphore(OBJECT_CONCURRENCY);
  await settleAll(keys.map((key) => slots.run(() => readObject(clients, read, dest.bucket, key, agg, calls))));
}
