import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../unit/audit/auditBuilders';
import { ROOT } from './cliHarness';

// `lambda-guard audit` in process, on the embedded demo account (examples/demo-account/account.json) and
// on a hand-written snapshot (test/fixtures/audit/two-functions.json). Expectations come from what those
// files hold, read by hand.

const FIXTURE = 'test/fixtures/audit/two-functions.json';
const DEMO_REPORT = 'receipts-ReportFunction-9KD2PL';
const DEMO_INGEST = 'receipts-ReceiptIngestFunction-7QZ1WX';
const FUNCTION_KEYS = ['name', 'arn', 'region', 'role', 'runtime', 'triggers', 'permissions', 'url', 'vpc', 'whoCanModify', 'whoCanInvoke', 'source'];

interface JsonFunction {
  name: string;
  arn: string;
  region: string;
  role: string;
  runtime: string | null;
  triggers: { kind: string; source: string; detail?: string }[];
  permissions: unknown[];
  url: { url: string; authType: string } | null;
  vpc: { interfaces: string[]; sharedWith: string[] } | null;
  whoCanModify: { principal: string; actions: string[]; conditional: boolean }[];
  whoCanInvoke: unknown[];
  source: { file: string; line: number } | null;
}
interface JsonFinding {
  ruleId: string;
  severity: string;
  message: string;
  target: { arn: string; functionName: string; region: string };
}

async function audit(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo(cwd);
  const code = await main(['audit', ...args], io);
  return { code, out: io.out, err: io.err };
}

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lg-audit-'));
const rulesOf = (findings: JsonFinding[], fn: string): Set<string> => new Set(findings.filter((f) => f.target.functionName === fn).map((f) => f.ruleId));

test('audit --demo --format json: the contract keys, 13 functions, findings on their functions; exit 1 (errors in the demo)', async () => {
  const r = await audit(['--demo', '--format', 'json']);
  assert.equal(r.code, 1);
  const json = JSON.parse(r.out);
  assert.deepEqual(Object.keys(json).slice(0, 4), ['tool', 'findings', 'errors', 'functions']);
  assert.equal(json.tool.name, 'lambda-guard');
  assert.deepEqual(json.errors, []);
  const fns = json.functions as JsonFunction[];
  assert.equal(fns.length, 13);
  for (const f of fns) {
    for (const k of FUNCTION_KEYS) assert.ok(k in f, `${f.name} lacks ${k}`);
    for (const g of f.whoCanModify) assert.deepEqual([typeof g.principal, Array.isArray(g.actions), typeof g.conditional], ['string', true, 'boolean']);
  }
  const findings = json.findings as JsonFinding[];
  const names = new Set(fns.map((f) => f.name));
  for (const f of findings) assert.ok(names.has(f.target.functionName), `${f.ruleId} on ${f.target.functionName}`);
  // From account.json: AdministratorAccess on legacy-admin-task's role; ci-deploy-hook may pass any role and update any function.
  assert.ok(rulesOf(findings, 'legacy-admin-task').has('LG009'));
  assert.ok(findings.some((f) => f.target.functionName === 'legacy-admin-task' && f.ruleId === 'LG009' && f.severity === 'error'));
  for (const id of ['LG004', 'LG005']) assert.ok(rulesOf(findings, 'ci-deploy-hook').has(id), id);
  // The report function: s3:* on *, a public permission and a public URL, a partner that may update code, a typo, a password.
  const report = rulesOf(findings, DEMO_REPORT);
  for (const id of ['LG001', 'LG006', 'LG007', 'LG008', 'LG010', 'LG011', 'LG012', 'LG013', 'LG014']) {
    assert.ok(report.has(id), `${id} on ${DEMO_REPORT}: ${[...report]}`);
  }
  // SNS may invoke the ingest function with no SourceArn; image-resizer's legacy S3 statement likewise.
  assert.ok(rulesOf(findings, DEMO_INGEST).has('LG007'));
  assert.ok(rulesOf(findings, 'image-resizer').has('LG007'));
  // partner-sync trusts a role of 210987654321 and lets that account invoke.
  assert.ok(rulesOf(findings, 'partner-sync').has('LG010'));
  // Scoped roles and pinned permissions, with an alarm where they are reachable: nothing to report.
  for (const clean of ['orders-api', 'orders-worker', 'payments-webhook']) assert.deepEqual([...rulesOf(findings, clean)], [], clean);
  // nightly-report's AWS managed AmazonS3ReadOnlyAccess lets it read every object of every bucket: judged by its document.
  assert.ok(rulesOf(findings, 'nightly-report').has('LG011'));
  // The summary of a machine format goes to stderr.
  assert.match(r.err, /^lambda-guard: ✖ \d+ problems .*· 13 functions in 2 regions\n$/);
});

