#!/usr/bin/env node
import 'source-map-support/register';
import * as cdk from 'aws-cdk-lib';
import { ShipmentApiStack } from '../lib/shipment-api-stack';
import { IngestStack } from '../lib/ingest-stack';
import { DeployRolesStack } from '../lib/deploy-roles-stack';
import { LegacyBridgeStack } from '../lib/legacy-bridge-stack';
import { ReportingStack } from '../lib/reporting-stack';
import { PublicEndpointsStack } from '../lib/public-endpoints-stack';
import { DataPipelineStack } from '../lib/data-pipeline-stack';
import { NotificationsStack } from '../lib/notifications-stack';

const app = new cdk.App();
const stage: string = app.node.tryGetContext('stage') ?? 'dev';
const env = {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-1',
};

const api = new ShipmentApiStack(app, `ParcelHub-Api-${stage}`, { env, stage });
new IngestStack(app, `ParcelHub-Ingest-${stage}`, { env, stage });
new DeployRolesStack(app, `ParcelHub-DeployRoles-${stage}`, { env, ciRoleArn: process.env.CI_ROLE_ARN });
new LegacyBridgeStack(app, `ParcelHub-Legacy-${stage}`, { env });
new ReportingStack(app, `ParcelHub-Reporting-${stage}`, { env, ordersTable: api.ordersTable });
new PublicEndpointsStack(app, `ParcelHub-Public-${stage}`, { env, stage });
new DataPipelineStack(app, `ParcelHub-Data-${stage}`, { env });
new NotificationsStack(app, `ParcelHub-Notifications-${stage}`, { env });

cdk.Tags.of(app).add('service', 'parcel-hub');
cdk.Tags.of(app).add('stage', stage);
