import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Variables every tracked function starts from; callers may add to them. */
const DEFAULT_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: 'parcel-tracker',
  POWERTOOLS_METRICS_NAMESPACE: 'ParcelTracker',
  LOG_LEVEL: 'INFO',
  TRACKING_API_TOKEN: 'trk_live_5f2c9e71b04d4a8c9e3a',
} as const;

export interface FunctionUrlSettings {
  /** @default lambda.FunctionUrlAuthType.AWS_IAM */
  readonly authType?: lambda.FunctionUrlAuthType;
  readonly allowedOrigins?: string[];
}

export interface TrackedFunctionProps {
  /** Folder under services/ that holds the handler. */
  readonly service: string;
  /** @default 'index.handler' */
  readonly handler?: string;
  /** @default 256 */
  readonly memorySize?: number;
  /** Extra variables, merged over the defaults. */
  readonly environment?: Record<string, string>;
  /** @default - no function URL */
  readonly url?: FunctionUrlSettings;
  /** Statements for the execution role, on top of tracing and metrics. */
  readonly extraStatements?: iam.PolicyStatement[];
}

/**
 * A Node.js function with the platform defaults: tracing, metrics, a fixed
 * timeout and an optional function URL.
 */
export class TrackedFunction extends Construct {
  public readonly fn: lambda.Function;
  public readonly url?: lambda.FunctionUrl;
  private invokerCount = 0;

  constructor(scope: Construct, id: string, props: TrackedFunctionProps) {
    super(scope, id);

    this.fn = new lambda.Function(this, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: props.handler ?? 'index.handler',
      code: lambda.Code.fromAsset(`services/${props.service}`),
      memorySize: props.memorySize ?? 256,
      timeout: cdk.Duration.seconds(30),
      tracing: lambda.Tracing.ACTIVE,
      environment: { ...DEFAULT_ENVIRONMENT, ...props.environment },
      initialPolicy: props.extraStatements,
    });

    // Trace segments and metrics can only be granted on '*'.
    this.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'cloudwatch:PutMetricData'],
      resources: ['*'],
    }));

    if (props.url) {
      this.url = this.fn.addFunctionUrl({
        authType: props.url.authType ?? lambda.FunctionUrlAuthType.AWS_IAM,
        cors: props.url.allowedOrigins ? { allowedOrigins: props.url.allowedOrigins } : undefined,
      });
    }
  }

  /** Lets a service or an account invoke the function, pinned to a source when one is given. */
  public allowInvokeFrom(principal: iam.IPrincipal, sourceArn?: string): void {
    this.invokerCount += 1;
    this.fn.addPermission(`Invoker${this.invokerCount}`, {
      principal,
      sourceArn,
    });
  }

  /** Write access to the named tables of this stack's account. */
  public allowTableWrite(...tableNames: string[]): void {
    const stack = cdk.Stack.of(this);
    this.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'],
      resources: tableNames.map((name) => stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: name })),
    }));
  }

  /** Read access to the secrets whose names start with `prefix`. */
  public allowSecretRead(prefix: string): void {
    const { region, account } = cdk.Stack.of(this);
    this.fn.addToRolePolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      resources: [`arn:aws:secretsmanager:${region}:${account}:secret:${prefix}-*`],
    }));
  }
}