test('audit --demo: URLs, VPC and shared ENIs, triggers and roles as the demo account holds them', async () => {
  const fns = JSON.parse((await audit(['--demo', '--format', 'json'])).out).functions as JsonFunction[];
  const by = new Map(fns.map((f) => [f.name, f]));
  assert.deepEqual(
    fns.filter((f) => f.url).map((f) => [f.name, f.url!.authType]).sort(),
    [['payments-webhook', 'AWS_IAM'], [DEMO_REPORT, 'NONE']],
  );
  assert.deepEqual(fns.filter((f) => f.vpc).map((f) => f.name).sort(), ['analytics-etl', 'orders-api', 'orders-worker', 'payments-webhook']);
  // orders-api and orders-worker: same subnets and security group, so the same two Lambda ENIs (the VPC endpoint in that subnet is not one).
  for (const [name, other] of [['orders-api', 'orders-worker'], ['orders-worker', 'orders-api']]) {
    assert.deepEqual(by.get(name)!.vpc!.interfaces, ['eni-0a11ce0000000001a', 'eni-0a11ce0000000002b'], name);
    assert.deepEqual(by.get(name)!.vpc!.sharedWith, [other], name);
  }
  assert.deepEqual(by.get('payments-webhook')!.vpc!.interfaces, ['eni-0a11ce0000000003c']);
  assert.deepEqual(by.get('payments-webhook')!.vpc!.sharedWith, []);
  assert.deepEqual(by.get('analytics-etl')!.vpc!.interfaces, ['eni-0a11ce0000000004d']);
  const queue = 'arn:aws:sqs:us-east-1:123456789012:orders-queue';
  assert.deepEqual(by.get('orders-worker')!.triggers, [{ kind: 'event-source-mapping', source: queue, detail: 'Enabled' }]);
  const api = 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*/orders';
  assert.deepEqual(by.get('orders-api')!.triggers, [{ kind: 'permission', source: 'apigateway.amazonaws.com', detail: api }]);
  assert.equal(by.get('dr-replicator')!.region, 'us-west-2');
  assert.equal(by.get('legacy-admin-task')!.runtime, 'python3.8');
  assert.equal(by.get('orders-api')!.role, 'arn:aws:iam::123456789012:role/orders-api-role');
  // bob has AdministratorAccess: he can change every function's code.
  for (const f of fns) assert.ok(f.whoCanModify.some((g) => g.principal === 'arn:aws:iam::123456789012:user/bob'), f.name);
});

test('audit --demo --fail-on none exits 0; the text report lists every function', async () => {
  const r = await audit(['--demo', '--fail-on', 'none']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^Account acme-demo \(123456789012\) · us-east-1, us-west-2 · demo account · /);
  for (const name of ['orders-api', DEMO_REPORT, 'dr-replicator']) assert.ok(r.out.includes(`/${name}  `), name);
  assert.match(r.out, /\n✖ \d+ problems .* · 13 functions in 2 regions\n$/);
});

