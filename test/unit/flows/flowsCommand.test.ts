import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { flowsCommand } from '../../../src/cli/flowsCommand';
import { fixture, FIXTURES } from './flowTestKit';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'lg-flows-'));
  dirs.push(d);
  return d;
}

async function run(args: string[], cwd = FIXTURES): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await flowsCommand(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), cwd });
  return { code, out, err };
}

test('JSON: the contract keys, totals of the fixture, the skipped breakdown; exit 0', async () => {
  const r = await run(['default-v2.log', '--format', 'json']);
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.out);
  assert.deepEqual(Object.keys(doc), ['tool', 'records', 'skipped', 'skippedBy', 'flows', 'gaps', 'malformedLines', 'errors']);
  assert.equal(doc.records, 8);
  assert.equal(doc.skipped, 4);
  assert.deepEqual(doc.skippedBy, { nodata: 1, skipdata: 1, malformed: 2, header: 0 });
  assert.deepEqual(doc.errors, []);
  assert.equal(doc.flows.length, 4);
  assert.deepEqual(doc.flows[0], {
    interfaceId: 'eni-0a1b2c3d4e5f60001',
    peer: '10.0.2.20',
    port: 5432,
    protocol: 6,
    bytes: 5500,
    packets: 23,
    accepted: 3,
    rejected: 0,
    first: 1700000000,
    last: 1700000160,
    direction: 'egress',
    localAddr: '10.0.1.10',
    service: 'postgres',
  });
  assert.deepEqual(doc.malformedLines, [
    { file: 'default-v2.log', line: 11, reason: '6 fields where the layout has 14' },
    { file: 'default-v2.log', line: 12, reason: 'bytes "abc" is not valid' },
  ]);
  assert.match(r.err, /default-v2\.log:11: skipped, 6 fields where the layout has 14/);
});

test('an unreadable file among good ones: reported on stderr and in errors; the others still aggregated', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'export.log.gz'), gzipSync(fixture('s3-export.log')));
  writeFileSync(path.join(dir, 'a.log'), fixture('default-v2.log'));
  writeFileSync(path.join(dir, 'noise.txt'), 'hello\nworld\n');
  writeFileSync(path.join(dir, 'table.parquet'), Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(32)]));
  const r = await run(['a.log', 'missing.log', 'export.log.gz', 'noise.txt', 'table.parquet', '--format=json'], dir);
  assert.equal(r.code, 0);
  const doc = JSON.parse(r.out);
  assert.equal(doc.records, 8 + 2);
  assert.deepEqual(doc.skippedBy, { nodata: 2, skipdata: 1, malformed: 4, header: 1 });
  assert.deepEqual(doc.errors, [
    { file: 'missing.log', message: 'cannot read (no such file)' },
    { file: 'noise.txt', message: 'no flow records: 2 malformed lines (line 1: 1 field where the layout has 14)' },
    { file: 'table.parquet', message: 'a Parquet file; only text flow logs (plain or gzip) are supported — export the flow log as text' },
  ]);
  assert.ok(doc.flows.some((f: { interfaceId: string }) => f.interfaceId === 'eni-0d0000000000000d1'));
  assert.match(r.err, /missing\.log: cannot read \(no such file\)/);
  assert.match(r.err, /table\.parquet: a Parquet file/);
});

test('text output: a table with service names and ISO times, and a summary line', async () => {
  const r = await run(['default-v2.log']);
  assert.equal(r.code, 0);
  const lines = r.out.trimEnd().split('\n');
  assert.match(lines[0], /^INTERFACE\s+DIRECTION\s+LOCAL\s+PEER\s+PORT\s+PROTO\s+BYTES\s+PACKETS\s+ACCEPT\s+REJECT\s+FIRST\s+LAST$/);
  assert.match(lines[1], /^eni-0a1b2c3d4e5f60001\s+egress\s+10\.0\.1\.10\s+10\.0\.2\.20\s+5432 postgres\s+tcp\s+5500\s+23\s+3\s+0\s+2023-11-14T22:13:20Z\s+2023-11-14T22:16:00Z$/);
  assert.ok(lines.includes('8 flow records in 4 flows from 1 file; skipped 4 lines (1 NODATA, 1 SKIPDATA, 2 malformed, 0 header)'));
});

test('--log-format for header-less custom files, --hourly, --output', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'c.log'), '10.0.0.1 10.0.0.2 40000 443 6 1 100 1700002740 1700002860 ACCEPT\n10.0.0.1 10.0.0.2 40001 443 6 1 100 1700002900 1700002960 ACCEPT\n');
  const fmt = '${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action}';
  const r = await run(['c.log', '--log-format', fmt, '--hourly', '--format', 'json', '--output', 'out.json'], dir);
  assert.equal(r.code, 0);
  assert.equal(r.out, '');
  const doc = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'));
  assert.equal(doc.records, 0, 'no interface-id in the format and no log stream to name it');
  assert.equal(doc.skippedBy.malformed, 2);
  assert.deepEqual(doc.malformedLines[0], { file: 'c.log', line: 1, reason: 'no interface-id' });
  writeFileSync(path.join(dir, 'd.log'), readFileSync(path.join(dir, 'c.log'), 'utf8').replace(/ACCEPT/g, 'ACCEPT eni-1'));
  const h = await run(['d.log', '--log-format', `${fmt} \${interface-id}`, '--hourly', '--format', 'json'], dir);
  assert.deepEqual(
    JSON.parse(h.out).flows.map((f: { first: number; last: number }) => [f.first, f.last]),
    [
      [1700002740, 1700002799],
      [1700002900, 1700002960],
    ],
  );
});

test('usage errors exit 2 with a clear message', async () => {
  const cases: [string[], RegExp][] = [
    [[], /no flow-log FILE given/],
    [['a.log', '--format', 'xml'], /--format must be text or json/],
    [['a.log', '--bogus'], /unknown option --bogus/],
    [['a.log', '--output'], /--output needs a value/],
    [['a.log', '--log-format', '${srcaddr} dstaddr'], /LogFormat token "dstaddr" is not a \$\{field-name\}/],
    [['a.log', '--log-format', '${srcaddr} ${dstaddr}'], /--log-format lacks srcport, dstport, protocol, packets, bytes, start, action/],
  ];
  for (const [args, message] of cases) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.match(r.err, /Usage: lambda-guard flows FILE\.\.\./);
    assert.equal(r.out, '');
  }
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: lambda-guard flows/);
});
