import { App } from 'aws-cdk-lib';
import { OutStack } from '../lib/out-stack';

const app = new App();
new OutStack(app, 'OutStack');