test('audit --snapshot FILE: a hand-written snapshot, offline; exactly the findings its two functions deserve', async () => {
  const r = await audit(['--snapshot', FIXTURE, '--format', 'json']);
  assert.equal(r.code, 1, 'the public URL permission is an error');
  const json = JSON.parse(r.out);
  const found = (json.findings as JsonFinding[]).map((f) => `${f.target.functionName} ${f.ruleId} ${f.severity}`).sort();
  // A public URL (AuthType NONE, and the permission that opens it) with no alarm; the SQS worker is scoped and unreachable from outside.
  assert.deepEqual(found, ['public-report LG006 error', 'public-report LG008 warning', 'public-report LG015 info']);
  assert.deepEqual(json.functions.map((f: JsonFunction) => [f.name, f.region]), [['public-report', 'eu-west-1'], ['quiet-worker', 'eu-west-1']]);
  assert.equal(json.account.id, '111122223333');
});

test('audit text: a public function-URL permission gets the URL advice (AWS_IAM), not the SourceArn hint that does not apply to URLs', async () => {
  const r = await audit(['--snapshot', FIXTURE]);
  const lines = r.out.split('\n');
  const i = lines.findIndex((l) => /LG006/.test(l));
  assert.ok(i >= 0, r.out);
  assert.match(lines[i + 1], /↳ fix: .*AWS_IAM/);
});

test('audit -o FILE writes the report and prints the one-line summary on stderr', async () => {
  const dir = tmp();
  const r = await audit(['--snapshot', path.join(ROOT, FIXTURE), '--format', 'json', '-o', 'report.json'], dir);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.equal(r.err, 'lambda-guard: ✖ 3 problems (1 error, 1 warning, 1 info) · 2 functions in 1 region (report written to report.json)\n');
  assert.equal(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).functions.length, 2);
});

test('audit --compare FILE reports the changes made to a copy of the snapshot', async () => {
  const dir = tmp();
  const now = JSON.parse(readFileSync(path.join(ROOT, FIXTURE), 'utf8'));
  // Since then: the worker got new code and a public invoke permission; the report function lost its URL.
  now.functions[1].codeSha256 = 'c2hhLXdvcmtlci0y';
  now.functions[1].resourcePolicy = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'debug', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: now.functions[1].arn }],
  };
  delete now.functions[0].url;
  writeFileSync(path.join(dir, 'now.json'), JSON.stringify(now));
  const r = await audit(['--snapshot', 'now.json', '--compare', path.join(ROOT, FIXTURE), '--format', 'json', '--fail-on', 'none'], dir);
  assert.equal(r.code, 0);
  const c = JSON.parse(r.out).comparison;
  assert.deepEqual(c.functionsAdded, []);
  assert.deepEqual(c.functionsRemoved, []);
  const worker = c.changed.find((x: { name: string }) => x.name === 'quiet-worker');
  assert.deepEqual(worker.codeChanged, { from: 'c2hhLXdvcmtlci0x', to: 'c2hhLXdvcmtlci0y' });
  assert.equal(worker.permissionsAdded.length, 1);
  assert.match(worker.permissionsAdded[0], /^debug: Allow \* lambda:InvokeFunction/);
  const report = c.changed.find((x: { name: string }) => x.name === 'public-report');
  assert.deepEqual(report.urlChanged, { from: 'https://r3p0rt.lambda-url.eu-west-1.on.aws/ (NONE)', to: null });
  const key = (f: JsonFinding) => `${f.target.functionName} ${f.ruleId}`;
  assert.ok(c.newFindings.map(key).includes('quiet-worker LG006'), c.newFindings.map(key).join(', '));
  assert.ok(c.resolvedFindings.map(key).includes('public-report LG008'), c.resolvedFindings.map(key).join(', '));
  // In text, the comparison follows the report.
  const text = await audit(['--snapshot', 'now.json', '--compare', path.join(ROOT, FIXTURE)], dir);
  assert.match(text.out, /\nWhat changed\n[\s\S]*Changed: eu-west-1\/quiet-worker[\s\S]*code changed \(c2hhLXdvcmtlci0x → c2hhLXdvcmtlci0y\)/);
});

