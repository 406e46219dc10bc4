import type { Advice } from '../model/finding';
import { capList } from './findingBuilder';

// LG011 covers two different risks: actions that hand out credentials (a secret value, KMS plaintext, a role
// session) and actions that read data (an object, an item, a message). A finding says which one it is, and
// its advice speaks to that case: a `dynamodb:Query` on every table is not a credential exposure.

/** What the data-read actions of a service read, for advice that names the resources to scope to. */
const DATA_NOUNS: Record<string, string> = {
  s3: 'buckets (and object prefixes)',
  dynamodb: 'tables (and their indexes and streams)',
  sqs: 'queues',
  kinesis: 'streams',
  'rds-data': 'database clusters',
  'rds-db': 'database users',
  logs: 'log groups',
  athena: 'workgroups',
  codecommit: 'repositories',
};

function serviceOf(member: string): string {
  return member.slice(0, member.indexOf(':')).toLowerCase();
}

/** `'s3:GetObject'`, or `'s3:Get*' (s3:GetObject, s3:GetObjectVersion)`, or a list when several entries share a line. */
function what(texts: readonly string[], members: readonly string[]): string {
  if (texts.length !== 1) return capList(members.map((m) => `'${m}'`));
  if (members.length === 1 && members[0].toLowerCase() === texts[0].toLowerCase()) return `'${members[0]}'`;
  return `'${texts[0]}' (${capList(members)})`;
}

/** The message head (before "on '*' in …") and the advice for one LG011 finding. */
export function lg011Wording(texts: readonly string[], creds: readonly string[], reads: readonly string[]): { head: string; advice: Advice } {
  const nouns = [...new Set(reads.map((m) => DATA_NOUNS[serviceOf(m)] ?? 'resources'))];
  const dataWhy = `They return the data itself (objects, items, messages, records): on every resource, one compromised function can read all ${capList(nouns)} of the account, not only its own.`;
  const credWhy = 'They return secrets or credentials (secret and parameter values, KMS plaintext, role sessions, access keys): on every resource, one compromised function can read them all and act as whatever they unlock.';
  const dataFix = `Scope them to the ARNs of the ${capList(nouns)} the function reads.`;
  const credFix = 'Scope them to the ARNs of the secrets, parameters, keys or roles the function needs.';
  if (creds.length && reads.length) {
    const subject = texts.length === 1 ? `'${texts[0]}' ` : '';
    return {
      head: `Credential exposure and data read: ${subject}(credentials: ${capList(creds)}; data: ${capList(reads)})`,
      advice: {
        why: `${credWhy} The data reads add: ${dataWhy.charAt(0).toLowerCase()}${dataWhy.slice(1)}`,
        fix: `Scope the resources to the exact ARNs the function uses — the secrets, keys or roles it takes credentials from and the ${capList(nouns)} it reads — splitting the statement per service if needed.`,
      },
    };
  }
  if (creds.length) return { head: `Credential exposure: ${what(texts, creds)}`, advice: { why: credWhy, fix: credFix } };
  return { head: `Data read: ${what(texts, reads)}`, advice: { why: dataWhy, fix: dataFix } };
}
