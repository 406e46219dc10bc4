/**
 * The AWS account source: identity, then IAM (once per account) and every region (functions, network,
 * alarms) at the same time, each section cached until `refresh`. A failed call is an `errors` entry and
 * the rest is still read; a cancelled collection returns what it had, with a `cancelled` error. Runtime
 * telemetry for a window (metrics, flow logs, CloudTrail) is telemetryCollector.ts.
 */
import type { AccountIdentity, AccountSnapshot, CollectError, IamInventory, LiveFunction, MetricAlarmInfo, NetworkInventory } from '../accountModel';
import { emptySnapshot } from '../accountModel';
import type { AccountSource, CollectOptions, CollectProgress, TelemetryOptions } from '../accountSource';
import type { Telemetry } from '../telemetryModel';
import { describeAwsError } from './awsErrors';
import { SectionCache } from './cache';
import { Calls, type CallEnv } from './calls';
import { AwsClients } from './clients';
import { effectiveProfile, type AwsConnection, type AwsSourceOptions } from './connection';
import { credentialProvider } from './credentials';
import { collectAlarms } from './alarmsCollector';
import { collectNetwork } from './ec2Collector';
import { collectIam } from './iamCollector';
import { readIdentity } from './identity';
import { collectFunctions } from './lambdaCollector';
import { loadManagedPolicyDataset } from './managedPolicyDataset';
import { Pacer } from './pacing';
import { mapPool } from './rateLimit';
import { resolveRegions } from './regionChoice';
import { collapseRegionFailure } from './regionFailure';
import { AwsCollectionError } from './sourceErrors';
import { collectAccountTelemetry } from './telemetryCollector';
import { telemetryTuning } from './telemetryTuning';

/** Regions read at once; each region paces its own calls. */
const REGION_CONCURRENCY = 4;

interface IamSection {
  iam: IamInventory;
  errors: CollectError[];
}

interface RegionSection {
  region: string;
  functions: LiveFunction[];
  network: NetworkInventory;
  alarms: MetricAlarmInfo[];
  errors: CollectError[];
}

function isAbort(e: unknown): boolean {
  return (e as { name?: string })?.name === 'AbortError';
}

class AwsAccountSource implements AccountSource {
  private readonly credentials;
  private readonly cache = new SectionCache();
  private account?: AccountIdentity;

  constructor(
    private readonly conn: AwsConnection,
    private readonly options: AwsSourceOptions,
  ) {
    this.credentials = credentialProvider(conn);
  }

  get label(): string {
    const who = `profile ${effectiveProfile(this.conn) ?? 'default'}${this.conn.endpoint ? ` at ${this.conn.endpoint}` : ''}`;
    return this.account ? `${who} (${this.account.id})` : who;
  }

  async collect(opts: CollectOptions = {}): Promise<AccountSnapshot> {
    if (opts.refresh) this.cache.clear();
    const profile = effectiveProfile(this.conn);
    const env: CallEnv = { signal: opts.signal, onProgress: opts.onProgress, profile, endpoint: this.conn.endpoint };
    const clients = new AwsClients({ conn: this.conn, credentials: this.credentials, pacer: new Pacer(this.options.pacing), signal: opts.signal });
    const progress = (p: CollectProgress): void => opts.onProgress?.(p);
    const iamSection: IamSection = { iam: { roles: [], users: [], groups: [], policies: [] }, errors: [] };
    const regionSections: RegionSection[] = [];
    let account: AccountIdentity = { id: '', partition: 'aws' };
    let regions: string[] = [];
    try {
      const choice = await resolveRegions(this.conn, opts.regions, profile, clients, env);
      regions = choice.regions;
      account = this.cache.get<AccountIdentity>('identity') ?? (await this.identity(clients, choice.home, env));
      this.cache.set('identity', account);
      this.account = account;
      regionSections.push(...regions.map((region) => this.emptyRegion(region)));
      await Promise.all([
        this.iam(clients, choice.home, env, iamSection),
        mapPool(regionSections, REGION_CONCURRENCY, (section) => this.region(clients, section, env, progress), opts.signal),
      ]);
    } catch (e) {
      if (!isAbort(e) && !opts.signal?.aborted) throw e;
      return this.snapshot(account, regions, iamSection, regionSections, [
        { service: 'lambda-guard', operation: 'collect', kind: 'cancelled', message: 'The collection was cancelled: what it had read so far is shown.' },
      ]);
    } finally {
      clients.destroy();
    }
    return this.snapshot(account, regions, iamSection, regionSections, []);
  }

