/**
 * `lambda-guard flows FILE... [--format text|json] [--output FILE] [--log-format FORMAT] [--hourly]`:
 * aggregates exported VPC flow-log files (plain or gzip, with or without an S3 header line) offline.
 * Exit status: 2 for a usage error, 0 otherwise — an unreadable file is reported on stderr and in
 * `errors`, and the other files are still aggregated.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FlowAggregate, FlowAggregator } from '../core/flows/flowAggregator';
import { FlowFormatError, FlowLayout, missingFlowFields, parseLogFormat } from '../core/flows/flowLayout';
import { aggregateFlowFile, FlowSourceError } from '../core/flows/flowSource';
import { protocolName, serviceName } from '../core/flows/servicePorts';
import { TOOL_VERSION } from '../core/version';
import type { CliCommand } from './cliCommand';

export interface FlowsIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
}

export const FLOWS_USAGE = `Usage: lambda-guard flows FILE... [--format text|json] [--output FILE] [--log-format FORMAT] [--hourly]

Aggregates VPC Flow Log files (plain text or gzip; an S3 export's header line sets the fields) by
interface, peer, service port, protocol and direction. --log-format gives the flow log's LogFormat
('\${version} \${interface-id} …') for files without a header; the default v2 format otherwise.
--hourly keeps one row per hour. Exit status: 0, or 2 for a usage error.`;

interface FlowsArgs {
  files: string[];
  format: 'text' | 'json';
  output?: string;
  layout?: FlowLayout;
  hourly: boolean;
  help: boolean;
}

class UsageError extends Error {}

function parseFlowsArgs(argv: string[]): FlowsArgs {
  const out: FlowsArgs = { files: [], format: 'text', hourly: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (eq < 0 && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format':
      case '-f': {
        const v = value();
        if (v !== 'text' && v !== 'json') throw new UsageError('--format must be text or json');
        out.format = v;
        break;
      }
      case '--output':
      case '-o':
        out.output = value();
        break;
      case '--log-format': {
        const layout = parseLogFormat(value());
        const missing = missingFlowFields(layout);
        if (missing.length) throw new UsageError(`--log-format lacks ${missing.join(', ')}: records cannot be aggregated without them`);
        out.layout = layout;
        break;
      }
      case '--hourly':
        out.hourly = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        out.files.push(a);
    }
  }
  if (!out.help && out.files.length === 0) throw new UsageError('no flow-log FILE given');
  return out;
}

interface FileError {
  file: string;
  message: string;
}

function toJson(r: FlowAggregate, errors: FileError[]): string {
  const skipped = r.skipped.nodata + r.skipped.skipdata + r.skipped.malformed + r.skipped.header;
  const flows = r.flows.map((f) => ({
    interfaceId: f.interfaceId,
    peer: f.peer,
    port: f.port,
    protocol: f.protocol,
    bytes: f.bytes,
    packets: f.packets,
    accepted: f.accepted,
    rejected: f.rejected,
    first: f.first,
    last: f.last,
    direction: f.direction,
    localAddr: f.localAddr,
    ...(serviceName(f.port, f.protocol) ? { service: serviceName(f.port, f.protocol) } : {}),
  }));
  const malformedLines = r.malformed.map((m) => ({ file: m.source, line: m.line, reason: m.reason }));
  const doc = { tool: { name: 'lambda-guard', version: TOOL_VERSION }, records: r.records, skipped, skippedBy: r.skipped, flows, gaps: r.gaps, malformedLines, errors };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const iso = (t: number): string => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

function toText(r: FlowAggregate, files: number): string {
  const head = ['INTERFACE', 'DIRECTION', 'LOCAL', 'PEER', 'PORT', 'PROTO', 'BYTES', 'PACKETS', 'ACCEPT', 'REJECT', 'FIRST', 'LAST'];
  const rows = r.flows.map((f) => {
    const svc = serviceName(f.port, f.protocol);
    return [f.interfaceId, f.direction, f.localAddr ?? '-', f.peer, svc ? `${f.port} ${svc}` : String(f.port), protocolName(f.protocol), String(f.bytes), String(f.packets), String(f.accepted), String(f.rejected), iso(f.first), iso(f.last)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const numeric = new Set([6, 7, 8, 9]);
  const fmt = (row: string[]): string => row.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const s = r.skipped;
  const lines = rows.length ? [fmt(head), ...rows.map(fmt)] : ['No flow records.'];
  lines.push('');
  lines.push(`${r.records} flow records in ${r.flows.length} flows from ${files} file${files === 1 ? '' : 's'}; skipped ${s.nodata + s.skipdata + s.malformed + s.header} lines (${s.nodata} NODATA, ${s.skipdata} SKIPDATA, ${s.malformed} malformed, ${s.header} header)`);
  for (const g of r.gaps) lines.push(`${g.interfaceId}: ${g.nodata} NODATA, ${g.skipdata} SKIPDATA`);
  return `${lines.join('\n')}\n`;
}

/** Runs `lambda-guard flows` with the arguments after the command name; returns the exit status. */
export async function flowsCommand(argv: string[], io: FlowsIo): Promise<number> {
  let args: FlowsArgs;
  try {
    args = parseFlowsArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof FlowFormatError)) throw e;
    io.stderr(`lambda-guard flows: ${e.message}\n\n${FLOWS_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout(`${FLOWS_USAGE}\n`);
    return 0;
  }
  const agg = new FlowAggregator({ hourly: args.hourly });
  const errors: FileError[] = [];
  for (const file of args.files) {
    const before = { records: agg.records, malformed: agg.skipped.malformed, other: agg.skipped.nodata + agg.skipped.skipdata + agg.skipped.header };
    try {
      await aggregateFlowFile(path.resolve(io.cwd, file), agg, { layout: args.layout, source: file });
    } catch (e) {
      if (!(e instanceof FlowSourceError)) throw e;
      errors.push({ file, message: e.reason });
      io.stderr(`lambda-guard flows: ${e.message}\n`);
      continue;
    }
    const malformed = agg.skipped.malformed - before.malformed;
    const other = agg.skipped.nodata + agg.skipped.skipdata + agg.skipped.header - before.other;
    if (agg.records === before.records && other === 0 && malformed > 0) {
      const first = agg.malformed.find((m) => m.source === file);
      const message = `no flow records: ${malformed} malformed line${malformed === 1 ? '' : 's'}${first ? ` (line ${first.line}: ${first.reason})` : ''}`;
      errors.push({ file, message });
      io.stderr(`lambda-guard flows: ${file}: ${message}\n`);
    }
  }
  const result = agg.result();
  for (const m of result.malformed) if (!errors.some((e) => e.file === m.source)) io.stderr(`lambda-guard flows: ${m.source}:${m.line}: skipped, ${m.reason}\n`);
  const text = args.format === 'json' ? toJson(result, errors) : toText(result, args.files.length);
  if (args.output) {
    try {
      await fs.writeFile(path.resolve(io.cwd, args.output), text);
    } catch (e) {
      io.stderr(`lambda-guard flows: cannot write ${args.output}: ${(e as Error).message}\n`);
      return 2;
    }
  } else io.stdout(text);
  return 0;
}

/** `flows` in the CLI's table of commands. */
export const flowsCliCommand: CliCommand = {
  name: 'flows',
  summary: 'aggregate exported VPC flow-log files offline (peers, service ports, bytes)',
  help: FLOWS_USAGE,
  run: (args, io) => flowsCommand(args, io),
};
