/**
 * VPC Flow Log record layouts: which field sits at which position. A flow log's `LogFormat`
 * (`${version} ${account-id} …`, any fields in any order) or an S3 export's header line gives it; a
 * flow log created without a format uses the default v2 layout.
 */

/** The default (v2) format's fields, in order. */
export const DEFAULT_FIELDS: readonly string[] = [
  'version',
  'account-id',
  'interface-id',
  'srcaddr',
  'dstaddr',
  'srcport',
  'dstport',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'log-status',
];

export const DEFAULT_LOG_FORMAT = DEFAULT_FIELDS.map((f) => `\${${f}}`).join(' ');

/** The version that introduced each field AWS documents (v2 default, v3–v5 custom, v7 ECS, v8 reject-reason). */
export const FIELD_VERSIONS: ReadonlyMap<string, number> = new Map([
  ...DEFAULT_FIELDS.map((f): [string, number] => [f, 2]),
  ...['vpc-id', 'subnet-id', 'instance-id', 'tcp-flags', 'type', 'pkt-srcaddr', 'pkt-dstaddr'].map((f): [string, number] => [f, 3]),
  ...['region', 'az-id', 'sublocation-type', 'sublocation-id'].map((f): [string, number] => [f, 4]),
  ...['pkt-src-aws-service', 'pkt-dst-aws-service', 'flow-direction', 'traffic-path'].map((f): [string, number] => [f, 5]),
  ...[
    'ecs-cluster-arn',
    'ecs-cluster-name',
    'ecs-container-instance-arn',
    'ecs-container-instance-id',
    'ecs-container-id',
    'ecs-second-container-id',
    'ecs-service-name',
    'ecs-task-definition-arn',
    'ecs-task-arn',
    'ecs-task-id',
  ].map((f): [string, number] => [f, 7]),
  ['reject-reason', 8],
]);

/** Fields without which a record cannot be aggregated into a flow (`interface-id` may come from the log stream). */
export const REQUIRED_FLOW_FIELDS: readonly string[] = ['srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'action'];

export interface FlowLayout {
  fields: readonly string[];
  /** Where the layout came from, for messages. */
  origin: 'default' | 'logFormat' | 'header';
}

export class FlowFormatError extends Error {}

const FIELD_NAME = /^[a-z][a-z0-9-]*$/;

function checkFields(fields: string[], origin: FlowLayout['origin']): FlowLayout {
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f)) throw new FlowFormatError(`flow-log format names the field "${f}" twice`);
    seen.add(f);
  }
  return { fields, origin };
}

/**
 * Parses a flow log's `LogFormat` (as DescribeFlowLogs returns it). An empty or missing format is the
 * default v2 layout. Unknown `${field}` names are kept (newer fields are skipped by position).
 */
export function parseLogFormat(logFormat: string | undefined): FlowLayout {
  const text = (logFormat ?? '').trim();
  if (!text) return { fields: DEFAULT_FIELDS, origin: 'default' };
  const fields = text.split(/\s+/).map((token) => {
    const m = /^\$\{([^}]*)\}$/.exec(token);
    if (!m || !FIELD_NAME.test(m[1])) throw new FlowFormatError(`LogFormat token "${token}" is not a \${field-name}`);
    return m[1];
  });
  return checkFields(fields, 'logFormat');
}

/** True when a line's first word is a field name: the line is an S3 export's header, not a record. */
export function isHeaderWord(word: string): boolean {
  return FIELD_VERSIONS.has(word);
}

/** The layout an S3 export's header line (`version account-id interface-id …`) declares. */
export function layoutFromHeader(line: string): FlowLayout {
  const fields = line.trim().split(' ');
  for (const f of fields) if (!FIELD_NAME.test(f)) throw new FlowFormatError(`header field "${f}" is not a flow-log field name`);
  return checkFields(fields, 'header');
}

/** The required fields the layout lacks (empty when records can be aggregated). */
export function missingFlowFields(layout: FlowLayout): string[] {
  return REQUIRED_FLOW_FIELDS.filter((f) => !layout.fields.includes(f));
}

/** The highest field version the layout uses: what the flow log's `version` field reports. */
export function layoutVersion(layout: FlowLayout): number {
  return Math.max(2, ...layout.fields.map((f) => FIELD_VERSIONS.get(f) ?? 2));
}
