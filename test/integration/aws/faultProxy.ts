/**
 * A small HTTP proxy in front of moto. It records every request it forwards (service, operation, region:
 * an independent record of what went over the wire) and can inject faults for chosen operations —
 * throttling, AccessDenied, a 500, a reset connection, a delay — with error bodies shaped like AWS's
 * (REST-JSON for Lambda, XML for IAM/EC2/STS and S3, JSON for CloudWatch, CloudWatch Logs and CloudTrail).
 * Responders (test fixtures for what moto lacks) may answer chosen requests instead of moto.
 *
 * It also pages ListFunctions as AWS does (at most 50 per page, `NextMarker`): moto 5.2.5 returns every
 * function in one response, which would leave the collectors' paging untested.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestTarget, type RequestTarget } from './requestTarget';

export type Fault = 'throttle' | 'deny' | 'error500' | 'reset' | 'delay';

export interface FaultRule {
  fault: Fault;
  service?: string;
  operation?: string;
  region?: string;
  /** Only requests whose path contains this (e.g. a function name). */
  pathIncludes?: string;
  /** Fault the first N matching requests only; every one when unset. */
  times?: number;
  delayMs?: number;
}

export interface SeenRequest extends RequestTarget {
  method: string;
  path: string;
  fault?: Fault;
  /** Answered by a responder (a fixture), not by moto. */
  fixture?: boolean;
}

const LIST_FUNCTIONS_PAGE = 50;

