#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { OrdersStack } from '../lib/orders-stack';
import { LegacyBillingStack } from '../lib/legacy-billing-stack';
import { DEPLOY_ACCOUNT, DEPLOY_REGION } from '../lib/config';

const app = new App();
const env = { account: DEPLOY_ACCOUNT, region: DEPLOY_REGION };

new OrdersStack(app, 'OrdersStack', { env });
new LegacyBillingStack(app, 'LegacyBillingStack', { env });
