import type { Finding } from '../model/finding';
import type { FixDocument } from './fixDocument';
import { singleEditFix, type Fix } from './fixTypes';
import { str } from './fixValue';
import { insertEntry } from './insertNode';

/**
 * LG008 in a Serverless Framework service: the function URL gets `authorizer: aws_iam`. `url: true` becomes
 * `url: { authorizer: aws_iam }`; a `url:` map gets the entry.
 */
export function setUrlAuthorizerFix(doc: FixDocument, f: Finding): Fix | undefined {
  const title = 'Require IAM auth on the function URL (authorizer: aws_iam)';
  const path = doc.pathTo(f.location!);
  // The finding sits on the `true`, the authorizer, or the `url` key itself (then the path ends at the function).
  const last = path[path.length - 1].node;
  const url = path.find((s) => s.via?.key === 'url')?.node ?? (last.kind === 'map' ? last.entries.find((e) => e.key === 'url' && doc.start(e.keyRange) === doc.start(f.location!))?.value : undefined);
  if (!url) return undefined;
  if (url.kind === 'scalar' && (url.value === true || url.value === 'true')) {
    const text = doc.json ? '{ "authorizer": "aws_iam" }' : '{ authorizer: aws_iam }';
    return singleEditFix(title, 'setUrlAuthorizer', doc.start(url.range), doc.end(url.range), text, true);
  }
  if (url.kind !== 'map' || url.entries.some((e) => e.key === 'authorizer')) return undefined;
  const e = insertEntry(doc, url, 'authorizer', str('aws_iam'));
  return e && singleEditFix(title, 'setUrlAuthorizer', e.start, e.end, e.text, true);
}
