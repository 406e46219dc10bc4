import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { TrackedFunction } from '../constructs/trackedFunction';

/** Carriers that push tracking events straight into our function. */
const CARRIER_ACCOUNTS: Record<string, string> = {
  northwind: '111122223333',
  contoso: '444455556666',
};

/** Carriers onboarded through our organisation get one org-wide grant instead. */
const PARTNER_ORG_ID = 'o-p4rc3lx9z1';

/** Services that push delivery notifications. */
const NOTIFYING_SERVICES = [
  'sns.amazonaws.com',
  'ses.amazonaws.com',
] as const;

const SCHEDULERS = ['scheduler.amazonaws.com', 'events.amazonaws.com'] as const;

export class PartnerStack extends cdk.Stack {
  public readonly events: TrackedFunction;

  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    this.events = new TrackedFunction(this, 'CarrierEvents', { service: 'carrier-events', memorySize: 512 });
    const fn = this.events.fn;

    for (const [carrier, account] of Object.entries(CARRIER_ACCOUNTS)) {
      fn.addPermission(`Carrier-${carrier}`, {
        principal: new iam.AccountPrincipal(account),
        action: 'lambda:InvokeFunction',
      });
    }
    fn.addPermission('PartnerOrg', {
      principal: new iam.OrganizationPrincipal(PARTNER_ORG_ID),
    });

    for (const service of NOTIFYING_SERVICES) {
      fn.addPermission(`Notify-${service.split('.')[0]}`, {
        principal: new iam.ServicePrincipal(service),
      });
    }
    for (const service of SCHEDULERS) {
      fn.addPermission(`Schedule-${service.split('.')[0]}`, {
        principal: new iam.ServicePrincipal(service),
        sourceAccount: this.account,
      });
    }

    fn.grantInvoke(new iam.ServicePrincipal('events.amazonaws.com'));
    fn.grantInvoke(new iam.ServicePrincipal('sns.amazonaws.com').withConditions({
      ArnLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:111122223333:carrier-*' },
    }));

    // Raw permissions for triggers that have no L2 integration.
    const iotPrincipal = 'iot.amazonaws.com';
    new lambda.CfnPermission(this, 'IotRuleInvoke', {
      action: 'lambda:InvokeFunction',
      functionName: fn.functionArn,
      principal: iotPrincipal,
    });
    const alexaPrincipal = 'alexa-appkit.amazon.com';
    new lambda.CfnPermission(this, 'AlexaInvoke', {
      action: 'lambda:InvokeFunction',
      functionName: fn.functionArn,
      principal: alexaPrincipal,
      eventSourceToken: 'amzn1.ask.skill.5c2b2f9e-1d3a-4f7b-9b8e-0a6c1d2e3f40',
    });
    new lambda.CfnPermission(this, 'AuditorRead', {
      action: 'lambda:GetFunction',
      functionName: fn.functionName,
      principal: 'arn:aws:iam::333344445555:role/auditor',
    });

    fn.addPermission('UrlPublic', {
      principal: new iam.AnyPrincipal(),
      action: 'lambda:InvokeFunctionUrl',
      functionUrlAuthType: lambda.FunctionUrlAuthType.NONE,
    });
    fn.addPermission('UrlIamOnly', {
      principal: new iam.AnyPrincipal(),
      action: 'lambda:InvokeFunctionUrl',
      functionUrlAuthType: lambda.FunctionUrlAuthType.AWS_IAM,
    });
    fn.addPermission('OpsConsole', {
      principal: new iam.ArnPrincipal(`arn:aws:iam::${this.account}:role/parcel-ops`),
      action: 'lambda:GetFunctionConfiguration',
    });
    fn.addPermission('CarrierBus', {
      principal: new iam.ServicePrincipal('events.amazonaws.com'),
      action: 'lambda:InvokeFuntion',
      sourceArn: `arn:aws:events:eu-west-1:${this.account}:rule/carrier-*`,
    });
    fn.latestVersion.addPermission('LatestPublic', { principal: new iam.AnyPrincipal() });

    // Functions owned by other teams.
    const legacyBilling = lambda.Function.fromFunctionArn(this, 'LegacyBilling', 'arn:aws:lambda:eu-west-1:999988887777:function:legacy-billing');
    legacyBilling.addPermission('PublicBilling', { principal: new iam.AnyPrincipal() });

    const labelPrinter = lambda.Function.fromFunctionArn(this, 'LabelPrinter', 'arn:aws:lambda:eu-west-1:123456789012:function:label-printer');
    labelPrinter.addPermission('PrintFromAnywhere', {
      principal: new iam.AnyPrincipal(),
    });

    const rateCard = lambda.Function.fromFunctionAttributes(this, 'RateCard', {
      functionArn: cdk.Fn.importValue('RateCardFunctionArn'),
      sameEnvironment: true,
    });
    rateCard.addPermission('RateCardFromSns', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
    });

    const notifier = lambda.Function.fromFunctionName(this, 'Notifier', 'parcel-notifier');
    notifier.addPermission('NotifierFromCarrier', {
      principal: new iam.AccountPrincipal(process.env.CARRIER_ACCOUNT_ID ?? this.account),
    });
  }
}
