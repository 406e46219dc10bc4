import type { Finding } from '../model/finding';
import { get, getCi, type TNode } from '../iac/tree/tnode';
import { innermostMapWith, type FixDocument } from './fixDocument';
import { ph, singleEditFix, type Fix } from './fixTypes';
import { map, ref, str, sub, type FixValue } from './fixValue';
import { insertEntry, type MarkedEdit } from './insertNode';

/** Adds `Condition: { <op>: { <key>: value } }` to a policy statement, merging with what is there. */
export function addCondition(doc: FixDocument, statement: TNode, op: string, key: string, value: FixValue): MarkedEdit | undefined {
  const cond = getCi(statement, 'Condition');
  if (!cond) return insertEntry(doc, statement, 'Condition', map([op, map([key, value])]));
  if (cond.value.kind !== 'map') return undefined;
  const opEntry = cond.value.entries.find((e) => e.key === op);
  if (!opEntry) return insertEntry(doc, cond.value, op, map([key, value]));
  if (opEntry.value.kind !== 'map' || opEntry.value.entries.some((e) => e.key.toLowerCase() === key.toLowerCase())) return undefined;
  return insertEntry(doc, opEntry.value, key, value);
}

/** LG004: `iam:PassedToService` on the statement, with the service selected for the user to confirm. */
export function passedToServiceFix(doc: FixDocument, f: Finding): Fix | undefined {
  const st = innermostMapWith(doc.pathTo(f.location!), ['Effect']);
  const e = st && addCondition(doc, st, 'StringEquals', 'iam:PassedToService', str(ph('lambda.amazonaws.com')));
  return e && singleEditFix('Add an iam:PassedToService condition', 'addPassedToService', e.start, e.end, e.text, true);
}

/** SourceArn patterns of the services that commonly invoke functions; `{X}` marks the placeholder. */
const SOURCE_ARNS: Record<string, string> = {
  's3.amazonaws.com': 'arn:${AWS::Partition}:s3:::{BUCKET_NAME}',
  'sns.amazonaws.com': 'arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:{TOPIC_NAME}',
  'events.amazonaws.com': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/{RULE_NAME}',
  'scheduler.amazonaws.com': 'arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/default/{SCHEDULE_NAME}',
  'apigateway.amazonaws.com': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:{API_ID}/*',
  'logs.amazonaws.com': 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:{LOG_GROUP_NAME}:*',
  'elasticloadbalancing.amazonaws.com': 'arn:${AWS::Partition}:elasticloadbalancing:${AWS::Region}:${AWS::AccountId}:targetgroup/{TARGET_GROUP}',
  'cognito-idp.amazonaws.com': 'arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}:userpool/{USER_POOL_ID}',
  'iot.amazonaws.com': 'arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:rule/{RULE_NAME}',
  'secretsmanager.amazonaws.com': 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:{SECRET_NAME}',
};

/** `SourceArn` value for a principal: a `!Sub` with the resource name as placeholder. */
function sourceArnValue(principal: string): FixValue {
  const svc = /^([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/i.exec(principal)?.[1];
  const pattern =
    SOURCE_ARNS[principal.toLowerCase()] ??
    (svc ? `arn:\${AWS::Partition}:${svc}:\${AWS::Region}:\${AWS::AccountId}:{RESOURCE}` : 'arn:${AWS::Partition}:{SERVICE}:${AWS::Region}:${AWS::AccountId}:{RESOURCE}');
  let first = true;
  const marked = pattern.replace(/\{([A-Z_]+)\}/g, (_m, name: string) => {
    const out = first ? ph(name) : name;
    first = false;
    return out;
  });
  return sub(marked);
}

/** LG006/LG007: pin who may invoke — SourceArn (placeholder selected), SourceAccount, PrincipalOrgID. */
export function sourceConditionFixes(doc: FixDocument, f: Finding): Fix[] {
  const principal = typeof f.fix?.principal === 'string' ? f.fix.principal : '*';
  const fixes: (Fix | undefined)[] = [];
  const res = f.resource ? doc.resource(f.resource) : undefined;
  const isPermission = res && /^AWS::Lambda::Permission$/.test(String((get(res, 'Type') as { value?: unknown })?.value));
  if (isPermission) {
    const props = get(res, 'Properties');
    if (!props || props.kind !== 'map') return [];
    const add = (key: string, value: FixValue, title: string, preferred: boolean): Fix | undefined => {
      const e = get(props, key) ? undefined : insertEntry(doc, props, key, value);
      return e && singleEditFix(title, 'addSourceCondition', e.start, e.end, e.text, preferred);
    };
    const isService = principal !== '*';
    fixes.push(add('SourceArn', sourceArnValue(principal), 'Add a SourceArn (the resource allowed to invoke)', isService));
    fixes.push(add('SourceAccount', ref('AWS::AccountId'), 'Add SourceAccount: this account', !isService));
    if (!isService) fixes.push(add('PrincipalOrgID', str(ph('o-EXAMPLE')), 'Add PrincipalOrgID: your organisation', false));
  } else {
    const st = innermostMapWith(doc.pathTo(f.location!), ['Effect']);
    if (!st) return [];
    const arn = addCondition(doc, st, 'ArnLike', 'aws:SourceArn', sourceArnValue(principal));
    fixes.push(arn && singleEditFix('Add an aws:SourceArn condition', 'addSourceCondition', arn.start, arn.end, arn.text, true));
    const acct = addCondition(doc, st, 'StringEquals', 'aws:SourceAccount', ref('AWS::AccountId'));
    fixes.push(acct && singleEditFix('Add an aws:SourceAccount condition: this account', 'addSourceCondition', acct.start, acct.end, acct.text, false));
  }
  return fixes.filter((x): x is Fix => x !== undefined);
}

/**
 * LG010: pin another account's access. A trust policy gets an `sts:ExternalId` condition (the value
 * the partner passes, selected) or an organisation condition; a resource policy the organisation
 * condition; a Lambda permission a `PrincipalOrgID`.
 */
export function restrictPrincipalFixes(doc: FixDocument, f: Finding): Fix[] {
  const res = f.resource ? doc.resource(f.resource) : undefined;
  const type = String((get(res, 'Type') as { value?: unknown } | undefined)?.value ?? '');
  if (type === 'AWS::Lambda::Permission') {
    const props = get(res, 'Properties');
    if (!props || props.kind !== 'map' || get(props, 'PrincipalOrgID')) return [];
    const e = insertEntry(doc, props, 'PrincipalOrgID', str(ph('o-EXAMPLE')));
    return e ? [singleEditFix('Add PrincipalOrgID: only your organisation', 'restrictPrincipal', e.start, e.end, e.text, true)] : [];
  }
  const path = doc.pathTo(f.location!);
  const st = innermostMapWith(path, ['Effect']);
  if (!st) return [];
  const out: (Fix | undefined)[] = [];
  const trust = path.some((p) => p.via?.key === 'AssumeRolePolicyDocument');
  if (trust) {
    const ext = addCondition(doc, st, 'StringEquals', 'sts:ExternalId', str(ph('EXTERNAL_ID')));
    out.push(ext && singleEditFix('Add an sts:ExternalId condition (the value the other account passes)', 'restrictPrincipal', ext.start, ext.end, ext.text, true));
  }
  const org = addCondition(doc, st, 'StringEquals', 'aws:PrincipalOrgID', str(ph('o-EXAMPLE')));
  out.push(org && singleEditFix('Add an aws:PrincipalOrgID condition: only your organisation', 'restrictPrincipal', org.start, org.end, org.text, !trust));
  return out.filter((x): x is Fix => x !== undefined);
}
