import { buildFunctionIndex, functionKey, type FunctionIndex } from '../activity/functionIndex';
import { classifyChange, type FunctionChange } from '../activity/functionChanges';
import { attributeCall } from '../activity/roleSessions';
import { epochOf } from '../baselines/callModel';
import type { FunctionGroups } from '../baselines/functionGroups';
import type { AttributedCall } from '../baselines/unusualCalls';
import type { AccountSnapshot } from '../inventory/accountModel';
import type { FlowSummary, MetricSeries, Telemetry } from '../inventory/telemetryModel';

/** The window's telemetry, sorted out per function and per function group once. */
export interface WindowActivity {
  index: FunctionIndex;
  /** Invocations series by `region/function`. */
  invocations: Map<string, MetricSeries[]>;
  /** Calls by `region/function`. */
  calls: Map<string, AttributedCall[]>;
  /** Changes by `region/function`; may name functions the snapshot does not have (created or deleted since). */
  changes: Map<string, FunctionChange[]>;
  /** Flow records by group key. */
  flows: Map<string, FlowSummary[]>;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function windowActivity(snapshot: AccountSnapshot, telemetry: Telemetry, groups: FunctionGroups, start: number, end: number): WindowActivity {
  const index = buildFunctionIndex(snapshot.functions);
  const act: WindowActivity = { index, invocations: new Map(), calls: new Map(), changes: new Map(), flows: new Map() };
  for (const s of telemetry.metrics) if (s.metric === 'Invocations') push(act.invocations, functionKey(s.region, s.functionName), s);
  for (const e of telemetry.events) {
    const t = epochOf(e.time);
    if (!(t >= start && t < end)) continue;
    const change = classifyChange(e, index);
    if (change) push(act.changes, functionKey(change.function.region, change.function.name), change);
    const who = attributeCall(e, index);
    if (!who) continue;
    const names = who.functions.map((f) => f.name);
    for (const fn of who.functions) push(act.calls, functionKey(fn.region, fn.name), { event: e, session: who.session, functions: names });
  }
  for (const f of telemetry.flows) {
    if (!(f.first < end && f.last >= start)) continue;
    const group = groups.byInterface.get(f.interfaceId);
    if (group) push(act.flows, group.key, f);
  }
  return act;
}