test('audit --demo --source examples links the two receipts functions to examples/sam-app/template.yaml at their logical ids', async () => {
  const fns = JSON.parse((await audit(['--demo', '--source', 'examples', '--format', 'json'])).out).functions as JsonFunction[];
  const by = new Map(fns.map((f) => [f.name, f.source]));
  // template.yaml: `ReceiptIngestFunction:` on line 25, `ReportFunction:` on line 41 (stack "receipts" in samconfig.toml).
  assert.deepEqual(by.get(DEMO_INGEST), { file: 'examples/sam-app/template.yaml', line: 25 });
  assert.deepEqual(by.get(DEMO_REPORT), { file: 'examples/sam-app/template.yaml', line: 41 });
  assert.deepEqual(fns.filter((f) => f.source).map((f) => f.name).sort(), [DEMO_INGEST, DEMO_REPORT]);
});

test('usage errors (exit 2) name the problem: missing or damaged snapshot, --demo with --snapshot or --profile, paths', async () => {
  const dir = tmp();
  writeFileSync(path.join(dir, 'damaged.json'), JSON.stringify({ format: 'lambda-guard-snapshot', version: 1, account: { id: '1' } }));
  writeFileSync(path.join(dir, 'cut.json'), '{"format": "lambda-guard-snapshot", "vers');
  const cases: [string[], RegExp][] = [
    [['--snapshot', 'missing.json'], /^lambda-guard: cannot read missing\.json: ENOENT\n/],
    [['--snapshot', 'damaged.json'], /^lambda-guard: damaged\.json is damaged: missing or invalid functions, regions, alarms, errors, iam and 1 more\n/],
    [['--snapshot', 'cut.json'], /^lambda-guard: cut\.json is not valid JSON/],
    [['--demo', '--compare', 'missing.json'], /^lambda-guard: cannot read missing\.json: ENOENT\n/],
    [['--demo', '--snapshot', 'damaged.json'], /^lambda-guard: --demo and --snapshot are exclusive\n/],
    [['--demo', '--profile', 'prod'], /^lambda-guard: --demo reads no AWS account: --profile cannot be used with it\n/],
    [['--snapshot', 'damaged.json', '--region', 'us-east-1'], /^lambda-guard: --snapshot reads no AWS account: --region cannot be used with it\n/],
    [['--demo', 'infra/'], /^lambda-guard: audit takes no paths \(infra\/\); see --source\n/],
    [['--demo', '--format', 'xml'], /^lambda-guard: --format must be one of text\|json\|sarif\|markdown\|html, not "xml"\n/],
  ];
  for (const [args, message] of cases) {
    const r = await audit(args, dir);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.out, '', args.join(' '));
    assert.match(r.err, message);
    assert.match(r.err, /\nTry: lambda-guard audit --help\n$/);
  }
});

/**
 * Audits a copy of the fixture changed by `change`, in text and JSON: refused as damaged (2, naming the
 * function) or audited (1: the fixture's public URL is an error), never an internal error.
 */
async function auditsOddFixture(change: (s: { functions: Record<string, unknown>[] }) => void): Promise<void> {
  const dir = tmp();
  const s = JSON.parse(readFileSync(path.join(ROOT, FIXTURE), 'utf8'));
  change(s);
  writeFileSync(path.join(dir, 'odd.json'), JSON.stringify(s));
  for (const format of ['text', 'json']) {
    const r = await audit(['--snapshot', 'odd.json', '--format', format], dir).catch((e: Error) => ({ code: -1, out: '', err: String(e.stack) }));
    assert.ok(r.code === 1 || r.code === 2, `--format ${format}: exit ${r.code}\n${r.err}`);
    if (r.code === 2) assert.match(r.err, /functions\[1\]/);
  }
}

test('a hand-written VPC config without its subnet and security-group lists never crashes the audit', async () => {
  await auditsOddFixture((s) => void (s.functions[1].vpc = { vpcId: 'vpc-1' }));
});

test('a hand-written function without a role never crashes the audit', async () => {
  await auditsOddFixture((s) => void delete s.functions[1].role);
});

