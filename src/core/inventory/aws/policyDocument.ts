/**
 * IAM returns policy documents URL-encoded (RFC 3986) and the JS SDK v3 does not decode them
 * (aws-sdk-js-v3#1945): `%7B%22Version%22…` → `{"Version"…}`. Lambda's GetPolicy returns plain JSON.
 */
import type { PolicyJson } from '../accountModel';

export type DecodedPolicy = { ok: true; document: PolicyJson } | { ok: false; reason: string };

/** Decodes and parses an IAM policy document; plain JSON (as moto sends trust policies) is accepted as is. */
export function decodePolicyDocument(raw: string | undefined): DecodedPolicy {
  if (raw === undefined || raw === '') return { ok: false, reason: 'the document is empty' };
  let text = raw.trim();
  // An encoded object starts with `%7B`; a `{` means it was never encoded (decoding it could corrupt a literal `%`).
  if (!text.startsWith('{')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return { ok: false, reason: 'the document is not valid URL encoding' };
    }
  }
  return parsePolicyJson(text);
}

export function parsePolicyJson(text: string): DecodedPolicy {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'the document is not a JSON object' };
    return { ok: true, document: value as PolicyJson };
  } catch (e) {
    return { ok: false, reason: `the document is not valid JSON (${(e as Error).message})` };
  }
}
