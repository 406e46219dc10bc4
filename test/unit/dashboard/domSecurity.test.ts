import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chartTable } from '../../../media/dashboard/chartTable';
import { headerBlock, notesBlock } from '../../../media/dashboard/headerView';
import { overviewTable } from '../../../media/dashboard/overviewTable';
import { alertsTable, changesTable, findingsList, peersTable, type ViewCtx } from '../../../media/dashboard/tables';
import type { FunctionDashboard, OverviewDashboard, WebviewMessage } from '../../../src/shared/protocol';
import { FakeDocument, FakeElement } from './fakeDom';

// Every string the dashboard shows that came from AWS holds an HTML or script payload here. Rendered
// through the webview's builders into a recording document, each must come out as text: the same
// elements are created as for harmless strings, no <script>/<img>/<svg> appears, and the payload is
// in the text verbatim.

const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror=alert(2)>', '"><svg onload=alert(3)>'];

/** The i-th AWS-sourced string: a payload, or a harmless word of the same role. */
type Str = (i: number) => string;

function functionModel(s: Str): FunctionDashboard {
  return {
    kind: 'function',
    functionName: `fn${s(0)}`,
    region: 'us-east-1',
    arn: `arn:aws:lambda:us-east-1:123456789012:function:fn${s(1)}`,
    sharedWith: [`other${s(2)}`],
    range: { start: 1_700_000_000_000, end: 1_700_086_400_000, choice: { kind: '24h' } },
    charts: [{ id: 'invocations', title: 'Invocations', unit: 'count', timestamps: [1_700_000_000, 1_700_000_300], lines: [{ label: `line${s(0)}`, values: [1, 2] }], band: { low: [0, 0], high: [5, 5] }, period: 300 }],
    alerts: [
      {
        id: `a${s(1)}`,
        ruleId: 'LG102',
        severity: 'error',
        time: 1_700_000_100,
        functionName: `fn${s(0)}`,
        arn: `arn:aws:lambda:us-east-1:123456789012:function:fn${s(1)}`,
        message: `New network peer ${s(2)}`,
        evidence: [
          { label: `peer${s(0)}`, value: `10.0.0.1${s(1)}` },
          { label: 'tag', value: s(2) },
        ],
        sharedWith: [`fn${s(0)}`, `other${s(1)}`],
      },
    ],
    peers: [
      { peer: `10.0.0.9${s(0)}`, label: `RDS ${s(1)}`, port: 5432, service: `pg${s(2)}`, protocol: `tcp${s(0)}`, direction: `egress${s(1)}`, bytes: 2048, packets: 3, accepted: 2, rejected: 1, first: 1_700_000_000, last: 1_700_000_500, isNew: true },
    ],
    changes: [{ time: 1_700_000_200, what: `code updated${s(0)}`, who: `user ${s(1)}`, sourceIp: `203.0.113.7${s(2)}`, eventName: `UpdateFunctionCode${s(0)}`, details: `Code SHA-256: ${s(1)}` }],
    findings: [{ ruleId: 'LG014', severity: 'warning', message: `Plain-text secret in ${s(2)}`, suppressed: false }],
    notes: [`note ${s(0)}`],
  };
}

function overviewModel(s: Str): OverviewDashboard {
  return {
    kind: 'overview',
    account: `acme${s(0)} (123456789012)`,
    range: { start: 1_700_000_000_000, end: 1_700_086_400_000, choice: { kind: '24h' } },
    rows: [{ functionName: `fn${s(1)}`, region: 'us-east-1', arn: `arn:fn${s(2)}`, alerts: 1, worstAlert: 'error', errors: 1, warnings: 0, invocations: 10, spark: [1, 2] }],
    alerts: functionModel(s).alerts,
    notes: [s(2)],
  };
}

function ctxFor(doc: FakeDocument, posted: WebviewMessage[] = []): ViewCtx {
  return { doc, fmt: { locale: 'en-US', timeZone: 'UTC', now: () => 1_700_090_000_000 }, post: (m) => posted.push(m) };
}

