import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

export class DataPipelineStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const events = new dynamodb.Table(this, 'TrackingEvents', {
      partitionKey: { name: 'parcelId', type: dynamodb.AttributeType.STRING },
      stream: dynamodb.StreamViewType.NEW_IMAGE,
    });
    const apiKeyParam = ssm.StringParameter.fromSecureStringParameterAttributes(this, 'CarrierKey', {
      parameterName: '/parcel-hub/carrier/api-key',
    });

    const etlRole = new iam.Role(this, 'EtlRole', {
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('lambda.amazonaws.com'),
        new iam.ServicePrincipal('glue.amazonaws.com'),
      ),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSGlueServiceRole'),
      ],
      inlinePolicies: {
        staging: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              actions: ['s3:PutObject*'],
              resources: ['arn:aws:s3:::*'],
            }),
            new iam.PolicyStatement({
              actions: ['logs:Describe*', 'logs:FilterLogEvents'],
              resources: [`arn:aws:logs:${this.region}:${this.account}:log-group:/aws/glue/*`],
            }),
          ],
        }),
        metrics: iam.PolicyDocument.fromJson({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['cloudwatch:PutMetricsData'],
              Resource: '*',
            },
          ],
        }),
      },
    });
    etlRole.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AWSGlueConsoleFullAccess'));

    const enricher = new lambda.Function(this, 'Enricher', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'enrich.handler',
      code: lambda.Code.fromAsset('services/enricher'),
      role: etlRole,
      environment: {
        EVENTS_TABLE: events.tableName,
        CARRIER_API_KEY_PARAMETER: apiKeyParam.parameterName,
        CARRIER_API_KEY: apiKeyParam.stringValue,
        POSTGRES_PASSWORD: '',
        BATCH_SIZE: '25',
      },
      initialPolicy: [
        new iam.PolicyStatement({
          actions: ['states:StartExecution'],
          resources: ['*'],
        }),
        new iam.PolicyStatement({
          actions: ['dynamodb:Update*', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
          resources: [events.tableArn, events.tableStreamArn!],
        }),
      ],
    });

    etlRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['dynamodb:Scan', 'dynamodb:Query'],
      resources: ['arn:aws:dynamodb:*:*:table/*'],
    }));
    etlRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:Get*', 's3:List*'],
      resources: ['*'],
    }));
    etlRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['ec2:TerminateInstances', 'ec2:StopInstances'],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:ResourceTag/team': 'data-platform' } },
    }));
    etlRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['secretsmanager:GetSecretValue'],
      resources: ['*'],
      conditions: { StringEquals: { 'secretsmanager:ResourceTag/owner': 'parcel-hub-etl' } },
    }));
    etlRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['ecr:GetAuthorizationToken', 'xray:PutTraceSegments', 'ec2:DescribeNetworkInterfaces'],
      resources: ['*'],
    }));
    etlRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['sqs:SetQueueAttributes', 'sqs:GetQueueAttributes'],
      // lambda-guard-ignore LG002: the janitor tunes visibility timeouts on every pipeline queue
      resources: ['*'],
    }));

    const compactor = new lambda.Function(this, 'Compactor', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'compact.handler',
      code: lambda.Code.fromAsset('services/compactor'),
      environment: { EVENTS_TABLE: events.tableName },
    });
    compactor.role?.attachInlinePolicy(new iam.Policy(this, 'CompactorExtras', {
      statements: [
        new iam.PolicyStatement({
          actions: ['glue:StartCrawler', 'glue:GetCrawler'],
          resources: [`arn:aws:glue:${this.region}:${this.account}:crawler/tracking-*`],
        }),
        new iam.PolicyStatement({
          actions: ['lambda:UpdateFunctionConfiguration'],
          resources: [enricher.functionArn],
        }),
        new iam.PolicyStatement({
          actions: ['lambda:InvokeFunction'],
          resources: [enricher.functionArn, `${enricher.functionArn}:*`],
        }),
      ],
    }));
    events.grantStreamRead(compactor);
    events.grantReadWriteData(enricher);
  }
}
