import type { Finding } from '../model/finding';
import { get } from '../iac/tree/tnode';
import type { FixDocument } from './fixDocument';
import { singleEditFix, type Fix } from './fixTypes';
import { map, seq, str } from './fixValue';
import { appendItem, insertEntry, type MarkedEdit } from './insertNode';

export type SuppressionKind = 'comment' | 'metadata';

/** One line, no comment terminators: the reason goes into a comment or a YAML/JSON string. */
function cleanReason(reason: string): string {
  return reason.replace(/\s+/g, ' ').replace(/\*\//g, '* /').trim() || 'reviewed';
}

/**
 * `# lambda-guard-ignore LGxxx: reason` (`//` in TypeScript) on its own line above the finding, at the
 * indentation of the finding's line. Works on text alone, so also for CDK sources.
 */
export function commentSuppression(text: string, file: string, f: Finding, reason: string): Fix | undefined {
  const loc = f.location;
  if (!loc) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let ls = 0;
  for (let line = 1; line < loc.startLine; line++) {
    const nl = text.indexOf('\n', ls);
    if (nl < 0) return undefined;
    ls = nl + 1;
  }
  const indent = /^[ \t]*/.exec(text.slice(ls))![0];
  const marker = /\.(ts|mts|cts|tsx)$/i.test(file) ? '//' : '#';
  if (marker === '#' && /^\s*\{/.test(text)) return undefined; // JSON has no comments
  const line = `${indent}${marker} lambda-guard-ignore ${f.ruleId}: ${cleanReason(reason)}${eol}`;
  return singleEditFix(`Suppress ${f.ruleId} with a comment`, 'suppress', ls, ls, line);
}

/** `Metadata: lambda-guard: ignore: [{ id, reason }]` on the finding's resource (YAML or JSON). */
export function metadataSuppression(doc: FixDocument, f: Finding, reason: string): Fix | undefined {
  const res = f.resource ? doc.resource(f.resource) : undefined;
  if (!res || res.kind !== 'map') return undefined;
  const item = map(['id', str(f.ruleId)], ['reason', str(cleanReason(reason))]);
  const meta = get(res, 'Metadata');
  let e: MarkedEdit | undefined;
  if (!meta) e = insertEntry(doc, res, 'Metadata', map(['lambda-guard', map(['ignore', seq(item)])]));
  else {
    const lg = get(meta, 'lambda-guard');
    if (!lg) e = insertEntry(doc, meta, 'lambda-guard', map(['ignore', seq(item)]));
    else {
      const ignore = get(lg, 'ignore');
      e = ignore ? appendItem(doc, ignore, item) : insertEntry(doc, lg, 'ignore', seq(item));
    }
  }
  return e && singleEditFix(`Suppress ${f.ruleId} in the Metadata of ${f.resource}`, 'suppress', e.start, e.end, e.text);
}