  /** Not cached: every call reads its own window. */
  async collectTelemetry(snapshot: AccountSnapshot, opts: TelemetryOptions): Promise<Telemetry> {
    const env: CallEnv = { signal: opts.signal, onProgress: opts.onProgress, profile: effectiveProfile(this.conn), endpoint: this.conn.endpoint };
    const clients = new AwsClients({ conn: this.conn, credentials: this.credentials, pacer: new Pacer(this.options.pacing), signal: opts.signal });
    try {
      const tuning = telemetryTuning(this.options.telemetry);
      // An emulator computes GetMetricData per period over every stored point: smaller spans (telemetryTuning.ts).
      if (this.conn.endpoint && this.options.telemetry?.metricSpanHours === undefined) tuning.metricSpanHours = 1;
      return await collectAccountTelemetry(clients, env, tuning, snapshot, opts);
    } finally {
      clients.destroy();
    }
  }

  private async identity(clients: AwsClients, region: string, env: CallEnv): Promise<AccountIdentity> {
    try {
      return await readIdentity(clients, region, env.signal);
    } catch (e) {
      if (env.signal?.aborted || isAbort(e)) throw e;
      throw new AwsCollectionError(describeAwsError(e, { service: 'sts', operation: 'GetCallerIdentity', region, profile: env.profile, endpoint: env.endpoint }));
    }
  }

  private emptyRegion(region: string): RegionSection {
    return { region, functions: [], network: { interfaces: [], subnets: [], securityGroups: [] }, alarms: [], errors: [] };
  }

  private async iam(clients: AwsClients, home: string, env: CallEnv, out: IamSection): Promise<void> {
    const cached = this.cache.get<IamSection>('iam');
    if (cached) return void Object.assign(out, structuredClone(cached));
    env.onProgress?.({ kind: 'phase', message: 'Reading IAM roles, users, groups and policies' });
    const calls = new Calls(env);
    const dataset = await loadManagedPolicyDataset(this.options.managedPolicyDataset);
    out.iam = await collectIam(clients, home, calls, { dataset, versionCache: this.cache.policyVersions });
    out.errors = calls.errors;
    this.cache.set('iam', structuredClone(out)); // a copy: callers may change the snapshot they get
  }

  private async region(clients: AwsClients, out: RegionSection, env: CallEnv, progress: (p: CollectProgress) => void): Promise<void> {
    const { region } = out;
    const cached = this.cache.get<RegionSection>(`region:${region}`);
    if (cached) {
      Object.assign(out, structuredClone(cached));
      if (out.functions.length) progress({ kind: 'functions', region, functions: out.functions, stage: 'detailed' });
      return;
    }
    progress({ kind: 'phase', message: `Reading functions, network and alarms in ${region}`, region });
    const calls = new Calls(env);
    out.errors = calls.errors; // filled while it runs, so a cancelled collection keeps them
    await Promise.all([
      collectFunctions(clients, region, calls, out.functions, (functions, stage) => progress({ kind: 'functions', region, functions, stage })),
      collectNetwork(clients, region, calls, out.network),
      collectAlarms(clients, region, calls, out.alarms),
    ]);
    out.errors = collapseRegionFailure(region, calls.errors);
    this.cache.set(`region:${region}`, structuredClone(out));
  }

  private snapshot(account: AccountIdentity, regions: string[], iam: IamSection, sections: RegionSection[], extra: CollectError[]): AccountSnapshot {
    const snap = emptySnapshot(account, regions, { kind: 'aws', ...(effectiveProfile(this.conn) ? { profile: effectiveProfile(this.conn) } : {}), ...(this.conn.endpoint ? { endpoint: this.conn.endpoint } : {}) });
    snap.collectedAt = new Date().toISOString();
    snap.iam = iam.iam;
    for (const s of sections) {
      snap.functions.push(...[...s.functions].sort((a, b) => a.name.localeCompare(b.name)));
      snap.network.interfaces.push(...s.network.interfaces);
      snap.network.subnets.push(...s.network.subnets);
      snap.network.securityGroups.push(...s.network.securityGroups);
      snap.alarms.push(...s.alarms);
    }
    snap.errors = [...iam.errors, ...sections.flatMap((s) => s.errors), ...extra];
    return snap;
  }
}

/** An AccountSource that reads a live account (or an emulator at `conn.endpoint`) over the AWS SDK. */
export function createAwsSource(conn: AwsConnection, options: AwsSourceOptions = {}): AccountSource {
  return new AwsAccountSource(conn, options);
}
