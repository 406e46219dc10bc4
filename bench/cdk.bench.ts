// Benchmark: a generated 2,000-line CDK stack, analysed after the TypeScript parser is warm.
// Budget (issue 4): < 100 ms. Run: node --import tsx bench/cdk.bench.ts
import { performance } from 'node:perf_hooks';
import { loadCdkModel } from '../src/core/iac/cdk/loadCdk';
import { analyzeText } from '../src/core/scan/analyzeText';
import { median } from './stats';

const HEADER = `import { Duration, Stack, StackProps, aws_lambda as lambda } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

const RUNTIME = lambda.Runtime.NODEJS_20_X;
const READ_ACTIONS = ['s3:GetObject', 's3:ListBucket'];

export class BigStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const bucket = new s3.Bucket(this, 'Data');
`;

/** One service: a function, its policy, a permission, a URL and a role — 25 lines. */
function block(i: number): string {
  return `
    // service ${i}
    const fn${i} = new lambda.Function(this, 'Fn${i}', {
      runtime: RUNTIME,
      handler: 'index.handler',
      code: lambda.Code.fromAsset('functions/fn${i}'),
      timeout: Duration.seconds(${(i % 30) + 1}),
      environment: { STAGE: 'prod', TABLE_NAME: \`table-${i}\`, DB_PASSWORD: ${i % 10 === 0 ? "'p4ss-" + i + "'" : 'bucket.bucketName'} },
    });
    fn${i}.addToRolePolicy(new iam.PolicyStatement({
      actions: [...READ_ACTIONS, ${i % 7 === 0 ? "'s3:*'" : "'s3:PutObject'"}],
      resources: [bucket.arnForObjects('fn${i}/*'), ${i % 11 === 0 ? "'*'" : 'bucket.bucketArn'}],
    }));
    fn${i}.addPermission('Invoke${i}', {
      principal: new iam.ServicePrincipal('sns.amazonaws.com'),
      ${i % 5 === 0 ? '' : 'sourceArn: `arn:aws:sns:eu-west-1:111122223333:topic-' + i + '`,'}
    });
    fn${i}.addFunctionUrl({ authType: ${i % 9 === 0 ? 'lambda.FunctionUrlAuthType.NONE' : 'lambda.FunctionUrlAuthType.AWS_IAM'} });
    new iam.Role(this, 'Role${i}', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('${i % 13 === 0 ? 'AdministratorAccess' : 'service-role/AWSLambdaBasicExecutionRole'}')],
    });
`;
}

export function generateStack(lines: number): string {
  let out = HEADER;
  for (let i = 0; out.split('\n').length < lines - 3; i++) out += block(i);
  return `${out}  }\n}\n`;
}

export interface CdkBenchResult {
  lines: number;
  coldMs: number;
  extractMedianMs: number;
  analyzeMedianMs: number;
  /** CPU time (user + system) of analyzeText: steadier than wall time on a shared machine. */
  analyzeCpuMedianMs: number;
  runs: number;
  findings: number;
}

export function runCdkBench(runs = 9): CdkBenchResult {
  const text = generateStack(2000);
  const file = '/bench/lib/big-stack.ts';
  let t = performance.now();
  loadCdkModel(text, file); // first call: requires the compiler and warms it
  const coldMs = performance.now() - t;
  for (let i = 0; i < 3; i++) analyzeText(text, file);
  const extract: number[] = [];
  const analyze: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    loadCdkModel(text, file);
    extract.push(performance.now() - t);
    const c = process.cpuUsage();
    t = performance.now();
    findings = analyzeText(text, file).findings.length;
    analyze.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { lines: text.split('\n').length, coldMs, extractMedianMs: median(extract), analyzeMedianMs: median(analyze), analyzeCpuMedianMs: median(cpu), runs, findings };
}

if (require.main === module) {
  const r = runCdkBench(Number(process.env.BENCH_RUNS ?? 9));
  const f = (n: number) => n.toFixed(1);
  console.log(`cdk: ${r.lines}-line stack, ${r.findings} findings, median of ${r.runs} warm runs`);
  console.log(`  extraction (parse + model):       ${f(r.extractMedianMs)} ms`);
  console.log(`  analyzeText (extraction + rules): ${f(r.analyzeMedianMs)} ms   budget < 100 ms: ${r.analyzeMedianMs < 100 ? 'OK' : 'OVER'}`);
  console.log(`  analyzeText CPU time:             ${f(r.analyzeCpuMedianMs)} ms`);
  console.log(`  first call (loads typescript):    ${f(r.coldMs)} ms`);
}
