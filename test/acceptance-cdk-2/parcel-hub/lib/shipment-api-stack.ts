import * as cdk from 'aws-cdk-lib';
import * as lambdaNodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { DEFAULT_ENV, SWIFTLINE_API_KEY, TABLE_WRITE_ACTIONS } from './constants';

export interface ShipmentApiStackProps extends cdk.StackProps {
  readonly stage: string;
}

export class ShipmentApiStack extends cdk.Stack {
  public readonly ordersTable: cdk.aws_dynamodb.Table;

  constructor(scope: Construct, id: string, props: ShipmentApiStackProps) {
    super(scope, id, props);

    this.ordersTable = new cdk.aws_dynamodb.Table(this, 'Shipments', {
      partitionKey: { name: 'pk', type: cdk.aws_dynamodb.AttributeType.STRING },
      sortKey: { name: 'sk', type: cdk.aws_dynamodb.AttributeType.STRING },
      billingMode: cdk.aws_dynamodb.BillingMode.PAY_PER_REQUEST,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    const dbSecret = cdk.aws_secretsmanager.Secret.fromSecretNameV2(this, 'RatesDb', `parcel-hub/${props.stage}/rates-db`);
    const labelsBucket = new cdk.aws_s3.Bucket(this, 'Labels', {
      blockPublicAccess: cdk.aws_s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
    });

    const createShipment = new lambdaNodejs.NodejsFunction(this, 'CreateShipment', {
      entry: 'src/handlers/create-shipment.ts',
      runtime: cdk.aws_lambda.Runtime.NODEJS_20_X,
      memorySize: 512,
      timeout: cdk.Duration.seconds(10),
      tracing: cdk.aws_lambda.Tracing.ACTIVE,
      environment: {
        ...DEFAULT_ENV,
        TABLE_NAME: this.ordersTable.tableName,
        RATES_DB_SECRET_ARN: dbSecret.secretArn,
        STRIPE_SECRET_KEY: 'sk_live_51NxQe2LkdIwHu7ixc0ZyR4mVb8Tq3WsJ9pDfKa6YhGtUoE1rCn',
        SWIFTLINE_API_KEY: SWIFTLINE_API_KEY,
        MAX_TOKENS: '4096',
        SESSION_TOKEN_TTL: '3600',
        LABELS_BUCKET: labelsBucket.bucketName,
      },
      bundling: { minify: true, sourceMap: true },
    });

    createShipment.addToRolePolicy(new cdk.aws_iam.PolicyStatement({
      actions: TABLE_WRITE_ACTIONS,
      resources: [this.ordersTable.tableArn],
    }));
    createShipment.addToRolePolicy(
      new cdk.aws_iam.PolicyStatement({
        sid: 'AuditTrailWrites',
        actions: ['dynamodb:PutItem', 'dynamodb:BatchWriteItem'],
        resources: ['*'],
      }),
    );
    createShipment.addToRolePolicy(new cdk.aws_iam.PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:Querry'],
      resources: [this.ordersTable.tableArn, `${this.ordersTable.tableArn}/index/*`],
    }));
    dbSecret.grantRead(createShipment);
    labelsBucket.grantPut(createShipment);

    const getLabel = new lambdaNodejs.NodejsFunction(this, 'GetLabel', {
      entry: 'src/handlers/get-label.ts',
      runtime: cdk.aws_lambda.Runtime.NODEJS_20_X,
      environment: {
        LABELS_BUCKET: labelsBucket.bucketName,
        SIGNED_URL_TTL: '900',
      },
    });
    // TODO(PH-233): scope to the labels bucket once carriers stop sending cross-bucket keys
    getLabel.addToRolePolicy(new cdk.aws_iam.PolicyStatement({
      effect: cdk.aws_iam.Effect.ALLOW,
      actions: ['s3:GetObject', 's3:GetObjectVersion'],
      resources: ['arn:aws:s3:::*/*'],
    }));
    getLabel.role?.addManagedPolicy(
      cdk.aws_iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),
    );

    const trackingFn = new lambdaNodejs.NodejsFunction(this, 'Tracking', {
      entry: 'src/handlers/tracking.ts',
      runtime: cdk.aws_lambda.Runtime.NODEJS_20_X,
    });
    trackingFn.role?.addManagedPolicy(cdk.aws_iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBFullAccess'));

    const trackingUrl = trackingFn.addFunctionUrl({
      authType: cdk.aws_lambda.FunctionUrlAuthType.NONE,
      cors: { allowedOrigins: ['https://track.parcelhub.example'], allowedMethods: [cdk.aws_lambda.HttpMethod.GET] },
    });
    const labelUrl = getLabel.addFunctionUrl();
    const adminUrl = createShipment.addFunctionUrl({ authType: cdk.aws_lambda.FunctionUrlAuthType.AWS_IAM });

    trackingFn.addPermission('AnyoneCanInvoke', {
      principal: new cdk.aws_iam.AnyPrincipal(),
      action: 'lambda:InvokeFunction',
    });
    getLabel.grantInvokeUrl(new cdk.aws_iam.AnyPrincipal());
    createShipment.addPermission('SameAccountInvoke', {
      principal: new cdk.aws_iam.AnyPrincipal(),
      sourceAccount: this.account,
    });
    createShipment.addPermission('LabelUploads', {
      principal: new cdk.aws_iam.ServicePrincipal('s3.amazonaws.com'),
      sourceArn: labelsBucket.bucketArn,
      sourceAccount: this.account,
    });

    const nightly = new cdk.aws_events.Rule(this, 'NightlyRecon', {
      schedule: cdk.aws_events.Schedule.cron({ minute: '15', hour: '2' }),
    });
    nightly.addTarget(new cdk.aws_events_targets.LambdaFunction(trackingFn));
    trackingFn.grantInvoke(new cdk.aws_iam.ServicePrincipal('events.amazonaws.com'));

    new cdk.CfnOutput(this, 'TrackingUrl', { value: trackingUrl.url });
    new cdk.CfnOutput(this, 'LabelUrl', { value: labelUrl.url });
    new cdk.CfnOutput(this, 'AdminUrl', { value: adminUrl.url });
  }
}
