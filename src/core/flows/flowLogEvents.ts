/**
 * The FilterLogEvents path: CloudWatch Logs messages (one flow record each, no header) aggregated with
 * the flow log's layout. Flow logs write one stream per interface, named `eni-…-all` (or `-accept`,
 * `-reject`), so the stream name stands in for `interface-id` when a custom format leaves it out.
 */
import type { FlowAggregator } from './flowAggregator';
import type { FlowLayout } from './flowLayout';
import { FlowLineScanner } from './flowLineScanner';

/** The parts of a FilterLogEvents / GetLogEvents event this needs. */
export interface FlowLogEvent {
  message?: string;
  logStreamName?: string;
}

export function interfaceOfStream(logStreamName: string | undefined): string | undefined {
  return logStreamName ? /^(eni-[0-9a-f]+)/.exec(logStreamName)?.[1] : undefined;
}

/**
 * Adds the events (a FilterLogEvents page, or all pages) to `agg`. Returns the scanner so that a caller
 * paging through results can keep feeding the same one (`scanMessage`) and read `lineNo`.
 */
export function addFlowLogEvents(agg: FlowAggregator, layout: FlowLayout, events: Iterable<FlowLogEvent>, source?: string): FlowLineScanner {
  const scanner = new FlowLineScanner(agg, { layout, source });
  for (const ev of events) if (ev.message !== undefined) scanner.scanMessage(ev.message, interfaceOfStream(ev.logStreamName));
  return scanner;
}
