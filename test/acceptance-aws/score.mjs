#!/usr/bin/env node
// Scores lambda-guard's JSON against the independently written labels of this folder. No dependencies.
//
//   node score.mjs audit   audit/labels.json   audit-output.json   [--fingerprint-before F --fingerprint-after F]
//                                                               [--operations ops.json] [--json]
//   node score.mjs monitor monitor/labels.json monitor-output.json [--anchor monitor-anchor.json] [--json]
//
// Exit 0 when the issue's bar is met, 1 when it is not, 2 for a usage error or unreadable input.
//
// audit bar (issue 8, "How it will be checked"):
//   every expected (functionName, ruleId) finding present; no finding on a clean function; no finding of a
//   rule listed under mustNot; every function present in `functions` (60, across ListFunctions pages);
//   `whoCanModify` of each labelled function names exactly the labelled identities (the account root and
//   group ARNs are tolerated extras), none of the must-not identities, and the labelled `conditional` flags;
//   when fingerprints are given: the account is the labelled one and unchanged by the audit.
//   Reported but not failing: severities, whoCanInvoke, the actions listed per identity, shared ENIs, errors.
// monitor bar (issue 9): every injected anomaly alerted on the right function with the right rule, at the
//   right time and with the required evidence; no alert at all on the clean function.
import { readFileSync } from 'node:fs';

function usage(msg) {
  if (msg) console.error(`score.mjs: ${msg}`);
  console.error('usage: node score.mjs audit LABELS OUTPUT [--fingerprint-before F --fingerprint-after F] [--operations OPS] [--json]\n' +
    '       node score.mjs monitor LABELS OUTPUT [--anchor ANCHOR.json|ISO] [--json]');
  process.exit(2);
}

function readJson(file, what) {
  let text;
  try { text = readFileSync(file, 'utf8'); } catch (e) { usage(`cannot read ${what} ${file}: ${e.message}`); }
  // the tool may print a banner or trailing text around the JSON object: take the outermost object
  try { return JSON.parse(text); } catch {
    const a = text.indexOf('{'), b = text.lastIndexOf('}');
    if (a >= 0 && b > a) { try { return JSON.parse(text.slice(a, b + 1)); } catch { /* fall through */ } }
    usage(`${what} ${file} is not JSON`);
  }
}

const argv = process.argv.slice(2);
const [mode, labelsFile, outputFile] = argv;
if (!mode || !labelsFile || !outputFile || !['audit', 'monitor'].includes(mode)) usage();
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const asJson = argv.includes('--json');

const labels = readJson(labelsFile, 'labels');
const out = readJson(outputFile, 'tool output');

const lines = [];
const say = (s = '') => lines.push(s);
const fails = [];
const fail = (s) => { fails.push(s); };
const warns = [];
const warn = (s) => { warns.push(s); };
const pct = (a, b) => (b === 0 ? '100.0%' : `${((100 * a) / b).toFixed(1)}%`);
const lc = (s) => String(s).toLowerCase();

