/** What a CDK class is, for the analyzer: the construct kinds it extracts from. */
export type ConstructKind =
  | 'function'
  | 'cfnFunction'
  | 'role'
  | 'cfnRole'
  | 'policy'
  | 'cfnPolicy'
  | 'managedPolicy'
  | 'cfnManagedPolicy'
  | 'userOrGroup'
  | 'cfnPermission'
  | 'functionUrl'
  | 'cfnUrl'
  | 'other';

interface ClassInfo {
  kind: ConstructKind;
  type: string;
}

const fn: ClassInfo = { kind: 'function', type: 'AWS::Lambda::Function' };

/** Keyed by normalised qualified name (see cdkModules.ts). */
const CLASSES: Record<string, ClassInfo> = {
  'aws-lambda.Function': fn,
  'aws-lambda.SingletonFunction': fn,
  'aws-lambda.DockerImageFunction': fn,
  'aws-lambda-nodejs.NodejsFunction': fn,
  'aws-lambda-python.PythonFunction': fn,
  'aws-lambda-go.GoFunction': fn,
  'aws-cloudfront.experimental.EdgeFunction': fn,
  'aws-lambda.CfnFunction': { kind: 'cfnFunction', type: 'AWS::Lambda::Function' },
  'aws-lambda.CfnPermission': { kind: 'cfnPermission', type: 'AWS::Lambda::Permission' },
  'aws-lambda.FunctionUrl': { kind: 'functionUrl', type: 'AWS::Lambda::Url' },
  'aws-lambda.CfnUrl': { kind: 'cfnUrl', type: 'AWS::Lambda::Url' },
  'aws-lambda.Alias': { kind: 'other', type: 'AWS::Lambda::Alias' },
  'aws-lambda.Version': { kind: 'other', type: 'AWS::Lambda::Version' },
  'aws-iam.Role': { kind: 'role', type: 'AWS::IAM::Role' },
  'aws-iam.CfnRole': { kind: 'cfnRole', type: 'AWS::IAM::Role' },
  'aws-iam.Policy': { kind: 'policy', type: 'AWS::IAM::Policy' },
  'aws-iam.CfnPolicy': { kind: 'cfnPolicy', type: 'AWS::IAM::Policy' },
  'aws-iam.ManagedPolicy': { kind: 'managedPolicy', type: 'AWS::IAM::ManagedPolicy' },
  'aws-iam.CfnManagedPolicy': { kind: 'cfnManagedPolicy', type: 'AWS::IAM::ManagedPolicy' },
  'aws-iam.User': { kind: 'userOrGroup', type: 'AWS::IAM::User' },
  'aws-iam.Group': { kind: 'userOrGroup', type: 'AWS::IAM::Group' },
  'aws-s3.Bucket': { kind: 'other', type: 'AWS::S3::Bucket' },
  'aws-sns.Topic': { kind: 'other', type: 'AWS::SNS::Topic' },
  'aws-sqs.Queue': { kind: 'other', type: 'AWS::SQS::Queue' },
  'aws-dynamodb.Table': { kind: 'other', type: 'AWS::DynamoDB::Table' },
  'aws-dynamodb.TableV2': { kind: 'other', type: 'AWS::DynamoDB::GlobalTable' },
  'aws-kms.Key': { kind: 'other', type: 'AWS::KMS::Key' },
  'aws-secretsmanager.Secret': { kind: 'other', type: 'AWS::SecretsManager::Secret' },
  'aws-events.Rule': { kind: 'other', type: 'AWS::Events::Rule' },
  'aws-apigateway.RestApi': { kind: 'other', type: 'AWS::ApiGateway::RestApi' },
  'aws-apigateway.LambdaRestApi': { kind: 'other', type: 'AWS::ApiGateway::RestApi' },
  'aws-apigatewayv2.HttpApi': { kind: 'other', type: 'AWS::ApiGatewayV2::Api' },
  'aws-ec2.Vpc': { kind: 'other', type: 'AWS::EC2::VPC' },
  'aws-ec2.SecurityGroup': { kind: 'other', type: 'AWS::EC2::SecurityGroup' },
};

export function classInfo(qname: string | undefined): ClassInfo | undefined {
  return qname ? CLASSES[qname] : undefined;
}

/** A resource type for any construct: the known CloudFormation type, else `CDK::<class>`. */
export function resourceType(qname: string | undefined, className: string): string {
  const known = classInfo(qname)?.type;
  if (known) return known;
  const m = qname ? /^[^.]*\.Cfn(\w+)$/.exec(qname) : null;
  return m ? `CDK::Cfn${m[1]}` : `CDK::${qname ?? className}`;
}

export const IAM = {
  statement: 'aws-iam.PolicyStatement',
  document: 'aws-iam.PolicyDocument',
  statementFromJson: 'aws-iam.PolicyStatement.fromJson',
  documentFromJson: 'aws-iam.PolicyDocument.fromJson',
  fromAwsManaged: 'aws-iam.ManagedPolicy.fromAwsManagedPolicyName',
  fromManagedArn: 'aws-iam.ManagedPolicy.fromManagedPolicyArn',
  fromManagedName: 'aws-iam.ManagedPolicy.fromManagedPolicyName',
} as const;
