import { monitorToHtml } from '../core/dashboard/monitorHtml';
import { atLeast } from '../core/model/severity';
import { evaluateMonitor, MonitorInputError } from '../core/monitor/evaluateMonitor';
import { monitorToJson } from '../core/monitor/monitorJson';
import type { MonitorResult } from '../core/monitor/monitorResult';
import { monitorToText } from '../core/monitor/monitorText';
import { TOOL_VERSION } from '../core/version';
import { ACCOUNT_HELP, ACCOUNT_OPTIONS, accountSourceFrom } from './accountFlags';
import type { CliCommand, CliIo } from './cliCommand';
import { collectOrExplain } from './collectAccount';
import { parseDuration } from './duration';
import { EXIT, EXIT_STATUS_HELP, FAIL_ON, type FailOn } from './exitStatus';
import { printSummary, writeOutput } from './output';
import { flagValue, parseFlags, type FlagSpec } from './parseFlags';
import { UsageError } from './usageError';
import { plural } from '../core/report/scanResult';

const FORMATS = ['text', 'json', 'html'] as const;
const ENGINES = ['auto', 'filter', 'insights'] as const;

const OPTIONS: Record<string, FlagSpec> = {
  ...ACCOUNT_OPTIONS,
  '--since': { value: true },
  '--baseline': { value: true },
  '--function': { value: true, repeat: true },
  '--logs-engine': { value: true, choices: ENGINES },
  '--format': { alias: '-f', value: true, choices: FORMATS },
  '--output': { alias: '-o', value: true },
  '--fail-on': { value: true, choices: FAIL_ON },
};

const HELP = `Usage: lambda-guard monitor [account] [options]

Judges the window that ends now and lasts --since against a baseline learned from the --baseline period
just before it, from CloudWatch metrics, VPC flow logs and CloudTrail (read-only calls), and reports:
  LG101 invocation spike   LG102 new network peer   LG103 an API call the function's role never made
  LG104 a change to the function (who made it)      LG105 rejected-connection spike (port scans)

${ACCOUNT_HELP}

Options:
      --since DURATION      the window judged (default 24h), e.g. 6h, 24h, 2d
      --baseline DURATION   the period learned from, just before the window (default 14d)
      --function NAME       only this function (repeatable, comma lists too)
      --logs-engine ENGINE  auto (default: FilterLogEvents for log groups up to 50 MB, Logs Insights
                            beyond), filter, or insights
  -f, --format FORMAT       text (default), json, or html (a report with static charts, no script)
  -o, --output FILE         write the report to FILE; the one-line summary still goes to stderr
      --fail-on LEVEL       error (default), warning, info or none: the lowest alert severity that fails
  -h, --help                this help

A telemetry read that fails (no flow logs, access denied) is listed under errors and the rest is still
judged; the result is then incomplete (exit status 1 unless --fail-on none).

${EXIT_STATUS_HELP}`;

function summaryLine(r: MonitorResult): string {
  const by = (s: string): number => r.alerts.filter((a) => a.severity === s).length;
  const n = r.alerts.length;
  const head = n ? `✖ ${plural(n, 'alert')} (${plural(by('error'), 'error')}, ${plural(by('warning'), 'warning')}, ${by('info')} info)` : '✔ no alerts';
  return [head, r.errors.length ? `${plural(r.errors.length, 'error')} (incomplete)` : '', plural(r.functions.length, 'function')].filter(Boolean).join(' · ');
}

export const monitorCommand: CliCommand = {
  name: 'monitor',
  summary: 'judge recent runtime behaviour against learned baselines (spikes, new peers, unusual calls, changes)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const p = parseFlags(args, OPTIONS);
    if (p.help) {
      io.stdout(`${HELP}\n`);
      return EXIT.clean;
    }
    if (p.positionals.length) throw new UsageError(`monitor takes no paths (${p.positionals.join(' ')})`);
    const since = parseDuration(flagValue(p, '--since', '24h')!, '--since');
    const baseline = parseDuration(flagValue(p, '--baseline', '14d')!, '--baseline');
    const format = flagValue(p, '--format', 'text') as (typeof FORMATS)[number];
    const output = flagValue(p, '--output');
    const failOn = flagValue(p, '--fail-on', 'error') as FailOn;
    const functions = p.values.get('--function');
    const logsEngine = flagValue(p, '--logs-engine', 'auto') as (typeof ENGINES)[number];
    const source = await accountSourceFrom(p, io);
    const snapshot = await collectOrExplain(source, io);
    if (!snapshot) return EXIT.failed;
    const unknown = (functions ?? []).filter((f) => !snapshot.functions.some((x) => x.name === f));
    if (unknown.length) throw new UsageError(`--function: no function named ${unknown.join(', ')} in ${source.label}`);
    const end = new Date();
    const windowStart = new Date(end.getTime() - since);
    const baselineStart = new Date(windowStart.getTime() - baseline);
    const telemetry = await source.collectTelemetry(snapshot, { start: baselineStart, end, functions, logsEngine });
    let result: MonitorResult;
    try {
      result = evaluateMonitor({
        snapshot,
        telemetry,
        window: { start: windowStart, end },
        baseline: { start: baselineStart, end: windowStart },
        functions,
        errors: [...snapshot.errors, ...(telemetry.errors ?? [])],
      });
    } catch (e) {
      if (e instanceof MonitorInputError) throw new UsageError(e.message);
      throw e;
    }
    const report = format === 'json' ? monitorToJson(result, TOOL_VERSION) : format === 'html' ? monitorToHtml({ result, snapshot, telemetry, toolVersion: TOOL_VERSION }) : monitorToText(result);
    await writeOutput(report, output, io);
    if (output || format !== 'text') printSummary(summaryLine(result), output, io);
    if (failOn === 'none') return EXIT.clean;
    // "Not found" entries (an interface no flow log covers, a function that has no trail) are facts about
    // the account, listed in errors; a read that failed makes the result incomplete.
    const incomplete = result.errors.some((e) => e.kind !== 'notFound');
    return incomplete || result.alerts.some((a) => atLeast(a.severity, failOn)) ? EXIT.failed : EXIT.clean;
  },
};
