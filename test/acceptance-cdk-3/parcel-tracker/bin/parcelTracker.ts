#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { AccessStack } from '../lib/stacks/accessStack';
import { IngestStack } from '../lib/stacks/ingestStack';
import { OpsToolsStack } from '../lib/stacks/opsToolsStack';
import { PartnerStack } from '../lib/stacks/partnerStack';
import { ReportingStack } from '../lib/stacks/reportingStack';

const app = new cdk.App();

// Every stack lives in the tracking account; imported ARNs are compared against it.
const env: cdk.Environment = { account: '123456789012', region: 'eu-west-1' };

const ingest = new IngestStack(app, 'ParcelIngest', { env });
new AccessStack(app, 'ParcelAccess', { env, ingestFunction: ingest.intake.fn });
new PartnerStack(app, 'ParcelPartners', { env });
new ReportingStack(app, 'ParcelReporting', {
  env,
  stage: app.node.tryGetContext('stage') ?? 'dev',
});
new OpsToolsStack(app, 'ParcelOpsTools', { env });

cdk.Tags.of(app).add('project', 'parcel-tracker');
