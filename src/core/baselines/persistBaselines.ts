import { callKey, type CallEntry } from './callModel';
import type { InvocationModel } from './invocationModel';
import { emptyBaselines, type LearnedBaselines } from './learnedBaselines';
import { peerTupleKey, type PeerEntry } from './peerModel';
import { SLOT_COUNT } from './seasonalSlots';
import { histogramFromJson, histogramToJson } from './valueHistogram';

/**
 * Versioned JSON for learned baselines, so the extension can keep them in workspace storage between
 * sessions (and reset them by deleting the entry). Times are epoch seconds; entries are sorted so the
 * same baselines always give the same text.
 */
export const BASELINES_FORMAT = 'lambda-guard-baselines';
export const BASELINES_VERSION = 1;

export class BaselinesFormatError extends Error {}

type Obj = Record<string, unknown>;

function byKey<T>(map: Map<string, T>): [string, T][] {
  return [...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function serializeBaselines(b: LearnedBaselines): string {
  const doc = {
    format: BASELINES_FORMAT,
    version: BASELINES_VERSION,
    start: b.start,
    end: b.end,
    trailSince: b.trailSince ?? null,
    invocations: byKey(b.invocations).map(([fn, m]) => ({
      function: fn,
      period: m.period,
      historySeconds: m.historySeconds,
      firstData: m.firstData ?? null,
      scales: m.scales.map((s) => ({ seconds: s.seconds, slots: s.slots.map(histogramToJson) })),
    })),
    peers: byKey(b.peers).map(([group, m]) => ({
      group,
      firstData: m.firstData,
      lastData: m.lastData,
      peers: byKey(m.peers).map(([, e]) => e),
    })),
    rejected: byKey(b.rejected).map(([group, m]) => ({ group, firstData: m.firstData, historySeconds: m.historySeconds, hours: histogramToJson(m.hours) })),
    calls: byKey(b.calls).map(([fn, calls]) => ({ function: fn, calls: byKey(calls).map(([, e]) => e) })),
    actors: byKey(b.actors).map(([key, a]) => ({ key, ...a })),
  };
  return JSON.stringify(doc);
}

function num(o: Obj, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${key} is not a number`);
  return v;
}

function text(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string') throw new Error(`${key} is not a string`);
  return v;
}

function obj(v: unknown, what: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${what} is not an object`);
  return v as Obj;
}

function list(o: Obj, key: string): unknown[] {
  const v = o[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`${key} is not an array`);
  return v;
}

function readInvocation(o: Obj): InvocationModel {
  const scales = list(o, 'scales').map((raw) => {
    const s = obj(raw, 'scale');
    const slots = list(s, 'slots').map(histogramFromJson);
    if (slots.length !== SLOT_COUNT) throw new Error(`a scale has ${slots.length} slots, not ${SLOT_COUNT}`);
    return { seconds: num(s, 'seconds'), slots };
  });
  if (scales.length === 0) throw new Error('no scales');
  const m: InvocationModel = { period: num(o, 'period'), historySeconds: num(o, 'historySeconds'), scales };
  if (typeof o.firstData === 'number') m.firstData = o.firstData;
  return m;
}

function readPeer(raw: unknown): PeerEntry {
  const e = obj(raw, 'peer');
  const direction = text(e, 'direction');
  if (direction !== 'egress' && direction !== 'ingress' && direction !== 'unknown') throw new Error(`direction ${JSON.stringify(direction)} is not egress, ingress or unknown`);
  return {
    peer: text(e, 'peer'),
    port: num(e, 'port'),
    protocol: num(e, 'protocol'),
    direction,
    firstSeen: num(e, 'firstSeen'),
    lastSeen: num(e, 'lastSeen'),
    bytes: num(e, 'bytes'),
    packets: num(e, 'packets'),
  };
}

function readCall(raw: unknown): CallEntry {
  const e = obj(raw, 'call');
  return { eventSource: text(e, 'eventSource'), eventName: text(e, 'eventName'), firstSeen: num(e, 'firstSeen'), lastSeen: num(e, 'lastSeen'), count: num(e, 'count') };
}

/** Reads each entry of a section; a bad entry becomes a warning naming it, and the rest is kept. */
function section(root: Obj, key: string, warnings: string[], read: (o: Obj) => void): void {
  let entries: unknown[];
  try {
    entries = list(root, key);
  } catch (e) {
    warnings.push(`${key}: ${(e as Error).message}; section dropped`);
    return;
  }
  entries.forEach((raw, i) => {
    try {
      read(obj(raw, 'entry'));
    } catch (e) {
      warnings.push(`${key}[${i}]: ${(e as Error).message}; entry dropped (it will be learned again)`);
    }
  });
}

/**
 * Parses serialized baselines. Throws `BaselinesFormatError` when the text is not baselines of a
 * version this code reads (the caller resets them); a malformed entry is dropped with a warning and
 * the others are kept.
 */
export function deserializeBaselines(textValue: string): { baselines: LearnedBaselines; warnings: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textValue);
  } catch (e) {
    throw new BaselinesFormatError(`baselines are not valid JSON: ${(e as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as Obj).format !== BASELINES_FORMAT) {
    throw new BaselinesFormatError(`not Lambda Guard baselines (expected "format": "${BASELINES_FORMAT}")`);
  }
  const root = parsed as Obj;
  if (root.version !== BASELINES_VERSION) {
    throw new BaselinesFormatError(`baselines version ${JSON.stringify(root.version)} is not ${BASELINES_VERSION}, the version this Lambda Guard reads; reset them`);
  }
  let b: LearnedBaselines;
  try {
    b = emptyBaselines(num(root, 'start'));
    b.end = num(root, 'end');
  } catch (e) {
    throw new BaselinesFormatError(`baselines ${(e as Error).message}`);
  }
  if (typeof root.trailSince === 'number') b.trailSince = root.trailSince;
  const warnings: string[] = [];
  section(root, 'invocations', warnings, (o) => b.invocations.set(text(o, 'function'), readInvocation(o)));
  section(root, 'peers', warnings, (o) => {
    const peers = new Map(list(o, 'peers').map((raw) => readPeer(raw)).map((e) => [peerTupleKey(e.peer, e.port, e.protocol, e.direction), e] as const));
    b.peers.set(text(o, 'group'), { firstData: num(o, 'firstData'), lastData: num(o, 'lastData'), peers });
  });
  section(root, 'rejected', warnings, (o) =>
    b.rejected.set(text(o, 'group'), { firstData: num(o, 'firstData'), historySeconds: num(o, 'historySeconds'), hours: histogramFromJson(o.hours) }),
  );
  section(root, 'calls', warnings, (o) => {
    const calls = new Map(list(o, 'calls').map((raw) => readCall(raw)).map((e) => [callKey(e.eventSource, e.eventName), e] as const));
    b.calls.set(text(o, 'function'), calls);
  });
  section(root, 'actors', warnings, (o) =>
    b.actors.set(text(o, 'key'), { label: text(o, 'label'), firstSeen: num(o, 'firstSeen'), lastSeen: num(o, 'lastSeen'), count: num(o, 'count') }),
  );
  return { baselines: b, warnings };
}
