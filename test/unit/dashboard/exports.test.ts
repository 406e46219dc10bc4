import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, dashboardCsv } from '../../../src/core/dashboard/csvExport';
import { svgChart } from '../../../src/core/dashboard/svgChart';
import type { ChartSeries, FunctionDashboard } from '../../../src/shared/protocol';

test('CSV cells: quoted when needed, formulas defused, numbers as they are', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvCell('+1'), "'+1");
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell(-5), '-5');
  assert.equal(csvCell(1.5), '1.5');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(true), 'yes');
});

test("a function's CSV: one metrics table over every chart's times, then alerts, peers, changes and findings", () => {
  const m: FunctionDashboard = {
    kind: 'function',
    functionName: 'api',
    region: 'us-east-1',
    arn: 'arn:aws:lambda:us-east-1:1:function:api',
    sharedWith: [],
    range: { start: 0, end: 600_000, choice: { kind: '1h' } },
    charts: [
      { id: 'invocations', title: 'Invocations', unit: 'count', timestamps: [0, 300], lines: [{ label: 'Invocations', values: [4, 6] }], band: { low: [1, 1], high: [9, 9] } },
      { id: 'duration', title: 'Duration', unit: 'ms', timestamps: [300], lines: [{ label: 'p50', values: [12.5] }, { label: 'p99', values: [null] }] },
    ],
    alerts: [{ id: 'x', ruleId: 'LG101', severity: 'warning', time: 300, functionName: 'api', region: 'us-east-1', message: 'spike, big', evidence: [{ label: 'Observed total', value: '146' }] }],
    peers: [{ peer: '10.0.2.5', label: 'RDS', port: 5432, service: 'postgres', protocol: 'TCP', direction: 'egress', bytes: 10, packets: 1, accepted: 1, rejected: 0, first: 0, last: 60, isNew: false }],
    changes: [{ time: 60, what: 'code updated', who: 'user bob', eventName: 'UpdateFunctionCode' }],
    findings: [{ ruleId: 'LG014', severity: 'warning', message: 'secret', suppressed: false }],
    notes: [],
  };
  const expected = [
    'Lambda Guard dashboard: api (us-east-1) 1970-01-01T00:00:00.000Z to 1970-01-01T00:10:00.000Z',
    '',
    'metrics',
    'time (UTC),Invocations,Invocations expected low,Invocations expected high,Duration p50 (ms),Duration p99 (ms)',
    '1970-01-01T00:00:00Z,4,1,9,,',
    '1970-01-01T00:05:00Z,6,1,9,12.5,',
    '',
    'alerts',
    'time (UTC),severity,rule,function,region,message,evidence',
    '1970-01-01T00:05:00Z,warning,LG101,api,us-east-1,"spike, big",Observed total: 146',
    '',
    'peers',
    'peer,what,port,service,protocol,direction,bytes,packets,accepted,rejected,first (UTC),last (UTC),new',
    '10.0.2.5,RDS,5432,postgres,TCP,egress,10,1,1,0,1970-01-01T00:00:00Z,1970-01-01T00:01:00Z,no',
    '',
    'changes',
    'time (UTC),what,who,source IP,event,details',
    '1970-01-01T00:01:00Z,code updated,user bob,,UpdateFunctionCode,',
    '',
    'findings',
    'rule,severity,message,suppressed',
    'LG014,warning,secret,no',
    '',
  ];
  // The heading has a comma: it is quoted.
  expected[0] = `"${expected[0].replace(' 1970', ', 1970')}"`;
  assert.equal(dashboardCsv(m), expected.join('\r\n'));
});

const chart: ChartSeries = {
  id: 'invocations',
  title: 'Invocations <script>alert(1)</script>',
  unit: 'count',
  timestamps: [0, 60, 120, 180, 240],
  lines: [{ label: '"><svg onload=alert(1)>', values: [1, 2, null, 4, 5] }],
  band: { low: [0, 0, 0, 0, 0], high: [3, 3, 3, 3, 3] },
};

test('the static SVG chart: no script, no event attribute, no outside reference; its texts escaped', () => {
  const svg = svgChart(chart, { markers: [{ time: 120, severity: 'error', label: 'LG101 <b>' }, { time: 9999, severity: 'warning', label: 'outside' }] });
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  // Text is escaped, so every `<` opens a real tag: check the tags and their attribute names.
  const tags = svg.match(/<[a-zA-Z][^>]*>/g)!;
  assert.deepEqual([...new Set(tags.map((t) => /^<([a-zA-Z]+)/.exec(t)![1]))].sort(), ['g', 'line', 'path', 'svg', 'text', 'title']);
  for (const t of tags) for (const [, name] of t.matchAll(/\s([a-zA-Z:-]+)=/g)) assert.ok(!/^on|href|src|style/i.test(name), `${name} in ${t}`);
  assert.ok(!/url\(/.test(svg));
  assert.ok(svg.includes('Invocations &lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(svg.includes('&quot;&gt;&lt;svg onload=alert(1)&gt;'));
  assert.ok(svg.includes('<title>LG101 &lt;b&gt;</title>'), 'the marker in range is drawn');
  assert.ok(!svg.includes('outside'), 'a marker outside the range is not');
});

test('the SVG line breaks at a missing point; the band is one closed shape', () => {
  const svg = svgChart({ ...chart, title: 'Invocations', lines: [{ label: 'Invocations', values: [1, 2, null, 4, 5] }] });
  const line = /<path class="lg-line-0" d="([^"]+)"/.exec(svg)![1];
  assert.equal(line.match(/M/g)!.length, 2, line);
  assert.equal(line.match(/L/g)!.length, 2, line);
  const band = /<path class="lg-band" d="([^"]+)"/.exec(svg)![1];
  assert.equal(band.match(/M/g)!.length, 1);
  assert.ok(band.endsWith('Z'));
});
