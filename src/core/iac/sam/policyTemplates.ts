/**
 * SAM policy templates as data, transcribed from aws/serverless-application-model
 * samtranslator/policy_templates_data/policy_templates.json (Apache-2.0, commit 603eb020).
 * Resources are `Fn::Sub`-style strings; SAM's `Fn::Sub [str, { x: { Ref: Param } }]` form is
 * rewritten so that the variable is the parameter itself (`${BucketName}`). Every SAM template
 * statement is an Allow, so the effect is not stored.
 */

export interface TemplateCondition {
  operator: string;
  key: string;
  values: string[];
}

export interface TemplateStatementDef {
  actions: string[];
  resources: string[];
  conditions?: TemplateCondition[];
}

export interface PolicyTemplateDef {
  params: string[];
  statements: TemplateStatementDef[];
}

const P = 'arn:${AWS::Partition}';
/** A regional ARN in the deploying account. */
const rg = (svc: string, rest: string): string => `${P}:${svc}:` + '${AWS::Region}:${AWS::AccountId}:' + rest;
/** `act('s3', 'GetObject PutObject')` → ['s3:GetObject', 's3:PutObject']. */
const act = (svc: string, names: string): string[] => names.trim().split(/\s+/).map((n) => `${svc}:${n}`);
const st = (svc: string, names: string, res: string | string[], conditions?: TemplateCondition[]): TemplateStatementDef => ({
  actions: act(svc, names),
  resources: typeof res === 'string' ? [res] : res,
  ...(conditions ? { conditions } : {}),
});
const t = (params: string, ...statements: TemplateStatementDef[]): PolicyTemplateDef => ({
  params: params.split(' ').filter(Boolean),
  statements,
});
const eq = (key: string, value: string): TemplateCondition[] => [{ operator: 'StringEquals', key, values: [value] }];

const S3B = P + ':s3:::${BucketName}';
const S3O = S3B + '/*';
const DDB = rg('dynamodb', 'table/${TableName}');
const DDB_IDX = DDB + '/index/*';
const DDB_BACKUP = DDB + '/backup/*';
const EMR = rg('elasticmapreduce', 'cluster/${ClusterId}');
const REK = rg('rekognition', 'collection/${CollectionId}');
const SES_ID = rg('ses', 'identity/${IdentityName}');
const KMS = rg('kms', 'key/${KeyId}');
const SFN = rg('states', 'stateMachine:${StateMachineName}');
const FH = rg('firehose', 'deliverystream/${DeliveryStreamName}');
const SQS = rg('sqs', '${QueueName}');
const CC = rg('codecommit', '${RepositoryName}');
const KIN = rg('kinesis', 'stream/${StreamName}');
const SSM_READ = 'GetParameters GetParameter GetParametersByPath';

const CC_READ = `GitPull GetBranch ListBranches BatchDescribeMergeConflicts DescribeMergeConflicts GetMergeCommit
  GetMergeOptions BatchGetPullRequests DescribePullRequestEvents GetCommentsForPullRequest GetCommitsFromMergeBase
  GetMergeConflicts GetPullRequest ListPullRequests GetBlob GetFile GetFolder GetComment GetCommentsForComparedCommit
  BatchGetCommits GetCommit GetCommitHistory GetDifferences GetObjectIdentifier GetReferences GetTree GetRepository
  ListTagsForResource GetRepositoryTriggers TestRepositoryTriggers GetBranch GetCommit GetUploadArchiveStatus`;
const CC_CRUD = `GitPull GitPush CreateBranch DeleteBranch GetBranch ListBranches MergeBranchesByFastForward
  MergeBranchesBySquash MergeBranchesByThreeWay UpdateDefaultBranch BatchDescribeMergeConflicts
  CreateUnreferencedMergeCommit DescribeMergeConflicts GetMergeCommit GetMergeOptions BatchGetPullRequests
  CreatePullRequest DescribePullRequestEvents GetCommentsForPullRequest GetCommitsFromMergeBase GetMergeConflicts
  GetPullRequest ListPullRequests MergePullRequestByFastForward MergePullRequestBySquash MergePullRequestByThreeWay
  PostCommentForPullRequest UpdatePullRequestDescription UpdatePullRequestStatus UpdatePullRequestTitle DeleteFile
  GetBlob GetFile GetFolder PutFile DeleteCommentContent GetComment GetCommentsForComparedCommit
  PostCommentForComparedCommit PostCommentReply UpdateComment BatchGetCommits CreateCommit GetCommit GetCommitHistory
  GetDifferences GetObjectIdentifier GetReferences GetTree GetRepository UpdateRepositoryDescription
  ListTagsForResource TagResource UntagResource GetRepositoryTriggers PutRepositoryTriggers TestRepositoryTriggers
  GetBranch GetCommit UploadArchive GetUploadArchiveStatus CancelUploadArchive`;

