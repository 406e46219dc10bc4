/**
 * Global condition keys: present in the request context whatever the service. The data package keeps
 * these in its JavaScript (not in its JSON data) with empty descriptions, and its JavaScript cannot be
 * bundled, so Lambda Guard carries its own table: canonical name, type, and words for hovers.
 * A `/tag-key` suffix stands for any tag key.
 */
export interface GlobalConditionKey {
  key: string;
  type: string;
  description: string;
}

const TABLE: [key: string, type: string, description: string][] = [
  ['aws:PrincipalArn', 'ARN', 'The ARN of the principal that made the request.'],
  ['aws:PrincipalAccount', 'String', 'The account to which the requesting principal belongs.'],
  ['aws:PrincipalOrgPaths', 'ArrayOfString', 'The AWS Organizations path of the requesting principal.'],
  ['aws:PrincipalOrgID', 'String', 'The AWS Organizations ID of the requesting principal; restricts access to accounts in your organization.'],
  ['aws:PrincipalTag/tag-key', 'String', 'A tag attached to the requesting principal.'],
  ['aws:PrincipalIsAWSService', 'Bool', 'Whether the request is made by an AWS service principal.'],
  ['aws:PrincipalServiceName', 'String', 'The service principal name when the request is made by an AWS service.'],
  ['aws:PrincipalServiceNamesList', 'ArrayOfString', 'All service principal names of the requesting service.'],
  ['aws:PrincipalType', 'String', 'The type of principal making the request (Account, User, FederatedUser, AssumedRole, Anonymous).'],
  ['aws:userid', 'String', 'The principal identifier of the requester.'],
  ['aws:username', 'String', 'The user name of the requester.'],
  ['aws:AssumedRoot', 'Bool', 'Whether the request uses a root session assumed from a management or delegated administrator account.'],
  ['aws:FederatedProvider', 'String', 'The identity provider that issued the requester\u2019s federated identity.'],
  ['aws:TokenIssueTime', 'Date', 'When the requester\u2019s temporary credentials were issued.'],
  ['aws:MultiFactorAuthAge', 'Numeric', 'Seconds since the requester authenticated with MFA.'],
  ['aws:MultiFactorAuthPresent', 'Bool', 'Whether the requester authenticated with MFA.'],
  ['aws:ChatbotSourceArn', 'ARN', 'The chat channel configuration from which a chatbot request was made.'],
  ['aws:Ec2InstanceSourceVpc', 'String', 'The VPC of the EC2 instance whose role credentials sign the request.'],
  ['aws:Ec2InstanceSourcePrivateIPv4', 'IPAddress', 'The private IPv4 address of the EC2 instance whose role credentials sign the request.'],
  ['aws:SourceIdentity', 'String', 'The source identity set when the role session was created.'],
  ['ec2:RoleDelivery', 'Numeric', 'The instance metadata service version that delivered the EC2 role credentials.'],
  ['ec2:SourceInstanceArn', 'ARN', 'The EC2 instance whose role credentials sign the request.'],
  ['glue:RoleAssumedBy', 'String', 'The AWS Glue service that assumed the role.'],
  ['glue:CredentialIssuingService', 'String', 'The AWS Glue service that issued the role credentials.'],
  ['lambda:SourceFunctionArn', 'ARN', 'The Lambda function whose execution role credentials sign the request.'],
  ['ssm:SourceInstanceArn', 'ARN', 'The Systems Manager managed instance whose credentials sign the request.'],
  ['identitystore:UserId', 'String', 'The IAM Identity Center user behind an identity-enhanced session.'],
  ['aws:SourceIp', 'IPAddress', 'The IP address of the requester (public addresses only; not set for requests through VPC endpoints).'],
  ['aws:SourceVpc', 'String', 'The VPC through whose endpoint the request was made.'],
  ['aws:SourceVpcArn', 'String', 'The ARN of the VPC through whose endpoint the request was made.'],
  ['aws:SourceVpce', 'String', 'The VPC endpoint through which the request was made.'],
  ['aws:VpceAccount', 'String', 'The account that owns the VPC endpoint through which the request was made.'],
  ['aws:VpceOrgPaths', 'ArrayOfString', 'The AWS Organizations path of the account owning the VPC endpoint used.'],
  ['aws:VpceOrgID', 'String', 'The AWS Organizations ID of the account owning the VPC endpoint used.'],
  ['aws:VpcSourceIp', 'IPAddress', 'The IP address of the requester when the request comes through a VPC endpoint.'],
  ['aws:ResourceAccount', 'String', 'The account that owns the requested resource.'],
  ['aws:ResourceOrgID', 'String', 'The AWS Organizations ID of the account that owns the requested resource.'],
  ['aws:ResourceOrgPaths', 'ArrayOfString', 'The AWS Organizations path of the account that owns the requested resource.'],
  ['aws:ResourceTag/tag-key', 'String', 'A tag attached to the requested resource.'],
  ['aws:CalledVia', 'ArrayOfString', 'The services that made the request on the principal\u2019s behalf.'],
  ['aws:CalledViaFirst', 'String', 'The first service that made the request on the principal\u2019s behalf.'],
  ['aws:CalledViaLast', 'String', 'The last service that made the request on the principal\u2019s behalf.'],
  ['aws:CalledViaAWSMCP', 'String', 'The AWS MCP server that made the request on the principal\u2019s behalf.'],
  ['aws:ViaAWSService', 'Bool', 'Whether an AWS service made the request on the principal\u2019s behalf.'],
  ['aws:ViaAWSMCPService', 'Bool', 'Whether an AWS MCP server made the request on the principal\u2019s behalf.'],
  ['aws:CurrentTime', 'Date', 'The date and time of the request.'],
  ['aws:EpochTime', 'Date', 'The date and time of the request in epoch seconds.'],
  ['aws:referer', 'String', 'The HTTP referer of the request (client supplied; do not rely on it for security).'],
  ['aws:RequestedRegion', 'String', 'The region the request is sent to.'],
  ['aws:RequestTag/tag-key', 'String', 'A tag passed in the request.'],
  ['aws:TagKeys', 'ArrayOfString', 'The tag keys passed in the request.'],
  ['aws:SecureTransport', 'Bool', 'Whether the request was sent over TLS.'],
  ['aws:SourceArn', 'ARN', 'The ARN of the resource making a service-to-service request (for example the bucket or topic invoking a function). Use it with service principals against the confused-deputy problem.'],
  ['aws:SourceAccount', 'String', 'The account that owns the resource making a service-to-service request. Use it with service principals against the confused-deputy problem.'],
  ['aws:SourceOwner', 'String', 'The account that owns the source resource (older form of aws:SourceAccount used by a few services).'],
  ['aws:SourceOrgPaths', 'ArrayOfString', 'The AWS Organizations path of the account that owns the resource making a service-to-service request.'],
  ['aws:SourceOrgID', 'String', 'The AWS Organizations ID of the account that owns the resource making a service-to-service request.'],
  ['aws:UserAgent', 'String', 'The HTTP user agent of the requester (client supplied; do not rely on it for security).'],
  ['aws:IsMcpServiceAction', 'Bool', 'Whether the request is an action of an AWS MCP server.'],
];

const byName = new Map<string, GlobalConditionKey>();
const byPrefix = new Map<string, GlobalConditionKey>();
for (const [key, type, description] of TABLE) {
  const entry = Object.freeze({ key, type, description });
  const slash = key.indexOf('/');
  if (slash > 0) byPrefix.set(key.slice(0, slash).toLowerCase(), entry);
  else byName.set(key.toLowerCase(), entry);
}

/** `aws:SourceArn`, `aws:PrincipalTag/team` (any case) → the table entry. */
export function globalConditionKey(key: string): GlobalConditionKey | undefined {
  const lower = key.toLowerCase();
  const exact = byName.get(lower);
  if (exact) return exact;
  const slash = lower.indexOf('/');
  return slash > 0 && slash < lower.length - 1 ? byPrefix.get(lower.slice(0, slash)) : undefined;
}
