/** Generates a realistic SAM/CloudFormation template of `n` resources for benchmarks. */
export function generateTemplate(n: number): string {
  const out: string[] = ["AWSTemplateFormatVersion: '2010-09-09'", 'Transform: AWS::Serverless-2016-10-31', 'Parameters:', '  Stage: { Type: String }', 'Conditions:', '  IsProd: !Equals [!Ref Stage, prod]', 'Resources:'];
  for (let i = 0; i < n; i++) {
    switch (i % 5) {
      case 0:
        out.push(
          `  Role${i}:`, '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Statement:',
          '          - Effect: Allow', '            Principal: { Service: lambda.amazonaws.com }', '            Action: sts:AssumeRole',
          '      Policies:', `        - PolicyName: p${i}`, '          PolicyDocument:', '            Statement:',
          '              - Effect: Allow', '                Action: [s3:GetObject, s3:PutObject]', `                Resource: !Sub 'arn:\${AWS::Partition}:s3:::bucket-${i}/*'`,
          '              - Effect: !If [IsProd, Allow, Deny]', '                Action: dynamodb:*', "                Resource: '*'",
        );
        break;
      case 1:
        out.push(
          `  Fn${i}:`, '    Type: AWS::Serverless::Function', '    Properties:', '      Handler: index.handler', '      Runtime: nodejs20.x',
          '      Environment:', '        Variables:', `          TABLE: table-${i}`, '      Policies:', '        - DynamoDBCrudPolicy:', `            TableName: table-${i}`,
          '      Events:', '        Api:', '          Type: Api', '          Properties: { Path: /x, Method: get }',
        );
        break;
      case 2:
        out.push(
          `  Perm${i}:`, '    Type: AWS::Lambda::Permission', '    Properties:', '      Action: lambda:InvokeFunction',
          `      FunctionName: !Ref Fn${i - 1}`, '      Principal: sns.amazonaws.com', `      SourceArn: !Ref Topic${i}`,
        );
        break;
      case 3:
        out.push(
          `  Policy${i}:`, '    Type: AWS::IAM::ManagedPolicy', '    Properties:', '      PolicyDocument:', '        Statement:',
          '          - Effect: Allow', '            Action:', '              - logs:CreateLogStream', '              - logs:PutLogEvents',
          `            Resource: !Sub 'arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/fn-${i}:*'`,
        );
        break;
      default:
        out.push(`  Queue${i}:`, '    Type: AWS::SQS::Queue', '    Properties:', `      QueueName: queue-${i}`, '      VisibilityTimeout: 60');
    }
  }
  return `${out.join('\n')}\n`;
}