const TEMPLATES: Record<string, PolicyTemplateDef> = {
  AMIDescribePolicy: t('', st('ec2', 'DescribeImages', '*')),
  AWSSecretsManagerGetSecretValuePolicy: t('SecretArn', st('secretsmanager', 'GetSecretValue', '${SecretArn}')),
  AWSSecretsManagerRotationPolicy: t('FunctionName',
    st('secretsmanager', 'DescribeSecret GetSecretValue PutSecretValue UpdateSecretVersionStage',
      rg('secretsmanager', 'secret:*'),
      eq('secretsmanager:resource/AllowRotationLambdaArn', rg('lambda', 'function:${FunctionName}'))),
    st('secretsmanager', 'GetRandomPassword', '*')),
  AcmGetCertificatePolicy: t('CertificateArn', st('acm', 'GetCertificate', '${CertificateArn}')),
  AthenaQueryPolicy: t('WorkGroupName',
    st('athena', `ListWorkGroups GetExecutionEngine GetExecutionEngines GetNamespace GetCatalogs GetNamespaces
      GetTables GetTable`, '*'),
    st('athena', `StartQueryExecution GetQueryResults DeleteNamedQuery GetNamedQuery ListQueryExecutions
      StopQueryExecution GetQueryResultsStream ListNamedQueries CreateNamedQuery GetQueryExecution BatchGetNamedQuery
      BatchGetQueryExecution GetWorkGroup`, rg('athena', 'workgroup/${WorkGroupName}'))),
  CloudFormationDescribeStacksPolicy: t('', st('cloudformation', 'DescribeStacks', rg('cloudformation', 'stack/*'))),
  CloudWatchDashboardPolicy: t('', st('cloudwatch', 'GetDashboard ListDashboards PutDashboard ListMetrics', '*')),
  CloudWatchDescribeAlarmHistoryPolicy: t('', st('cloudwatch', 'DescribeAlarmHistory', '*')),
  CloudWatchPutMetricPolicy: t('', st('cloudwatch', 'PutMetricData', '*')),
  CodeCommitCrudPolicy: t('RepositoryName', st('codecommit', CC_CRUD, CC)),
  CodeCommitReadPolicy: t('RepositoryName', st('codecommit', CC_READ, CC)),
  CodePipelineLambdaExecutionPolicy: t('', st('codepipeline', 'PutJobSuccessResult PutJobFailureResult', '*')),
  CodePipelineReadOnlyPolicy: t('PipelineName',
    st('codepipeline', 'ListPipelineExecutions', rg('codepipeline', '${PipelineName}'))),
  ComprehendBasicAccessPolicy: t('', st('comprehend', `BatchDetectKeyPhrases DetectDominantLanguage DetectEntities
    BatchDetectEntities DetectKeyPhrases DetectSentiment BatchDetectDominantLanguage BatchDetectSentiment`, '*')),
  CostExplorerReadOnlyPolicy: t('', st('ce', `GetCostAndUsage GetDimensionValues GetReservationCoverage
    GetReservationPurchaseRecommendation GetReservationUtilization GetTags`, '*')),
  DynamoDBBackupFullAccessPolicy: t('TableName',
    st('dynamodb', 'CreateBackup DescribeContinuousBackups', DDB),
    st('dynamodb', 'DeleteBackup DescribeBackup ListBackups', DDB_BACKUP)),
  DynamoDBCrudPolicy: t('TableName', st('dynamodb', `GetItem DeleteItem PutItem Scan Query UpdateItem BatchWriteItem
    BatchGetItem DescribeTable ConditionCheckItem`, [DDB, DDB_IDX])),
  DynamoDBReadPolicy: t('TableName', st('dynamodb', 'GetItem Scan Query BatchGetItem DescribeTable', [DDB, DDB_IDX])),
  DynamoDBReconfigurePolicy: t('TableName', st('dynamodb', 'UpdateTable', DDB)),
  DynamoDBRestoreFromBackupPolicy: t('TableName',
    st('dynamodb', 'RestoreTableFromBackup', DDB_BACKUP),
    st('dynamodb', 'PutItem UpdateItem DeleteItem GetItem Query Scan BatchWriteItem', DDB)),
  DynamoDBStreamReadPolicy: t('StreamName TableName',
    st('dynamodb', 'DescribeStream GetRecords GetShardIterator', DDB + '/stream/${StreamName}'),
    st('dynamodb', 'ListStreams', DDB + '/stream/*')),
  DynamoDBWritePolicy: t('TableName', st('dynamodb', 'PutItem UpdateItem BatchWriteItem', [DDB, DDB_IDX])),
  EC2CopyImagePolicy: t('ImageId', st('ec2', 'CopyImage', rg('ec2', 'image/${ImageId}'))),
  EC2DescribePolicy: t('', st('ec2', 'DescribeRegions DescribeInstances', '*')),
  EFSWriteAccessPolicy: t('AccessPoint FileSystem',
    st('elasticfilesystem', 'ClientMount ClientWrite', rg('elasticfilesystem', 'file-system/${FileSystem}'),
      eq('elasticfilesystem:AccessPointArn', rg('elasticfilesystem', 'access-point/${AccessPoint}')))),
  EKSDescribePolicy: t('', st('eks', 'DescribeCluster ListClusters', '*')),
  EcsRunTaskPolicy: t('TaskDefinition', st('ecs', 'RunTask', rg('ecs', 'task-definition/${TaskDefinition}'))),
  ElasticMapReduceAddJobFlowStepsPolicy: t('ClusterId', st('elasticmapreduce', 'AddJobFlowSteps', EMR)),
  ElasticMapReduceCancelStepsPolicy: t('ClusterId', st('elasticmapreduce', 'CancelSteps', EMR)),
  ElasticMapReduceModifyInstanceFleetPolicy: t('ClusterId',
    st('elasticmapreduce', 'ModifyInstanceFleet ListInstanceFleets', EMR)),
  ElasticMapReduceModifyInstanceGroupsPolicy: t('ClusterId',
    st('elasticmapreduce', 'ModifyInstanceGroups ListInstanceGroups', EMR)),
  ElasticMapReduceSetTerminationProtectionPolicy: t('ClusterId',
    st('elasticmapreduce', 'SetTerminationProtection', EMR)),
  ElasticMapReduceTerminateJobFlowsPolicy: t('ClusterId', st('elasticmapreduce', 'TerminateJobFlows', EMR)),
  ElasticsearchHttpPostPolicy: t('DomainName', st('es', 'ESHttpPost ESHttpPut', rg('es', 'domain/${DomainName}/*'))),
  EventBridgePutEventsPolicy: t('EventBusName', st('events', 'PutEvents', rg('events', 'event-bus/${EventBusName}'))),
  FilterLogEventsPolicy: t('LogGroupName',
    st('logs', 'FilterLogEvents', rg('logs', 'log-group:${LogGroupName}:log-stream:*'))),
  FirehoseCrudPolicy: t('DeliveryStreamName', st('firehose', `CreateDeliveryStream DeleteDeliveryStream
    DescribeDeliveryStream PutRecord PutRecordBatch UpdateDestination`, FH)),
  FirehoseWritePolicy: t('DeliveryStreamName', st('firehose', 'PutRecord PutRecordBatch', FH)),
  KMSDecryptPolicy: t('KeyId', st('kms', 'Decrypt', KMS)),
  KMSEncryptPolicy: t('KeyId', st('kms', 'Encrypt', KMS)),
  KMSEncryptPolicy_v2: t('KeyId', st('kms', `Encrypt GenerateDataKey GenerateDataKeyWithoutPlaintext GenerateDataKeyPair
    GenerateDataKeyPairWithoutPlaintext`, KMS)),
  KinesisCrudPolicy: t('StreamName', st('kinesis', `AddTagsToStream CreateStream DecreaseStreamRetentionPeriod
    DeleteStream DescribeStream DescribeStreamSummary GetShardIterator IncreaseStreamRetentionPeriod ListTagsForStream
    MergeShards PutRecord PutRecords SplitShard RemoveTagsFromStream`, KIN)),
  KinesisStreamReadPolicy: t('StreamName',
    st('kinesis', 'ListStreams DescribeLimits', rg('kinesis', 'stream/*')),
    st('kinesis', 'DescribeStream DescribeStreamSummary GetRecords GetShardIterator', KIN)),
  LambdaInvokePolicy: t('FunctionName', st('lambda', 'InvokeFunction', rg('lambda', 'function:${FunctionName}*'))),
  MobileAnalyticsWriteOnlyAccessPolicy: t('', st('mobileanalytics', 'PutEvents', '*')),
  OrganizationsListAccountsPolicy: t('', st('organizations', 'ListAccounts', '*')),
  PinpointEndpointAccessPolicy: t('PinpointApplicationId', st('mobiletargeting',
    'GetEndpoint UpdateEndpoint UpdateEndpointsBatch', rg('mobiletargeting', 'apps/${PinpointApplicationId}/endpoints/*'))),
  PollyFullAccessPolicy: t('LexiconName',
    st('polly', 'GetLexicon DeleteLexicon', rg('polly', 'lexicon/${LexiconName}')),
    st('polly', 'DescribeVoices ListLexicons PutLexicon SynthesizeSpeech', rg('polly', 'lexicon/*'))),
  RekognitionDetectOnlyPolicy: t('',
    st('rekognition', 'DetectFaces DetectLabels DetectModerationLabels DetectText', '*')),
  RekognitionFacesManagementPolicy: t('CollectionId',
    st('rekognition', 'IndexFaces DeleteFaces SearchFaces SearchFacesByImage ListFaces', REK)),
  RekognitionFacesPolicy: t('', st('rekognition', 'CompareFaces DetectFaces', '*')),
  RekognitionLabelsPolicy: t('', st('rekognition', 'DetectLabels DetectModerationLabels', '*')),
  RekognitionNoDataAccessPolicy: t('CollectionId',
    st('rekognition', 'CompareFaces DetectFaces DetectLabels DetectModerationLabels', REK)),
  RekognitionReadPolicy: t('CollectionId',
    st('rekognition', 'ListCollections ListFaces SearchFaces SearchFacesByImage', REK)),
  RekognitionWriteOnlyAccessPolicy: t('CollectionId', st('rekognition', 'CreateCollection IndexFaces', REK)),
  Route53ChangeResourceRecordSetsPolicy: t('HostedZoneId',
    st('route53', 'ChangeResourceRecordSets', P + ':route53:::hostedzone/${HostedZoneId}')),
  S3CrudPolicy: t('BucketName', st('s3', `GetObject ListBucket GetBucketLocation GetObjectVersion PutObject PutObjectAcl
    GetLifecycleConfiguration PutLifecycleConfiguration DeleteObject`, [S3B, S3O])),
  S3FullAccessPolicy: t('BucketName',
    st('s3', `GetObject GetObjectAcl GetObjectVersion PutObject PutObjectAcl DeleteObject DeleteObjectTagging
      DeleteObjectVersionTagging GetObjectTagging GetObjectVersionTagging PutObjectTagging PutObjectVersionTagging`, S3O),
    st('s3', 'ListBucket GetBucketLocation GetLifecycleConfiguration PutLifecycleConfiguration', S3B)),
  S3ReadPolicy: t('BucketName', st('s3',
    'GetObject ListBucket GetBucketLocation GetObjectVersion GetLifecycleConfiguration', [S3B, S3O])),
  S3WritePolicy: t('BucketName', st('s3', 'PutObject PutObjectAcl PutLifecycleConfiguration', [S3B, S3O])),
  SESBulkTemplatedCrudPolicy: t('IdentityName', st('ses', `GetIdentityVerificationAttributes SendEmail SendRawEmail
    SendTemplatedEmail SendBulkTemplatedEmail VerifyEmailIdentity`, SES_ID)),
  SESBulkTemplatedCrudPolicy_v2: t('IdentityName TemplateName',
    st('ses', 'SendEmail SendRawEmail SendTemplatedEmail SendBulkTemplatedEmail',
      [SES_ID, rg('ses', 'template/${TemplateName}')]),
    st('ses', 'GetIdentityVerificationAttributes VerifyEmailIdentity', '*')),
  SESCrudPolicy: t('IdentityName',
    st('ses', 'GetIdentityVerificationAttributes SendEmail SendRawEmail VerifyEmailIdentity', SES_ID)),
  SESEmailTemplateCrudPolicy: t('',
    st('ses', 'CreateTemplate GetTemplate ListTemplates UpdateTemplate DeleteTemplate TestRenderTemplate', '*')),
  SESSendBouncePolicy: t('IdentityName', st('ses', 'SendBounce', SES_ID)),
  SNSCrudPolicy: t('TopicName', st('sns', 'ListSubscriptionsByTopic CreateTopic SetTopicAttributes Subscribe Publish',
    rg('sns', '${TopicName}*'))),
  SNSPublishMessagePolicy: t('TopicName', st('sns', 'Publish', rg('sns', '${TopicName}'))),
  SQSPollerPolicy: t('QueueName', st('sqs', `ChangeMessageVisibility ChangeMessageVisibilityBatch DeleteMessage
    DeleteMessageBatch GetQueueAttributes ReceiveMessage`, SQS)),
  SQSSendMessagePolicy: t('QueueName', st('sqs', 'SendMessage*', SQS)),
  SSMParameterReadPolicy: t('ParameterName',
    st('ssm', 'DescribeParameters', '*'),
    st('ssm', SSM_READ, rg('ssm', 'parameter/${ParameterName}'))),
  // Same as above, but the name already starts with '/' so no slash is inserted after `parameter`.
  SSMParameterWithSlashPrefixReadPolicy: t('ParameterName',
    st('ssm', 'DescribeParameters', '*'),
    st('ssm', SSM_READ, rg('ssm', 'parameter${ParameterName}'))),
  SageMakerCreateEndpointConfigPolicy: t('EndpointConfigName',
    st('sagemaker', 'CreateEndpointConfig', rg('sagemaker', 'endpoint-config/${EndpointConfigName}'))),
  SageMakerCreateEndpointPolicy: t('EndpointName',
    st('sagemaker', 'CreateEndpoint', rg('sagemaker', 'endpoint/${EndpointName}'))),
  ServerlessRepoReadWriteAccessPolicy: t('', st('serverlessrepo', `CreateApplication CreateApplicationVersion
    UpdateApplication GetApplication ListApplications ListApplicationVersions ListApplicationDependencies`,
    rg('serverlessrepo', 'applications/*'))),
  StepFunctionsCallbackPolicy: t('StateMachineName',
    st('states', 'SendTaskFailure SendTaskHeartbeat SendTaskSuccess', SFN)),
  StepFunctionsExecutionPolicy: t('StateMachineName', st('states', 'StartExecution', SFN)),
  StepFunctionsExecutionPolicy_v2: t('StateMachineName', st('states', 'StartExecution StartSyncExecution', SFN)),
  TextractDetectAnalyzePolicy: t('', st('textract',
    'DetectDocumentText StartDocumentTextDetection StartDocumentAnalysis AnalyzeDocument', '*')),
  TextractGetResultPolicy: t('', st('textract', 'GetDocumentTextDetection GetDocumentAnalysis', '*')),
  TextractPolicy: t('', st('textract', '*', '*')),
  VPCAccessPolicy: t('', st('ec2',
    'CreateNetworkInterface DeleteNetworkInterface DescribeNetworkInterfaces DetachNetworkInterface', '*')),
};

/** Lookup by exact (case-sensitive) name, as SAM does; a Map avoids hits on Object.prototype keys. */
export const POLICY_TEMPLATES: ReadonlyMap<string, PolicyTemplateDef> = new Map(Object.entries(TEMPLATES));