// ------------------------------------------------------------------------------------------------
function scoreAudit() {
  const findings = Array.isArray(out.findings) ? out.findings : [];
  const functions = Array.isArray(out.functions) ? out.functions : [];
  if (!Array.isArray(out.findings)) fail('output has no `findings` array');
  if (!Array.isArray(out.functions)) fail('output has no `functions` array');

  const fnOf = (f) => f?.target?.functionName ?? null;
  const byFn = new Map();
  let untargeted = 0;
  for (const f of findings) {
    const fn = fnOf(f);
    if (!fn) { untargeted++; continue; }
    if (!byFn.has(fn)) byFn.set(fn, []);
    byFn.get(fn).push(f);
  }

  // 1. expected findings
  let expected = 0, found = 0;
  const misses = [], sevDiffs = [], mustNotHits = [];
  for (const [fn, spec] of Object.entries(labels.expectedFindings)) {
    const got = byFn.get(fn) ?? [];
    for (const [rule, r] of Object.entries(spec.rules)) {
      expected++;
      const hits = got.filter((f) => f.ruleId === rule);
      if (hits.length) {
        found++;
        if (r.severity && !hits.some((f) => f.severity === r.severity)) {
          sevDiffs.push(`${fn} ${rule}: expected severity ${r.severity}, got ${[...new Set(hits.map((f) => f.severity))].join('/')}`);
        }
      } else {
        misses.push(`${fn} ${rule} — ${r.why}`);
      }
    }
    for (const [rule, why] of Object.entries(spec.mustNot ?? {})) {
      if (got.some((f) => f.ruleId === rule)) mustNotHits.push(`${fn} ${rule} reported, but ${why}`);
    }
  }
  say(`Expected findings: ${found}/${expected} (recall ${pct(found, expected)})`);
  for (const m of misses) { say(`  MISS ${m}`); fail(`missing finding: ${m.split(' — ')[0]}`); }
  for (const m of mustNotHits) { say(`  WRONG ${m}`); fail(`must-not finding: ${m}`); }
  for (const s of sevDiffs) { say(`  note: ${s}`); warn(s); }

  // 2. clean controls
  const cleanNames = new Set(Object.keys(labels.cleanFunctions).filter((n) => !n.includes('*')));
  const patterns = Object.keys(labels.cleanFunctions).filter((n) => n.includes('*'))
    .map((p) => new RegExp('^' + p.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$'));
  const isClean = (n) => cleanNames.has(n) || patterns.some((re) => re.test(n));
  const onClean = findings.filter((f) => fnOf(f) && isClean(fnOf(f)));
  say(`Findings on clean functions: ${onClean.length}`);
  for (const f of onClean) {
    const s = `${fnOf(f)} ${f.ruleId} (${f.severity}): ${String(f.message ?? '').slice(0, 160)}`;
    say(`  CLEAN-VIOLATION ${s}`);
    fail(`finding on clean function: ${fnOf(f)} ${f.ruleId}`);
  }
  const labelled = new Set([...Object.keys(labels.expectedFindings)]);
  const extra = findings.filter((f) => fnOf(f) && !isClean(fnOf(f)) && !(labels.expectedFindings[fnOf(f)]?.rules?.[f.ruleId]) &&
    !(labels.expectedFindings[fnOf(f)]?.mustNot?.[f.ruleId]));
  if (extra.length) {
    say(`Other findings on risky functions (not labelled, not failed): ${extra.length}`);
    for (const f of extra) say(`  extra ${fnOf(f)} ${f.ruleId} (${f.severity})${labelled.has(fnOf(f)) ? '' : ' [function not labelled]'}`);
  }
  if (untargeted) say(`Findings without target.functionName (not scored): ${untargeted}`);

  // 3. every function, across pages
  const names = functions.map((f) => f?.name);
  const nameSet = new Set(names);
  const want = [...labels.functionNames.named];
  for (let i = 1; i <= 42; i++) want.push(`batch-worker-${String(i).padStart(2, '0')}`);
  const missingFns = want.filter((n) => !nameSet.has(n));
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  say(`Functions listed: ${nameSet.size} distinct of ${labels.totalFunctions} expected`);
  if (missingFns.length) { say(`  MISSING ${missingFns.join(', ')}`); fail(`functions missing from output: ${missingFns.length}`); }
  if (nameSet.size !== labels.totalFunctions) fail(`function count ${nameSet.size} != ${labels.totalFunctions}`);
  if (dupes.length) { say(`  note: listed twice: ${[...new Set(dupes)].join(', ')}`); warn('duplicate functions'); }

  // 4. whoCanModify
  const tolerated = labels.whoCanModifyTolerated?.patterns ?? [];
  const fnByName = new Map(functions.map((f) => [f?.name, f]));
  let whoOk = 0, whoTotal = 0;
  say('whoCanModify:');
  for (const [fn, spec] of Object.entries(labels.whoCanModify)) {
    whoTotal++;
    const f = fnByName.get(fn);
    if (!f) { say(`  ${fn}: function absent`); fail(`whoCanModify: ${fn} absent`); continue; }
    if (!Array.isArray(f.whoCanModify)) { say(`  ${fn}: no whoCanModify array`); fail(`whoCanModify: ${fn} has none`); continue; }
    const entries = f.whoCanModify.map((e) => (typeof e === 'string' ? { principal: e } : e));
    const got = new Map();
    for (const e of entries) {
      const p = typeof e.principal === 'string' ? e.principal : JSON.stringify(e.principal);
      if (!got.has(p)) got.set(p, []);
      got.get(p).push(e);
    }
    const want = new Map(spec.exact.map((e) => [e.principal, e]));
    const missing = [...want.keys()].filter((p) => !got.has(p));
    const wrong = [...got.keys()].filter((p) => !want.has(p) && !tolerated.some((t) => p.includes(t)));
    const toleratedSeen = [...got.keys()].filter((p) => !want.has(p) && tolerated.some((t) => p.includes(t)));
    const forbidden = (spec.mustNotInclude ?? []).filter((m) => got.has(m.principal));
    const condBad = [];
    const actNotes = [];
    for (const [p, e] of want) {
      const g = got.get(p);
      if (!g) continue;
      if (typeof e.conditional === 'boolean') {
        const flags = g.map((x) => x.conditional === true);
        // an identity may come with several entries (one conditional, one not): judge the most permissive
        const anyUnconditional = flags.includes(false);
        const isCond = !anyUnconditional;
        if (isCond !== e.conditional) condBad.push(`${p} conditional=${isCond}, expected ${e.conditional}`);
      }
      const acts = g.flatMap((x) => (Array.isArray(x.actions) ? x.actions : [])).map(lc);
      const covers = (a) => acts.includes(lc(a)) || acts.includes('*') || acts.includes('lambda:*') ||
        acts.some((x) => x.endsWith('*') && lc(a).startsWith(x.slice(0, -1)));
      for (const a of e.actions ?? []) if (!covers(a)) actNotes.push(`${p} lacks action ${a}`);
      for (const a of e.actionsMustNotInclude ?? []) if (acts.includes(lc(a))) actNotes.push(`${p} lists ${a}, which it is not granted`);
    }
    const ok = !missing.length && !wrong.length && !forbidden.length && !condBad.length;
    if (ok) whoOk++;
    say(`  ${ok ? 'OK  ' : 'FAIL'} ${fn}: ${got.size} listed, ${want.size} expected`);
    for (const p of missing) { say(`      missing ${p} — ${want.get(p).why}`); fail(`whoCanModify ${fn}: missing ${p}`); }
    for (const p of wrong) {
      const m = (spec.mustNotInclude ?? []).find((x) => x.principal === p);
      say(`      wrong   ${p}${m ? ' — ' + m.why : ''}`);
      fail(`whoCanModify ${fn}: wrong entry ${p}`);
    }
    for (const c of condBad) { say(`      conditional: ${c}`); fail(`whoCanModify ${fn}: ${c}`); }
    for (const p of toleratedSeen) say(`      tolerated ${p}`);
    for (const n of actNotes) { say(`      note: ${n}`); warn(`whoCanModify ${fn}: ${n}`); }
  }
  say(`  exact on ${whoOk}/${whoTotal} labelled functions`);

  // 5. whoCanInvoke (reported, not failed)
  const principalsOf = (list) => {
    const outv = [];
    for (const e of list ?? []) {
      const vals = [];
      const walk = (v) => {
        if (v == null) return;
        if (typeof v === 'string') vals.push(v);
        else if (Array.isArray(v)) v.forEach(walk);
        else if (typeof v === 'object') Object.values(v).forEach(walk);
      };
      walk(typeof e === 'object' && e && 'principal' in e ? e.principal : e);
      outv.push(vals);
    }
    return outv;
  };
  const invokeNotes = [];
  for (const [fn, spec] of Object.entries(labels.whoCanInvoke ?? {})) {
    const f = fnByName.get(fn);
    if (!f) continue;
    const ps = principalsOf(f.whoCanInvoke);
    const has = (x) => ps.some((vals) => vals.some((v) => v === x || (x !== '*' && /^\d{12}$/.test(x.split(':')[4] ?? '') && v === x.split(':')[4])));
    for (const x of spec.mustInclude ?? []) if (!has(x)) invokeNotes.push(`${fn}: ${x} not in whoCanInvoke — ${spec.why}`);
    for (const x of spec.mustNotInclude ?? []) if (ps.some((vals) => vals.includes(x))) invokeNotes.push(`${fn}: ${x} listed in whoCanInvoke but should not be`);
  }
  say(`whoCanInvoke (reported, not failed): ${invokeNotes.length ? invokeNotes.length + ' problem(s)' : 'as labelled'}`);
  for (const n of invokeNotes) { say(`  note: ${n}`); warn(n); }

  // 6. shared ENIs (reported, not failed)
  const enisOf = (f) => new Set((JSON.stringify(f?.vpc ?? null).match(/eni-[0-9a-f]+/g) ?? []));
  for (const group of labels.sharedEnis?.groups ?? []) {
    const sets = group.map((n) => enisOf(fnByName.get(n)));
    const same = sets.every((s) => s.size > 0 && s.size === sets[0].size && [...s].every((x) => sets[0].has(x)));
    const msg = `shared ENIs of ${group.join(' + ')}: ${same ? 'same ENI ids listed' : 'not the same ENI ids (' + sets.map((s) => [...s].join('/') || 'none').join(' vs ') + ')'}`;
    say(msg);
    if (!same) warn(msg);
  }

  // 7. errors
  if (Array.isArray(out.errors) && out.errors.length) {
    say(`errors in output (reported): ${out.errors.length}`);
    for (const e of out.errors.slice(0, 20)) say(`  ${JSON.stringify(e).slice(0, 200)}`);
    warn(`${out.errors.length} errors in output`);
  }

  // 8. account unchanged
  const before = opt('--fingerprint-before'), after = opt('--fingerprint-after');
  if (before && after) {
    const b = readJson(before, 'fingerprint'), a = readJson(after, 'fingerprint');
    if (b.stable !== labels.fingerprint.stable) { say(`Account: NOT the labelled one (stable ${b.stable} != ${labels.fingerprint.stable})`); fail('seeded account differs from the labelled one'); }
    if (a.full !== b.full) { say('Account: CHANGED by the audit (full fingerprint differs)'); fail('account changed during the audit'); }
    else if (b.stable === labels.fingerprint.stable) say('Account: the labelled one, unchanged by the audit');
  } else {
    say('Account unchanged: not checked (give --fingerprint-before and --fingerprint-after from audit/fingerprint.py)');
  }
  // 9. operations sent (audit/operations.py check --out FILE)
  const opsFile = opt('--operations');
  if (opsFile) {
    const ops = readJson(opsFile, 'operations');
    const w = Object.entries(ops.writes ?? {});
    say(`Operations sent: ${ops.requests} requests, ${Object.keys(ops.operations ?? {}).length} operations, ${w.length ? w.map(([k, v]) => `${k} x${v}`).join(', ') + ' NOT read-only' : 'all read-only'}`);
    if (w.length) fail(`the audit sent non-read-only operations: ${w.map(([k]) => k).join(', ')}`);
  }
  return { recall: found / expected, expected, found, misses, cleanViolations: onClean.length, whoExact: `${whoOk}/${whoTotal}`, functions: nameSet.size };
}

// ------------------------------------------------------------------------------------------------
function scoreMonitor() {
  const alerts = Array.isArray(out.alerts) ? out.alerts : [];
  if (!Array.isArray(out.alerts)) fail('output has no `alerts` array');
  let anchorIso;
  const a = opt('--anchor');
  if (a) anchorIso = /^\d{4}-\d\d-\d\dT/.test(a) ? a : readJson(a, 'anchor').anchor;
  if (!anchorIso) {
    anchorIso = out?.window?.end;
    if (!anchorIso) usage('no --anchor and the output has no window.end');
    warn('no --anchor given: window.end used as the anchor (times may be off by the delay between seeding and monitoring)');
    say(`note: anchor taken from window.end (${anchorIso}); pass --anchor monitor-anchor.json for exact times`);
  }
  const anchor = Date.parse(anchorIso);
  if (Number.isNaN(anchor)) usage(`bad anchor ${anchorIso}`);
  const at = (m) => anchor + m * 60_000;
  const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z');

  const winStart = Date.parse(out?.window?.start ?? ''), winEnd = Date.parse(out?.window?.end ?? '');
  if (!Number.isNaN(winStart) && !Number.isNaN(winEnd)) {
    const hours = (winEnd - winStart) / 3_600_000;
    say(`window ${out.window.start} .. ${out.window.end} (${hours.toFixed(1)} h); baseline ${out?.baseline?.start} .. ${out?.baseline?.end}`);
    if (Math.abs(hours - 24) > 0.1) warn(`window lasts ${hours} h, not 24 h`);
    const latest = Math.max(...labels.anomalies.map((x) => x.injected.toMinutes));
    const earliest = Math.min(...labels.anomalies.map((x) => x.injected.fromMinutes));
    if (at(earliest) < winStart || at(latest) > winEnd) {
      say('  note: some injected anomalies lie outside the window: the monitor ran too long after seeding');
      warn('anomalies outside the window');
    }
  } else warn('output has no window.start/end');

  let hit = 0;
  const results = [];
  say('Injected anomalies:');
  for (const an of labels.anomalies) {
    const cands = alerts.filter((x) => x.functionName === an.functionName && x.ruleId === an.ruleId);
    const lo = at(an.injected.fromMinutes - an.timeToleranceMinutes), hi = at(an.injected.toMinutes + an.timeToleranceMinutes);
    const timed = cands.filter((x) => { const t = Date.parse(x.time); return !Number.isNaN(t) && t >= lo && t <= hi; });
    const evOf = (x) => lc(JSON.stringify(x.evidence ?? null));
    const good = timed.filter((x) => an.evidenceMustContain.every((tok) => evOf(x).includes(lc(tok))));
    let status, detail = '';
    if (good.length) {
      status = 'HIT '; hit++;
      const missingShould = (an.evidenceShouldContain ?? []).filter((tok) => !good.some((x) => evOf(x).includes(lc(tok))));
      if (missingShould.length) { detail = ` (evidence does not name ${missingShould.join(', ')})`; warn(`${an.id}: evidence lacks ${missingShould.join(', ')}`); }
    } else if (!cands.length) {
      status = 'MISS'; detail = ` — no ${an.ruleId} alert on ${an.functionName}` +
        (alerts.some((x) => x.ruleId === an.ruleId) ? ` (${an.ruleId} went to ${[...new Set(alerts.filter((x) => x.ruleId === an.ruleId).map((x) => x.functionName))].join(', ')})` : '');
    } else if (!timed.length) {
      status = 'MISS'; detail = ` — alert time ${cands.map((x) => x.time).join(', ')} outside ${iso(lo)} .. ${iso(hi)}`;
    } else {
      const lacking = an.evidenceMustContain.filter((tok) => !timed.some((x) => evOf(x).includes(lc(tok))));
      const inMsg = lacking.filter((tok) => timed.some((x) => lc(x.message ?? '').includes(lc(tok))));
      status = 'MISS'; detail = ` — evidence does not name ${lacking.join(', ')}` + (inMsg.length ? ` (only the message does: ${inMsg.join(', ')})` : '');
    }
    if (status === 'MISS') fail(`${an.id}: ${an.ruleId} on ${an.functionName}${detail}`);
    say(`  ${status} ${an.ruleId} ${an.functionName} ${an.id} @ ${iso(at(an.injected.fromMinutes))}${detail}`);
    results.push({ id: an.id, status: status.trim(), detail });
  }
  say(`Recall: ${hit}/${labels.anomalies.length} (${pct(hit, labels.anomalies.length)})`);

  const clean = Object.keys(labels.cleanFunctions);
  const onClean = alerts.filter((x) => clean.includes(x.functionName));
  say(`Alerts on clean functions (${clean.join(', ')}): ${onClean.length}`);
  for (const x of onClean) {
    say(`  CLEAN-VIOLATION ${x.functionName} ${x.ruleId} ${x.time}: ${String(x.message ?? '').slice(0, 160)}`);
    fail(`alert on clean function ${x.functionName}: ${x.ruleId} at ${x.time}`);
  }
  const labelledKeys = new Set(labels.anomalies.map((x) => `${x.functionName} ${x.ruleId}`));
  const others = alerts.filter((x) => !clean.includes(x.functionName) && !labelledKeys.has(`${x.functionName} ${x.ruleId}`));
  if (others.length) {
    say(`Other alerts (not labelled, not failed): ${others.length}`);
    for (const x of others) say(`  extra ${x.functionName} ${x.ruleId} ${x.time}: ${String(x.message ?? '').slice(0, 120)}`);
  }
  if (!Number.isNaN(winStart)) {
    const early = alerts.filter((x) => Date.parse(x.time) < winStart - 60_000);
    if (early.length) { say(`Alerts dated before the window start: ${early.length}`); warn(`${early.length} alerts before the window`); }
  }
  const fnNames = new Set((Array.isArray(out.functions) ? out.functions : []).map((f) => f?.name ?? f?.functionName ?? f));
  const absent = labels.functions.filter((n) => !fnNames.has(n));
  if (absent.length) { say(`functions summary lacks: ${absent.join(', ')} (reported)`); warn('functions summary incomplete'); }
  if (Array.isArray(out.errors) && out.errors.length) {
    say(`errors in output (reported): ${out.errors.length}`);
    for (const e of out.errors.slice(0, 20)) say(`  ${JSON.stringify(e).slice(0, 200)}`);
    warn(`${out.errors.length} errors in output`);
  }
  return { recall: hit / labels.anomalies.length, hit, injected: labels.anomalies.length, cleanViolations: onClean.length, results };
}

const summary = mode === 'audit' ? scoreAudit() : scoreMonitor();
const pass = fails.length === 0;
if (asJson) {
  console.log(JSON.stringify({ mode, pass, summary, failures: fails, warnings: warns }, null, 2));
} else {
  console.log(lines.join('\n'));
  console.log('');
  console.log(pass ? `PASS (${mode}): the bar is met${warns.length ? `, ${warns.length} note(s)` : ''}` : `FAIL (${mode}): ${fails.length} problem(s)`);
  if (!pass) for (const f of fails.slice(0, 40)) console.log(`  - ${f}`);
}
process.exit(pass ? 0 : 1);
