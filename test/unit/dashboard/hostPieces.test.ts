import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePanelState, parseRangeChoice, resolveRange } from '../../../src/core/dashboard/rangeChoice';
import { csvText, ExportError, pngBytes, safeFileName } from '../../../src/extension/dashboard/exportFiles';
import { contentSecurityPolicy, dashboardHtml, makeNonce } from '../../../src/extension/dashboard/webviewHtml';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

test('the webview page: default-src none, the script only by its nonce, styles only from the bundle, nothing inline', () => {
  const nonce = makeNonce();
  assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/, '16 random bytes in base64');
  assert.notEqual(makeNonce(), nonce);
  const html = dashboardHtml({ cspSource: CSP_SOURCE, scriptUri: `${CSP_SOURCE}/dist/media/dashboard.js`, styleUri: `${CSP_SOURCE}/dist/media/dashboard.css`, nonce, title: 'api <b>' });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives.get('default-src'), ["'none'"]);
  assert.deepEqual(directives.get('script-src'), [`'nonce-${nonce}'`]);
  assert.deepEqual(directives.get('style-src'), [CSP_SOURCE]);
  assert.ok(!/unsafe-inline|unsafe-eval|\*/.test(csp), csp);
  assert.equal(csp, contentSecurityPolicy(CSP_SOURCE, nonce).replace(/&#39;/g, "'"));
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.ok(scripts[0][1].includes(`nonce="${nonce}"`), 'the one script carries the nonce');
  assert.equal(scripts[0][2], '', 'and no inline code');
  assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handler');
  assert.ok(!/<style/i.test(html), 'no inline stylesheet');
  assert.ok(html.includes('<title>api &#60;b&#62;</title>'));
});

test('range choices: presets end now, custom ones are checked', () => {
  assert.deepEqual(resolveRange({ kind: '24h' }, 100_000_000), { start: 100_000_000 - 86_400_000, end: 100_000_000 });
  assert.deepEqual(resolveRange({ kind: 'custom', start: 5, end: 9 }, 100), { start: 5, end: 9 });
  assert.deepEqual(parseRangeChoice({ kind: '7d' }), { ok: true, value: { kind: '7d' } });
  assert.deepEqual(parseRangeChoice({ kind: 'custom', start: 9, end: 5 }), { ok: false, error: 'the range must end after it starts' });
  assert.deepEqual(parseRangeChoice({ kind: 'custom', start: 0, end: 400 * 86_400_000 }), { ok: false, error: 'a custom range may span at most 366 days' });
  assert.deepEqual(parseRangeChoice({ kind: '2w' }), { ok: false, error: 'unknown time range "2w"' });
});

test('a panel state from the webview or a reload: a known view, a valid range (else the default)', () => {
  assert.deepEqual(parsePanelState({ view: { kind: 'function', arn: 'arn:x' }, range: { kind: '1h' } }), { view: { kind: 'function', arn: 'arn:x' }, range: { kind: '1h' } });
  assert.deepEqual(parsePanelState({ view: { kind: 'overview' }, range: { kind: 'nonsense' } }), { view: { kind: 'overview' }, range: { kind: '24h' } });
  assert.equal(parsePanelState({ view: { kind: 'function' } }), undefined);
  assert.equal(parsePanelState('overview'), undefined);
  assert.equal(parsePanelState(null), undefined);
});

const PNG = 'data:image/png;base64,' + Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString('base64');

test('exports: only a PNG data URL is written as an image, file names are plain', () => {
  assert.deepEqual([...pngBytes(PNG)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  assert.throws(() => pngBytes('data:text/html;base64,PGI+'), ExportError);
  assert.throws(() => pngBytes('data:image/png;base64,' + Buffer.from('<html>').toString('base64')), /not a PNG/);
  assert.throws(() => pngBytes(42), ExportError);
  assert.throws(() => csvText({}), ExportError);
  assert.equal(safeFileName('../../etc/passwd', 'csv'), 'passwd.csv');
  assert.equal(safeFileName('api<script>-dashboard.png', 'png'), 'api-script--dashboard.png');
  assert.equal(safeFileName('..', 'png'), 'dashboard.png');
  assert.equal(safeFileName(undefined, 'csv'), 'dashboard.csv');
});
