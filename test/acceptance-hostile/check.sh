#!/usr/bin/env bash
# Scans every hostile folder made by make.sh under a 4 GB address-space cap and a 60 s time-out and checks
# expected.json. Needs bash, coreutils (timeout), util-linux (prlimit; falls back to ulimit -v) and node.
#   npm run build (or node esbuild.mjs) first, then:
#   bash test/acceptance-hostile/make.sh /tmp/lg-hostile
#   bash test/acceptance-hostile/check.sh /tmp/lg-hostile [REPO]
# REPO defaults to the repository that holds this script; the CLI is REPO/dist/cli.js.
# Prints a table and exits 1 on any FAIL (SKIP: a format the CLI does not offer).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
hostile="$(cd "${1:?usage: check.sh HOSTILE_DIR [REPO]}" && pwd)"
repo="$(cd "${2:-$here/../..}" && pwd)"
cli="$repo/dist/cli.js"
[ -f "$cli" ] || { echo "no $cli: build the CLI first (node esbuild.mjs)" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/lg-hostile-check.XXXXXX")"
echo "reports and logs in $work"
exec node - "$here/expected.json" "$hostile" "$cli" "$work" <<'NODE'
'use strict';
const fs = require('fs');
const path = require('path');
const cp = require('child_process');
const [expectedFile, hostile, cli, work] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
const AS = spec.limits.addressSpaceBytes;
const TIMEOUT = spec.limits.timeoutSeconds;
const havePrlimit = cp.spawnSync('prlimit', ['--version']).status === 0;
const haveTime = fs.existsSync('/usr/bin/time');
const rows = [];
let failures = 0;
const row = (folder, check, result, detail = '') => {
  rows.push([folder, check, result, detail]);
  if (result === 'FAIL') failures++;
};

/** Runs the CLI with the caps; stdout and stderr go to files. */
function run(name, args) {
  const out = path.join(work, name + '.stdout');
  const err = path.join(work, name + '.stderr');
  const tim = path.join(work, name + '.time');
  const node = [process.execPath, cli, ...args];
  const capped = havePrlimit
    ? ['prlimit', `--as=${AS}`, '--', ...node]
    : ['bash', '-c', `ulimit -v ${Math.floor(AS / 1024)} && exec "$@"`, 'bash', ...node];
  const timed = haveTime ? ['/usr/bin/time', '-f', '%M %e', '-o', tim, ...capped] : capped;
  const cmd = ['timeout', '-k', '5', String(TIMEOUT), ...timed];
  const o = fs.openSync(out, 'w');
  const e = fs.openSync(err, 'w');
  const t0 = Date.now();
  const r = cp.spawnSync(cmd[0], cmd.slice(1), { cwd: work, stdio: ['ignore', o, e], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  fs.closeSync(o); fs.closeSync(e);
  let rss = '';
  if (haveTime && fs.existsSync(tim)) {
    const m = fs.readFileSync(tim, 'utf8').trim().split('\n').pop().split(' ');
    if (m.length === 2 && /^\d+$/.test(m[0])) rss = `${Math.round(Number(m[0]) / 1024)} MB`;
  }
  const status = r.status === null ? `signal ${r.signal}` : r.status;
  return { status, secs: ((Date.now() - t0) / 1000).toFixed(1), rss, out, err, timedOut: r.status === 124 || r.status === 137 };
}

function readJson(file) {
  try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { return { __error: e.message }; }
}
const resolveFile = (f) => path.resolve(work, f);
const real = (p) => { try { return fs.realpathSync(p); } catch { return path.resolve(p); } };
const findingsOf = (report) => (Array.isArray(report.findings) ? report.findings : []);
const locFile = (f) => (f.location && typeof f.location.file === 'string' ? f.location.file : null);
const locLine = (f) => (f.location ? f.location.startLine : undefined);
/** Everything in the report except findings and tool, as text (errors, notices, skipped ... whatever the report calls them). */
const nonFindingText = (report) => JSON.stringify(Object.fromEntries(Object.entries(report).filter(([k]) => k !== 'findings' && k !== 'tool')));
const reported = (report, rel) => nonFindingText(report).includes(JSON.stringify(path.basename(rel)).slice(1, -1));
const inFolder = (folderAbs, rel) => (f) => {
  const lf = locFile(f);
  return lf !== null && real(resolveFile(lf)) === real(path.join(folderAbs, rel));
};
const anchorOk = (folderAbs, e) => {
  if (!e.anchor || !e.file) return true;
  const buf = fs.readFileSync(path.join(folderAbs, e.file));
  let text;
  if (buf[0] === 0xff && buf[1] === 0xfe) text = buf.subarray(2).toString('utf16le');
  else if (buf[0] === 0xfe && buf[1] === 0xff) { const b = Buffer.from(buf.subarray(2)); b.swap16(); text = b.toString('utf16le'); }
  else text = buf.toString('utf8');
  const line = text.split(/\r?\n/)[e.line - 1] || '';
  return line.includes(e.anchor);
};

/** The scan itself: finished in time, exit 0/1, a report that parses, every known finding. */
function scanFolder(name, folderAbs, args, label = 'scan') {
  const reportFile = path.join(work, `${name}.${label}.json`);
  try { fs.rmSync(reportFile, { force: true }); } catch { /* none */ }
  const r = run(`${name}.${label}`, ['scan', ...args, '--format', 'json', '-o', reportFile]);
  const info = `exit ${r.status}, ${r.secs} s${r.rss ? ', ' + r.rss : ''}`;
  if (r.timedOut) { row(name, `${label}: finishes`, 'FAIL', `timed out after ${TIMEOUT} s (${info})`); return null; }
  if (r.status !== 0 && r.status !== 1) {
    const tail = fs.readFileSync(r.err, 'utf8').trim().split('\n').slice(-2).join(' | ').slice(0, 160);
    row(name, `${label}: finishes`, 'FAIL', `${info}; stderr: ${tail}`);
    if (!fs.existsSync(reportFile)) return null;
  } else row(name, `${label}: finishes`, 'ok', info);
  if (!fs.existsSync(reportFile)) { row(name, `${label}: report written`, 'FAIL', 'no report file'); return null; }
  const report = readJson(reportFile);
  if (report.__error) { row(name, `${label}: report parses`, 'FAIL', report.__error.slice(0, 120)); return null; }
  row(name, `${label}: report parses`, 'ok', `${findingsOf(report).length} findings, ${Array.isArray(report.errors) ? report.errors.length : 0} errors`);
  const known = findingsOf(report).filter(inFolder(folderAbs, spec.known.file));
  const missing = spec.known.findings.filter((k) => !known.some((f) => f.ruleId === k.rule && locLine(f) === k.line));
  row(name, `${label}: known.yaml findings`, missing.length ? 'FAIL' : 'ok', missing.length ? 'missing ' + missing.map((k) => `${k.rule}@${k.line}`).join(', ') : `${spec.known.findings.length}/${spec.known.findings.length}`);
  return { report, r, reportFile };
}

function checkFinding(name, folderAbs, report, e) {
  const what = `${e.rule}@${e.line} in ${e.file || '*' + e.fileContains + '*'}`;
  if (e.file && !anchorOk(folderAbs, e)) { row(name, what, 'FAIL', 'generator mismatch: anchor not on that line (re-run make.sh)'); return false; }
  const match = findingsOf(report).filter((f) => f.ruleId === e.rule && locLine(f) === e.line &&
    (e.file ? inFolder(folderAbs, e.file)(f) : (locFile(f) || '').includes(e.fileContains)));
  return match.length > 0;
}

const BAD = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u009f\u202a-\u202e\u2066-\u2069]/u;
function rawControls(file) {
  const buf = fs.readFileSync(file);
  const text = buf.toString('utf8');
  const m = BAD.exec(text);
  if (!m) return null;
  return `U+${m[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')} at byte ~${Buffer.byteLength(text.slice(0, m.index))}`;
}

function sarifUris(sarif) {
  const uris = [];
  for (const runEntry of sarif.runs || []) {
    for (const res of runEntry.results || []) {
      for (const loc of res.locations || []) {
        const al = loc.physicalLocation && loc.physicalLocation.artifactLocation;
        if (al && typeof al.uri === 'string') uris.push(al.uri);
      }
    }
    for (const art of runEntry.artifacts || []) if (art.location && typeof art.location.uri === 'string') uris.push(art.location.uri);
  }
  return uris;
}
const URI_REF = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
function decodeUri(u) {
  try {
    if (/^file:/i.test(u)) return require('url').fileURLToPath(u);
    return decodeURIComponent(u.split('#')[0].split('?')[0]);
  } catch { return null; }
}

for (const folder of spec.folders) {
  const name = folder.name;
  const folderAbs = path.join(hostile, name);
  if (!fs.existsSync(folderAbs)) { row(name, 'folder exists', 'FAIL', 'run make.sh first'); continue; }
  const kinds = folder.expect.map((e) => e.kind);
  let res = null;
  if (!kinds.includes('usage')) res = scanFolder(name, folderAbs, [folderAbs]);
  const report = res && res.report;
  for (const e of folder.expect) {
    switch (e.kind) {
      case 'none': break;
      case 'known-once': {
        if (!report) { row(name, 'known findings once', 'FAIL', 'no report'); break; }
        const known = findingsOf(report).filter(inFolder(folderAbs, spec.known.file));
        const dup = spec.known.findings.filter((k) => known.filter((f) => f.ruleId === k.rule && locLine(f) === k.line).length > 1);
        const files = [...new Set(known.map(locFile))];
        row(name, 'known findings once', dup.length ? 'FAIL' : 'ok', dup.length ? `duplicated: ${dup.map((k) => `${k.rule}@${k.line}`).join(', ')} via ${files.join(', ')}` : `reported through ${files.join(', ') || '-'}`);
        break;
      }
      case 'finding': {
        if (!report) { row(name, `${e.rule}@${e.line} ${e.file || e.fileContains}`, 'FAIL', 'no report'); break; }
        const ok = checkFinding(name, folderAbs, report, e);
        row(name, `finding ${e.rule}@${e.line} in ${e.file || '*' + e.fileContains + '*'}`, ok ? 'ok' : 'FAIL', ok ? '' : 'not reported');
        break;
      }
      case 'finding-or-reported': {
        if (!report) { row(name, `${e.rule}@${e.line} ${e.file}`, 'FAIL', 'no report'); break; }
        const found = checkFinding(name, folderAbs, report, e);
        const rep = reported(report, e.file);
        row(name, `decoded or reported: ${e.file}`, found || rep ? 'ok' : 'FAIL', found ? `decoded: ${e.rule}@${e.line}` : rep ? 'reported' : 'silently skipped');
        break;
      }
      case 'reported': {
        if (!report) { row(name, `reported: ${e.file}`, 'FAIL', 'no report'); break; }
        row(name, `reported: ${e.file}`, reported(report, e.file) ? 'ok' : 'FAIL', reported(report, e.file) ? '' : 'no errors entry or notice names it');
        break;
      }
      case 'explicit-scan': {
        const args = [path.join(folderAbs, spec.known.file), ...e.files.map((f) => path.join(folderAbs, f))];
        const ex = scanFolder(name, folderAbs, args, 'named');
        if (!ex) break;
        for (const f of e.files) row(name, `named: reported ${f}`, reported(ex.report, f) ? 'ok' : 'FAIL', reported(ex.report, f) ? '' : 'no notice for a special file named on the command line');
        break;
      }
      case 'inside-root': {
        if (!report) { row(name, 'findings inside the root', 'FAIL', 'no report'); break; }
        const root = real(folderAbs) + path.sep;
        const outside = findingsOf(report).map(locFile).filter((f) => f !== null && !real(resolveFile(f)).startsWith(root));
        row(name, 'findings inside the root', outside.length ? 'FAIL' : 'ok', outside.length ? `outside: ${[...new Set(outside)].slice(0, 3).join(', ')}` : '');
        break;
      }
      case 'absent-text': {
        if (!res) break;
        const texts = [res.reportFile, res.r.out, res.r.err].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
        const found = e.texts.filter((t) => texts.includes(t));
        row(name, `absent: ${e.texts.join(', ')}`, found.length ? 'FAIL' : 'ok', found.length ? `echoed: ${found.join(', ')}` : '');
        break;
      }
      case 'no-file': {
        const p = path.resolve(folderAbs, e.path);
        row(name, `not created: ${e.path}`, fs.existsSync(p) ? 'FAIL' : 'ok', fs.existsSync(p) ? 'the cdk.json app command was run' : '');
        break;
      }
      case 'min-findings': {
        if (!report) { row(name, `>= ${e.count} findings`, 'FAIL', 'no report'); break; }
        const n = findingsOf(report).filter(inFolder(folderAbs, e.file)).length;
        row(name, `>= ${e.count} findings in ${e.file}`, n >= e.count ? 'ok' : 'FAIL', `${n}`);
        break;
      }
      case 'format': {
        const outFile = path.join(work, `${name}.${e.format}`);
        const r = run(`${name}.${e.format}`, ['scan', folderAbs, '--format', e.format, '-o', outFile]);
        const info = `exit ${r.status}, ${r.secs} s${r.rss ? ', ' + r.rss : ''}`;
        if (r.status !== 0 && r.status !== 1) { row(name, `${e.format} written`, 'FAIL', info); break; }
        const s = readJson(outFile);
        const n = s.__error ? -1 : (s.runs || []).reduce((a, x) => a + (x.results || []).length, 0);
        row(name, `${e.format} written`, !s.__error && n >= (e.min || 0) ? 'ok' : 'FAIL', s.__error ? `does not parse (${info})` : `${n} results (${info})`);
        break;
      }
      case 'no-raw-controls': {
        for (const fmt of e.formats) {
          const tries = fmt === 'markdown' ? ['markdown', 'md'] : [fmt];
          let done = false;
          for (const f of tries) {
            const outFile = path.join(work, `${name}.out.${f}`);
            const r1 = run(`${name}.fmt-${f}`, ['scan', folderAbs, '--format', f, '-o', outFile]);
            if (r1.status === 2) continue;
            done = true;
            if (r1.status !== 0 && r1.status !== 1) { row(name, `${f}: no raw controls`, 'FAIL', `exit ${r1.status}`); break; }
            const r2 = run(`${name}.fmt-${f}-stdout`, ['scan', folderAbs, '--format', f]);
            const bad = [];
            for (const [label, file] of [['-o file', outFile], ['stdout', r2.out], ['stderr', r2.err], ['stdout (-o)', r1.out], ['stderr (-o)', r1.err]]) {
              if (!fs.existsSync(file)) { if (label === '-o file') bad.push('no -o file'); continue; }
              const c = rawControls(file);
              if (c) bad.push(`${label}: ${c}`);
            }
            const expectsEvil = fs.existsSync(outFile) && fs.statSync(outFile).size > 0;
            row(name, `${f}: no raw controls`, bad.length || !expectsEvil ? 'FAIL' : 'ok', bad.join('; ') || (expectsEvil ? '' : 'empty output'));
            break;
          }
          if (!done) row(name, `${fmt}: no raw controls`, 'SKIP', 'format not offered (exit 2)');
        }
        break;
      }
      case 'sarif-uri': {
        const outFile = path.join(work, `${name}.sarif`);
        if (!fs.existsSync(outFile)) run(`${name}.sarif`, ['scan', folderAbs, '--format', 'sarif', '-o', outFile]);
        const s = readJson(outFile);
        if (s.__error) { row(name, `sarif uri: ${e.file}`, 'FAIL', 'SARIF does not parse'); break; }
        const uris = sarifUris(s);
        const mine = uris.filter((u) => { const d = decodeUri(u); return d !== null && (d === e.file || d.endsWith('/' + e.file)); });
        const near = uris.filter((u) => u.includes(path.basename(e.file).slice(0, 4)) || u.includes(encodeURIComponent(e.file).slice(0, 6)));
        if (!mine.length) { row(name, `sarif uri: ${e.file}`, 'FAIL', `no uri decodes to it; seen: ${near.slice(0, 2).join(' , ') || uris.slice(0, 2).join(' , ')}`); break; }
        const invalid = mine.filter((u) => !URI_REF.test(u));
        row(name, `sarif uri: ${e.file}`, invalid.length ? 'FAIL' : 'ok', invalid.length ? `not a URI reference: ${invalid[0]}` : mine[0]);
        break;
      }
      case 'usage': {
        const target = e.output.replace('{work}', work).replace('{folder}', folderAbs);
        const tag = `usage-${rows.length}`;
        const r = run(tag, ['scan', path.join(folderAbs, spec.known.file), '--format', 'json', '-o', target]);
        const err = fs.readFileSync(r.err, 'utf8');
        const lines = err.split('\n').filter((l) => l.trim());
        const stack = lines.some((l) => /^\s+at .+(\(|:\d+)/.test(l));
        const strayDash = e.output === '-f' && fs.existsSync(path.join(work, '-f'));
        const ok = r.status === 2 && !stack && lines.length >= 1 && lines.length <= 3 && !strayDash;
        row(name, `-o ${e.output}`, ok ? 'ok' : 'FAIL', `exit ${r.status}${stack ? ', stack trace' : ''}${strayDash ? ', wrote a file named -f' : ''}; ${lines[0] ? lines[0].slice(0, 90) : 'no message'}`);
        break;
      }
      default: row(name, e.kind, 'FAIL', 'unknown expectation kind');
    }
  }
}

const w = [0, 0, 0];
for (const r of rows) for (let i = 0; i < 3; i++) w[i] = Math.max(w[i], r[i].length);
const line = (r) => `${r[0].padEnd(w[0])}  ${r[1].padEnd(w[1])}  ${r[2].padEnd(w[2])}  ${r[3]}`;
console.log(line(['folder', 'check', 'result', 'detail']));
console.log(line(['-'.repeat(w[0]), '-'.repeat(w[1]), '-'.repeat(w[2]), '------']));
for (const r of rows) console.log(line(r));
const count = (s) => rows.filter((r) => r[2] === s).length;
console.log(`\nhostile: ${count('ok')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped`);
process.exit(failures ? 1 : 0);
NODE
