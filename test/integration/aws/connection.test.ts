/**
 * Profiles, default regions and the SDK's standard credential chain, with shared config files written to
 * a temporary HOME: credential_process and environment credentials collect from moto; a missing
 * profile, an SSO profile without a login and an MFA role without a code fail with the fix.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createAwsSource, listProfiles, profileRegion } from '../../../src/core/inventory/aws/loadAws';
import { defaultRegion } from '../../../src/core/inventory/aws/regions';
import { AwsCollectionError } from '../../../src/core/inventory/aws/sourceErrors';
import { ACCOUNT_ID, motoEndpoint, resetMoto } from './motoEndpoint';

const home = mkdtempSync(path.join(tmpdir(), 'lg-aws-home-'));
const CONFIG = `[default]
region = us-east-2

[profile dev]
region = eu-central-1

[profile proc]
credential_process = node -e "process.stdout.write(JSON.stringify({Version:1,AccessKeyId:'AKIDPROC',SecretAccessKey:'proc-secret'}))"

[profile ci-role]
role_arn = arn:aws:iam::123456789012:role/lg-ci-deployer
source_profile = base
mfa_serial = arn:aws:iam::123456789012:mfa/alice
region = us-east-1

[profile sso-dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly
region = us-east-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`;
const CREDENTIALS = `[base]
aws_access_key_id = AKIDBASE
aws_secret_access_key = base-secret
`;

const ENV_KEYS = ['AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE'];

before(async () => {
  mkdirSync(path.join(home, '.aws'));
  writeFileSync(path.join(home, '.aws', 'config'), CONFIG);
  writeFileSync(path.join(home, '.aws', 'credentials'), CREDENTIALS);
  process.env.HOME = home;
  await resetMoto();
});
beforeEach(() => {
  for (const k of ENV_KEYS) delete process.env[k];
});
after(() => rmSync(home, { recursive: true, force: true }));

const collectError = async (p: Promise<unknown>): Promise<AwsCollectionError> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  assert.ok(e instanceof AwsCollectionError, `expected an AwsCollectionError, got ${String(e)}`);
  return e;
};

describe('profiles and regions', () => {
  it('lists the profiles of both files', async () => {
    assert.deepEqual(await listProfiles(), ['base', 'ci-role', 'default', 'dev', 'proc', 'sso-dev']);
  });

  it("takes the profile's region, then AWS_REGION, then AWS_DEFAULT_REGION", async () => {
    assert.equal(await profileRegion('dev'), 'eu-central-1');
    assert.equal(await defaultRegion(undefined), 'us-east-2');
    assert.equal(await defaultRegion('proc'), undefined);
    process.env.AWS_DEFAULT_REGION = 'sa-east-1';
    assert.equal(await defaultRegion('proc'), 'sa-east-1');
    process.env.AWS_REGION = 'ap-south-1';
    assert.equal(await defaultRegion('proc'), 'ap-south-1');
    assert.equal(await defaultRegion('dev'), 'eu-central-1');
  });

  it('stops with the fix when there is no region at all, or a name that is not one', async () => {
    const none = await collectError(createAwsSource({ profile: 'proc', endpoint: motoEndpoint() }).collect());
    assert.match(none.message, /^No AWS region to read: profile proc has no `region` in ~\/\.aws\/config, and AWS_REGION is not set\./);
    const typo = await collectError(createAwsSource({ profile: 'dev', endpoint: motoEndpoint(), regions: ['us-east1'] }).collect());
    assert.equal(typo.message, 'Not a region name: us-east1 (expected a name such as us-east-1).');
  });
});

describe('the standard credential chain', () => {
  it('credential_process: the profile collects, in its default region', async () => {
    process.env.AWS_REGION = 'us-west-1';
    const src = createAwsSource({ profile: 'proc', endpoint: motoEndpoint(), maxAttempts: 1 });
    assert.equal(src.label, `profile proc at ${motoEndpoint()}`);
    const snap = await src.collect();
    assert.equal(snap.account.id, ACCOUNT_ID);
    assert.deepEqual(snap.regions, ['us-west-1']);
    assert.deepEqual(snap.source, { kind: 'aws', profile: 'proc', endpoint: motoEndpoint() });
    assert.equal(src.label, `profile proc at ${motoEndpoint()} (${ACCOUNT_ID})`);
  });

  it('environment credentials with no profile, in the default profile region', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDENV';
    process.env.AWS_SECRET_ACCESS_KEY = 'env-secret';
    const snap = await createAwsSource({ endpoint: motoEndpoint(), maxAttempts: 1 }).collect();
    assert.deepEqual(snap.regions, ['us-east-2']);
    assert.deepEqual(snap.errors, []);
  });

  it('a profile that does not exist', async () => {
    const e = await collectError(createAwsSource({ profile: 'ghost', regions: ['us-east-1'], endpoint: 'http://127.0.0.1:9' }).collect());
    assert.equal(e.error.kind, 'credentials');
    assert.match(e.message, /^No AWS credentials for profile ghost: .*run `aws configure --profile ghost`\.$/);
  });

  it('an SSO profile without a login says to run aws sso login for it', async () => {
    const e = await collectError(createAwsSource({ profile: 'sso-dev', endpoint: 'http://127.0.0.1:9' }).collect());
    assert.equal(e.error.kind, 'credentials');
    assert.equal(e.message, 'The AWS SSO session for profile sso-dev has expired or was never started: run `aws sso login --profile sso-dev`, then refresh.');
  });

  it('a role that needs MFA asks the code provider for its device, and says so when there is none', async () => {
    const asked: string[] = [];
    const mfaCodeProvider = async (serial: string): Promise<string> => {
      asked.push(serial);
      throw new Error('The MFA prompt was dismissed');
    };
    await assert.rejects(createAwsSource({ profile: 'ci-role', endpoint: 'http://127.0.0.1:9', mfaCodeProvider }).collect());
    assert.deepEqual(asked, ['arn:aws:iam::123456789012:mfa/alice']);
    const e = await collectError(createAwsSource({ profile: 'ci-role', endpoint: 'http://127.0.0.1:9' }).collect());
    assert.equal(e.error.kind, 'credentials');
    assert.match(e.message, /^Profile ci-role assumes a role that needs an MFA code, and none was given/);
  });
});
