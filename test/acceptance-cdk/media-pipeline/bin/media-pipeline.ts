#!/usr/bin/env node
import 'source-map-support/register';
import * as cdk from 'aws-cdk-lib';
import { IngestStack } from '../lib/ingest-stack';
import { TranscodeStack } from '../lib/transcode-stack';
import { IamRolesStack } from '../lib/iam-roles-stack';
import { LegacyL1Stack } from '../lib/legacy-l1-stack';
import { OpsStack } from '../lib/ops-stack';
import { PROD_ACCOUNT, REGION } from '../lib/config';

const app = new cdk.App();
const env = { account: PROD_ACCOUNT, region: REGION };
const stage = app.node.tryGetContext('stage') ?? 'prod';

const ingest = new IngestStack(app, 'MediaIngest', { env, stage });
const transcode = new TranscodeStack(app, 'MediaTranscode', { env });
transcode.addDependency(ingest);
new IamRolesStack(app, 'MediaIam', { env });
new LegacyL1Stack(app, 'MediaLegacy', { env });
new OpsStack(app, 'MediaOps', { env });

cdk.Tags.of(app).add('team', 'media');
cdk.Tags.of(app).add('stage', stage);
