import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface WebhookReceiverProps {
  /** Folder with the handler code. */
  readonly codePath: string;
  /** Name of the Secrets Manager secret holding the carrier's HMAC key. */
  readonly signingSecretName: string;
  /** AWS service the receiver talks to, e.g. 'sqs'. */
  readonly targetService: string;
  readonly targetActions?: string[];
  readonly targetArns: string[];
  readonly authType?: lambda.FunctionUrlAuthType;
  /** Account allowed to invoke the receiver directly (the carrier's integration account). */
  readonly callerAccount?: string;
  readonly extraEnvironment?: { [key: string]: string };
}

/**
 * A carrier webhook: a function behind a function URL that verifies the carrier's HMAC
 * signature and forwards the payload to the given target.
 */
export class WebhookReceiver extends Construct {
  public readonly fn: lambda.Function;
  public readonly url: lambda.FunctionUrl;

  constructor(scope: Construct, id: string, props: WebhookReceiverProps) {
    super(scope, id);
    const { region, account } = Stack.of(this);

    this.fn = new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(props.codePath),
      timeout: Duration.seconds(5),
      environment: {
        SIGNING_SECRET_NAME: props.signingSecretName,
        FORWARD_TOKEN: process.env.WEBHOOK_FORWARD_TOKEN!,
        ...props.extraEnvironment,
      },
    });

    this.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: props.targetActions ?? [`${props.targetService}:*`],
      resources: props.targetArns,
    }));
    this.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: [`arn:aws:secretsmanager:${region}:${account}:secret:${props.signingSecretName}-*`],
    }));

    if (props.callerAccount) {
      this.fn.addPermission('CarrierDirectInvoke', {
        principal: new iam.AccountPrincipal(props.callerAccount),
      });
    }

    this.url = this.fn.addFunctionUrl({
      authType: props.authType ?? lambda.FunctionUrlAuthType.AWS_IAM,
    });

    const live = new lambda.Alias(this, 'Live', { aliasName: 'live', version: this.fn.currentVersion });
    new lambda.FunctionUrl(this, 'PublicUrl', {
      function: live,
      // lambda-guard-ignore LG008: carriers cannot sign SigV4; every request is checked against the HMAC secret
      authType: lambda.FunctionUrlAuthType.NONE,
    });
  }
}
