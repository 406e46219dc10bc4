import { HOLE } from '../model/value';
import { globToRegExp, isWildcardPattern } from './actionPattern';

// Our own risk classes of IAM actions (lower-case `service:action`). Guided by the published work on
// privilege escalation (Rhino Security Labs' methods, Bishop Fox's categories, Cloudsplaining and
// pathfinding.cloud) and on credential exposure (Cloudsplaining / Policy Sentry), trimmed to single
// actions that are dangerous on their own or as the non-PassRole half of a PassRole combination.
// A test checks that every member exists in the IAM data set.

/**
 * Actions that let a principal gain permissions it does not have: rewrite policies or trust, mint
 * credentials for other users, run code under a more privileged role (`iam:PassRole` plus a compute
 * service), or change code that already runs under one. Not `lambda:InvokeFunction` (runs the code as
 * written) and not `sts:AssumeRole` (that is credential access: see CREDENTIAL_EXPOSURE_ACTIONS).
 */
export const PRIVILEGE_ESCALATION_ACTIONS: ReadonlySet<string> = new Set([
  // Permissions on policies and principals.
  'iam:attachrolepolicy',
  'iam:attachuserpolicy',
  'iam:attachgrouppolicy',
  'iam:putrolepolicy',
  'iam:putuserpolicy',
  'iam:putgrouppolicy',
  'iam:createpolicyversion',
  'iam:setdefaultpolicyversion',
  'iam:updateassumerolepolicy',
  'iam:addusertogroup',
  'iam:deleterolepermissionsboundary',
  'iam:deleteuserpermissionsboundary',
  'iam:putrolepermissionsboundary',
  'iam:putuserpermissionsboundary',
  // Credentials for other users.
  'iam:createaccesskey',
  'iam:createloginprofile',
  'iam:updateloginprofile',
  // Handing a role to a service; combined with any of the compute actions below.
  'iam:passrole',
  // Lambda: new code under an existing role, or code/layers/role swapped on an existing function.
  'lambda:createfunction',
  'lambda:updatefunctioncode',
  'lambda:updatefunctionconfiguration',
  'lambda:addpermission',
  'lambda:createeventsourcemapping',
  // Other compute that runs attacker-chosen code under a passed or existing role.
  'cloudformation:createstack',
  'cloudformation:updatestack',
  'cloudformation:createchangeset',
  'cloudformation:executechangeset',
  'cloudformation:createstackset',
  'cloudformation:updatestackset',
  'glue:createdevendpoint',
  'glue:updatedevendpoint',
  'glue:createjob',
  'glue:updatejob',
  'ec2:runinstances',
  'ec2:requestspotinstances',
  'ec2:modifyinstanceattribute',
  'ec2:createlaunchtemplateversion',
  'ec2-instance-connect:sendsshpublickey',
  'ssm:sendcommand',
  'ssm:startsession',
  'ecs:runtask',
  'ecs:starttask',
  'ecs:createservice',
  'ecs:registertaskdefinition',
  'ecs:executecommand',
  'codebuild:createproject',
  'codebuild:updateproject',
  'codebuild:startbuild',
  'codebuild:startbuildbatch',
  'sagemaker:createnotebookinstance',
  'sagemaker:createpresignednotebookinstanceurl',
  'sagemaker:createnotebookinstancelifecycleconfig',
  'sagemaker:updatenotebookinstance',
  'sagemaker:createtrainingjob',
  'sagemaker:createprocessingjob',
  'datapipeline:createpipeline',
  'datapipeline:putpipelinedefinition',
  'apprunner:createservice',
  'bedrock-agentcore:createcodeinterpreter',
  'bedrock-agentcore:invokecodeinterpreter',
]);

/**
 * Actions whose response carries a secret or usable credentials: secret and parameter values, KMS
 * plaintext, temporary or long-term AWS keys, registry and database tokens, and a function's
 * environment (GetFunction / GetFunctionConfiguration return it decrypted). `rds-db:connect` is not
 * here: its token is signed locally with the caller's own keys and it returns nothing; it is data
 * access (SENSITIVE_READ_ACTIONS).
 */
export const CREDENTIAL_EXPOSURE_ACTIONS: ReadonlySet<string> = new Set([
  'secretsmanager:getsecretvalue',
  'secretsmanager:batchgetsecretvalue',
  'ssm:getparameter',
  'ssm:getparameters',
  'ssm:getparametersbypath',
  'ssm:getparameterhistory',
  'kms:decrypt',
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:getfederationtoken',
  'sts:getsessiontoken',
  'sts:getservicebearertoken',
  'iam:createaccesskey',
  'iam:updateaccesskey',
  'iam:createloginprofile',
  'iam:createservicespecificcredential',
  'iam:resetservicespecificcredential',
  'lambda:getfunction',
  'lambda:getfunctionconfiguration',
  'ecr:getauthorizationtoken',
  'ecr-public:getauthorizationtoken',
  'codeartifact:getauthorizationtoken',
  'redshift:getclustercredentials',
  'redshift:getclustercredentialswithiam',
  'redshift-serverless:getcredentials',
  'glue:getconnection',
  'ec2:getpassworddata',
  'codepipeline:pollforjobs',
  'cognito-identity:getopenidtoken',
  'cognito-identity:getopenidtokenfordeveloperidentity',
  'cognito-identity:getcredentialsforidentity',
  'connect:getfederationtoken',
  'gamelift:requestuploadcredentials',
  'lightsail:getinstanceaccessdetails',
  'lightsail:getrelationaldatabasemasteruserpassword',
  'lightsail:downloaddefaultkeypair',
  'mediapackage:rotateingestendpointcredentials',
  'elasticmapreduce:getclustersessioncredentials',
  'emr-containers:getmanagedendpointsessioncredentials',
  'lakeformation:getdataaccess',
]);

/**
 * Reads of data that is usually sensitive when unrestricted: object, item and message contents,
 * secrets and parameters, KMS plaintext, database sessions, logs and source code.
 */
export const SENSITIVE_READ_ACTIONS: ReadonlySet<string> = new Set([
  's3:getobject',
  's3:getobjectversion',
  'dynamodb:getitem',
  'dynamodb:batchgetitem',
  'dynamodb:query',
  'dynamodb:scan',
  'dynamodb:partiqlselect',
  'dynamodb:getrecords',
  'secretsmanager:getsecretvalue',
  'secretsmanager:batchgetsecretvalue',
  'ssm:getparameter',
  'ssm:getparameters',
  'ssm:getparametersbypath',
  'ssm:getparameterhistory',
  'kms:decrypt',
  'sqs:receivemessage',
  'kinesis:getrecords',
  'rds-data:executestatement',
  'rds-data:batchexecutestatement',
  'rds-db:connect',
  'logs:getlogevents',
  'logs:filterlogevents',
  'athena:getqueryresults',
  'codecommit:gitpull',
]);

/**
 * The members of `set` that an `Action` entry covers, in set order: `iam:Put*` → the `iam:put…policy`
 * members, `*` → all of them, `s3:GetObject` → `s3:getobject` when it is a member. A HOLE never matches.
 */
export function matchesActionSet(set: ReadonlySet<string>, actionPattern: string): string[] {
  if (actionPattern.includes(HOLE)) return [];
  if (!isWildcardPattern(actionPattern)) {
    const lower = actionPattern.toLowerCase();
    return set.has(lower) ? [lower] : [];
  }
  const re = globToRegExp(actionPattern);
  return [...set].filter((member) => re.test(member));
}
