/** AWS console addresses for "Open in AWS Console"; China and GovCloud partitions have their own hosts. */
function consoleHost(partition: string, region: string): string {
  if (partition === 'aws-cn') return 'https://console.amazonaws.cn';
  if (partition === 'aws-us-gov') return 'https://console.amazonaws-us-gov.com';
  return `https://${region}.console.aws.amazon.com`;
}

export function functionConsoleUrl(partition: string, region: string, name: string): string {
  return `${consoleHost(partition, region)}/lambda/home?region=${encodeURIComponent(region)}#/functions/${encodeURIComponent(name)}`;
}

export function roleConsoleUrl(partition: string, roleArn: string): string {
  const name = roleArn.slice(roleArn.lastIndexOf('/') + 1);
  const host = partition === 'aws' ? 'https://console.aws.amazon.com' : consoleHost(partition, '');
  return `${host}/iam/home#/roles/details/${encodeURIComponent(name)}`;
}