/** Renders every builder of both views into one root; returns the root and the tags created. */
function renderAll(s: Str): { root: FakeElement; created: string[] } {
  const doc = new FakeDocument();
  const ctx = ctxFor(doc);
  const fm = functionModel(s);
  const om = overviewModel(s);
  const root = doc.createElement('main');
  root.appendChild(headerBlock(ctx, fm));
  root.appendChild(headerBlock(ctx, om));
  root.appendChild(notesBlock(ctx, fm.notes));
  root.appendChild(chartTable(ctx, fm.charts[0]));
  for (const [table, rows] of [
    [alertsTable(ctx, { withFunction: true }), fm.alerts],
    [peersTable(ctx, {}), fm.peers],
    [changesTable(ctx), fm.changes],
    [overviewTable(ctx, {}), om.rows],
  ] as const) {
    (table as { setRows(r: readonly unknown[]): void }).setRows(rows as readonly unknown[]);
    root.appendChild(table.element);
  }
  root.appendChild(findingsList(ctx, fm.findings));
  return { root, created: doc.created };
}

const harmless: Str = (i) => ['alpha', 'bravo', 'charlie'][i];
const hostile: Str = (i) => PAYLOADS[i];

test('AWS strings holding HTML and script payloads create no element and appear as text', () => {
  const safe = renderAll(harmless);
  const bad = renderAll(hostile);
  assert.deepEqual(bad.created, safe.created, 'the payloads created exactly the elements harmless strings do');
  for (const tag of ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'a']) assert.ok(!bad.created.includes(tag), `no <${tag}> element`);
  const text = bad.root.textContent;
  for (const p of PAYLOADS) assert.ok(text.includes(p), `${p} is shown as text`);
  for (const e of bad.root.all()) {
    for (const name of e.attributes.keys()) assert.ok(!/^on|^(href|src|style|srcdoc)$/i.test(name), `<${e.tagName}> got a ${name} attribute`);
  }
});

test('a payload in an attribute (a tooltip) stays the attribute value, verbatim', () => {
  const { root } = renderAll(hostile);
  const titles = root
    .all()
    .filter((e) => e.tagName === 'button' && (e.getAttribute('title') ?? '').startsWith('Open the dashboard of'))
    .map((e) => e.getAttribute('title'));
  // The alert row's function link (fn + payload 0) and the overview row's (fn + payload 1).
  assert.deepEqual(titles, [`Open the dashboard of fn${PAYLOADS[0]}`, `Open the dashboard of fn${PAYLOADS[1]}`]);
});

test('links post typed commands with the row data, not markup', () => {
  const doc = new FakeDocument();
  const posted: WebviewMessage[] = [];
  const ctx = ctxFor(doc, posted);
  const table = alertsTable(ctx, { withFunction: true });
  table.setRows(functionModel(hostile).alerts);
  const buttons = (table.element as FakeElement).findAll('button');
  buttons.find((b) => b.textContent === 'LG102')!.fire('click');
  buttons.find((b) => b.textContent === 'Reveal')!.fire('click');
  buttons.find((b) => b.textContent === `fn${PAYLOADS[0]}`)!.fire('click');
  assert.deepEqual(posted, [
    { type: 'command', name: 'openRuleDoc', ruleId: 'LG102' },
    { type: 'command', name: 'revealInTree', arn: `arn:aws:lambda:us-east-1:123456789012:function:fn${PAYLOADS[1]}` },
    { type: 'command', name: 'openFunction', arn: `arn:aws:lambda:us-east-1:123456789012:function:fn${PAYLOADS[1]}` },
  ]);
});

test('the front end never parses markup: no innerHTML, outerHTML, insertAdjacentHTML, document.write or eval', () => {
  const dir = join(__dirname, '../../../media/dashboard');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 10, 'the front end sources are there');
  for (const f of files) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const banned of [/innerHTML/, /outerHTML/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\s*\(/, /setAttribute\('style'/, /createContextualFragment/, /DOMParser/]) {
      assert.ok(!banned.test(src), `${f} uses ${banned}`);
    }
  }
});
