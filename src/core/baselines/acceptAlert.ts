import { functionKey } from '../activity/functionIndex';
import type { AccountSnapshot } from '../inventory/accountModel';
import type { Alert } from '../model/alert';
import { callKey } from './callModel';
import { buildFunctionGroups } from './functionGroups';
import type { LearnedBaselines } from './learnedBaselines';
import { peerTupleKey } from './peerModel';

/**
 * "This is expected": adds what an alert reported to the learned baselines, so the same peer, call or
 * identity is not reported again (until forgotten after a month unused). Works for LG102 (the peer and
 * ports), LG103 (the call) and LG104 (the identity, which then counts as seen — the change itself is
 * still reported next time, at its base severity). Rate alerts (LG101, LG105) cannot be accepted this
 * way: they fade as the baseline learns the new level. Returns false when nothing could be added.
 * Modifies `learned` in place.
 */
export function acceptAlert(learned: LearnedBaselines, alert: Alert, snapshot: Pick<AccountSnapshot, 'functions' | 'network'>): boolean {
  const ev = alert.evidence;
  const at = Math.floor(Date.parse(alert.time) / 1000);
  if (alert.ruleId === 'LG102' && typeof ev.peer === 'string' && Array.isArray(ev.ports) && typeof ev.protocol === 'number') {
    const group = buildFunctionGroups(snapshot).byFunction.get(functionKey(alert.region ?? '', alert.functionName));
    const model = group ? learned.peers.get(group.key) : undefined;
    if (!model) return false;
    const direction = ev.direction === 'ingress' || ev.direction === 'egress' ? ev.direction : 'unknown';
    for (const port of ev.ports.filter((p): p is number => typeof p === 'number')) {
      const key = peerTupleKey(ev.peer, port, ev.protocol, direction);
      if (!model.peers.has(key)) model.peers.set(key, { peer: ev.peer, port, protocol: ev.protocol, direction, firstSeen: at, lastSeen: at, bytes: 0, packets: 0 });
    }
    return true;
  }
  if (alert.ruleId === 'LG103' && typeof ev.eventSource === 'string' && typeof ev.eventName === 'string') {
    const fk = functionKey(alert.region ?? '', alert.functionName);
    const calls = learned.calls.get(fk) ?? new Map();
    calls.set(callKey(ev.eventSource, ev.eventName), { eventSource: ev.eventSource, eventName: ev.eventName, firstSeen: at, lastSeen: at, count: 1 });
    learned.calls.set(fk, calls);
    return true;
  }
  if (alert.ruleId === 'LG104' && typeof ev.actorKey === 'string') {
    learned.actors.set(ev.actorKey, { label: typeof ev.actorLabel === 'string' ? ev.actorLabel : ev.actorKey, firstSeen: at, lastSeen: at, count: 1 });
    return true;
  }
  return false;
}