/** An answer written by a test fixture instead of moto's. */
export interface FixtureResponse {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

/**
 * Answers some requests itself (a fixture for what moto lacks, e.g. Logs Insights `stats`); undefined lets
 * the request go on to moto. Faults are applied first.
 */
export type Responder = (target: RequestTarget, body: string, path: string) => FixtureResponse | undefined;

function errorResponse(target: RequestTarget, status: number, code: string, message: string): { status: number; headers: Record<string, string>; body: string } {
  if (target.service === 's3') {
    return { status, headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message><RequestId>f-1</RequestId></Error>` };
  }
  if (target.service === 'lambda') {
    return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': code }, body: JSON.stringify({ Type: 'User', message }) };
  }
  if (target.protocol === 'json') {
    // CloudWatch speaks JSON 1.0 (and names its query-protocol error code); CloudWatch Logs and CloudTrail JSON 1.1.
    if (target.service === 'logs' || target.service === 'cloudtrail') {
      return { status, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify({ __type: code, message }) };
    }
    return { status, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${code};Sender` }, body: JSON.stringify({ __type: code, message }) };
  }
  if (target.service === 'ec2') {
    return { status, headers: { 'content-type': 'text/xml' }, body: `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>f-1</RequestID></Response>` };
  }
  return {
    status,
    headers: { 'content-type': 'text/xml' },
    body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>f-1</RequestId></ErrorResponse>`,
  };
}

function faultResponse(fault: Fault, t: RequestTarget): { status: number; headers: Record<string, string>; body: string } {
  if (fault === 'throttle') {
    const code = t.service === 'lambda' ? 'TooManyRequestsException' : t.service === 'ec2' ? 'RequestLimitExceeded' : 'Throttling';
    return errorResponse(t, t.service === 'lambda' ? 429 : 400, code, 'Rate exceeded');
  }
  if (fault === 'deny') {
    if (t.service === 'ec2') return errorResponse(t, 403, 'UnauthorizedOperation', 'You are not authorized to perform this operation. Encoded authorization failure message: AbCd');
    const code = ['lambda', 'logs', 'cloudtrail'].includes(t.service) ? 'AccessDeniedException' : 'AccessDenied';
    const action = `${t.service}:${t.operation}`;
    return errorResponse(t, 403, code, `User: arn:aws:iam::123456789012:user/moto is not authorized to perform: ${action} on resource: * because no identity-based policy allows the ${action} action`);
  }
  return errorResponse(t, 500, 'InternalFailure', 'We encountered an internal error. Please try again.');
}

export class FaultProxy {
  readonly seen: SeenRequest[] = [];
  faults: FaultRule[] = [];
  responders: Responder[] = [];
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly faulted = new Map<FaultRule, number>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly target: string) {}

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Forget what was seen, every fault and every responder. */
  reset(): void {
    this.seen.length = 0;
    this.faults = [];
    this.responders = [];
    this.faulted.clear();
  }

  /** `service:Operation` → count, for what went over the wire. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.seen) out[`${s.service}:${s.operation}`] = (out[`${s.service}:${s.operation}`] ?? 0) + 1;
    return out;
  }

  private matching(t: RequestTarget, path: string): FaultRule | undefined {
    for (const rule of this.faults) {
      if (rule.service && rule.service !== t.service) continue;
      if (rule.operation && rule.operation !== t.operation) continue;
      if (rule.region && rule.region !== t.region) continue;
      if (rule.pathIncludes && !decodeURIComponent(path).includes(rule.pathIncludes)) continue;
      const used = this.faulted.get(rule) ?? 0;
      if (rule.times !== undefined && used >= rule.times) continue;
      this.faulted.set(rule, used + 1);
      return rule;
    }
    return undefined;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const path = req.url ?? '/';
    const t = requestTarget(req.method ?? 'GET', path, req.headers, body.toString('utf8'));
    const rule = this.matching(t, path);
    const answer = rule && rule.fault !== 'delay' ? undefined : this.answer(t, body.toString('utf8'), path);
    this.seen.push({ ...t, method: req.method ?? 'GET', path, ...(rule ? { fault: rule.fault } : {}), ...(answer ? { fixture: true } : {}) });
    if (rule?.fault === 'reset') return void req.socket.destroy();
    if (rule?.fault === 'delay') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, rule.delayMs ?? 5_000);
        this.timers.add(timer);
        req.socket.once('close', () => (clearTimeout(timer), resolve()));
      });
      if (req.socket.destroyed) return;
    } else if (rule) {
      const r = faultResponse(rule.fault, t);
      res.writeHead(r.status, { ...r.headers, 'content-length': Buffer.byteLength(r.body) });
      return void res.end(r.body);
    }
    if (answer) {
      const type = String(req.headers['content-type'] ?? 'application/json');
      res.writeHead(answer.status ?? 200, { 'content-type': type, 'x-amzn-requestid': 'fixture-1', ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
      return void res.end(answer.body);
    }
    await this.forward(req, res, body, t);
  }

  private answer(t: RequestTarget, body: string, path: string): FixtureResponse | undefined {
    for (const r of this.responders) {
      const a = r(t, body, path);
      if (a) return a;
    }
    return undefined;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, t: RequestTarget): Promise<void> {
    const url = new URL(req.url ?? '/', this.target);
    const paging = t.service === 'lambda' && t.operation === 'ListFunctions';
    return new Promise<void>((resolve) => {
      const upstream = http.request(url, { method: req.method, headers: { ...req.headers, host: url.host }, agent: false }, (up) => {
        const parts: Buffer[] = [];
        up.on('data', (c: Buffer) => parts.push(c));
        up.on('end', () => {
          let out = Buffer.concat(parts);
          if (paging && up.statusCode === 200) out = Buffer.from(pageFunctions(out.toString('utf8'), url.searchParams));
          const headers = { ...up.headers, 'content-length': String(out.length) };
          delete headers['transfer-encoding'];
          res.writeHead(up.statusCode ?? 502, headers);
          res.end(out);
          resolve();
        });
      });
      upstream.on('error', () => {
        res.destroy();
        resolve();
      });
      upstream.end(body);
    });
  }
}

/** One ListFunctions page of at most 50 (or MaxItems), from the offset the Marker names. */
export function pageFunctions(json: string, query: URLSearchParams): string {
  const all = JSON.parse(json) as { Functions?: unknown[] };
  const functions = all.Functions ?? [];
  const start = Number(/^lg-page-(\d+)$/.exec(query.get('Marker') ?? '')?.[1] ?? 0);
  const size = Math.min(LIST_FUNCTIONS_PAGE, Number(query.get('MaxItems') ?? LIST_FUNCTIONS_PAGE));
  const page = functions.slice(start, start + size);
  const next = start + size < functions.length ? { NextMarker: `lg-page-${start + size}` } : {};
  return JSON.stringify({ Functions: page, ...next });
}