test('a resource policy pasted as the string GetPolicy returns is judged or refused, never silently ignored', async () => {
  const dir = tmp();
  const s = JSON.parse(readFileSync(path.join(ROOT, FIXTURE), 'utf8'));
  const statement = { Sid: 'debug', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: s.functions[1].arn };
  const open = { Version: '2012-10-17', Statement: [statement] };
  s.functions[1].resourcePolicy = JSON.stringify(open);
  writeFileSync(path.join(dir, 'policy-string.json'), JSON.stringify(s));
  const r = await audit(['--snapshot', 'policy-string.json', '--format', 'json'], dir);
  if (r.code === 2) return assert.match(r.err, /functions\[1\]/);
  const found = (JSON.parse(r.out).findings as JsonFinding[]).map((f) => `${f.target.functionName} ${f.ruleId}`);
  assert.ok(found.includes('quiet-worker LG006'), `a public invoke statement on quiet-worker: ${found.join(', ')}`);
});

test('a function in a region the snapshot does not list is audited, or the file is refused: never a silent "no problems"', async () => {
  const dir = tmp();
  const s = JSON.parse(readFileSync(path.join(ROOT, FIXTURE), 'utf8'));
  s.regions = ['us-east-1'];
  writeFileSync(path.join(dir, 'regions.json'), JSON.stringify(s));
  const r = await audit(['--snapshot', 'regions.json', '--format', 'json'], dir);
  if (r.code === 2) return assert.match(r.err, /eu-west-1/);
  assert.equal(JSON.parse(r.out).functions.length, 2, 'both functions of the file are audited');
});

test('audit --enable / --disable choose the rules: only LG009 is AdministratorAccess on legacy-admin-task', async () => {
  const only = JSON.parse((await audit(['--demo', '--enable', 'LG009', '--format', 'json'])).out).findings as JsonFinding[];
  assert.deepEqual(only.map((f) => `${f.target.functionName} ${f.ruleId}`), ['legacy-admin-task LG009']);
  const without = JSON.parse((await audit(['--demo', '--disable', 'LG009,LG015', '--format', 'json'])).out).findings as JsonFinding[];
  assert.ok(without.length > 0);
  assert.ok(without.every((f) => f.ruleId !== 'LG009' && f.ruleId !== 'LG015'));
  const bad = await audit(['--demo', '--enable', 'LG999']);
  assert.equal(bad.code, 2);
});

test('audit --format sarif, markdown and html on the demo: each well-formed, with the findings', async () => {
  const json = JSON.parse((await audit(['--demo', '--format', 'json'])).out);
  const sarif = await audit(['--demo', '--format', 'sarif']);
  assert.equal(sarif.code, 1);
  const log = JSON.parse(sarif.out);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs[0].results.length, json.findings.length);
  const md = await audit(['--demo', '--format', 'markdown']);
  assert.match(md.out, /^# Lambda Guard report\n/);
  assert.ok(md.out.includes('LG009'));
  const html = await audit(['--demo', '--format', 'html']);
  assert.match(html.out, /^<!DOCTYPE html>/);
  assert.ok(html.out.includes('legacy-admin-task'));
});

test('audit --compare with --format sarif or html: the comparison is in the report, or the combination is refused', async () => {
  const dir = tmp();
  const now = JSON.parse(readFileSync(path.join(ROOT, FIXTURE), 'utf8'));
  now.functions[1].codeSha256 = 'c2hhLXdvcmtlci0y';
  writeFileSync(path.join(dir, 'now.json'), JSON.stringify(now));
  for (const format of ['sarif', 'html']) {
    const r = await audit(['--snapshot', 'now.json', '--compare', path.join(ROOT, FIXTURE), '--format', format], dir);
    if (r.code === 2) {
      assert.match(r.err, /--compare/);
      continue;
    }
    // The new code SHA appears only in the comparison.
    assert.ok(r.out.includes('c2hhLXdvcmtlci0y'), `--format ${format} dropped the comparison`);
  }
});

test('audit --help exits 0 with the usage', async () => {
  const r = await audit(['--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /^Usage: lambda-guard audit \[account\] \[options\]\n/);
  assert.ok(r.out.includes('--compare FILE'));
  assert.equal(r.err, '');
});
