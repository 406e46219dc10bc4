// Wildcard matching as IAM does it, for the access evaluator.
//
// Actions: `*` any run of characters, `?` one character, case-insensitive over `service:action`.
// Resource ARNs: case-sensitive. Per the IAM "Resource" element reference, wildcards work within an ARN
// segment (the parts between colons) and a `*` that is the LAST character of a segment may also expand
// beyond the colon boundaries (`function:*` covers `function:name:alias`); a `*` elsewhere and `?` stay
// inside their segment. Policy variables (`${aws:username}`), only read in policies of Version
// 2012-10-17, cannot be resolved without a request: they match like a `*` and the caller is told which
// variables a match depended on. `${*}`, `${?}` and `${$}` are the escapes for the literal characters.

export type Matcher = (text: string) => boolean;

const MAX_CACHED = 5000;
const actionCache = new Map<string, Matcher>();

const always: Matcher = () => true;

function escapeRegExp(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A matcher for one Action / NotAction entry. It expects the action already lower-cased. */
export function actionMatcher(pattern: string): Matcher {
  const key = pattern.toLowerCase();
  let m = actionCache.get(key);
  if (!m) {
    if (/^\*+$/.test(key)) m = always;
    else if (!/[*?]/.test(key)) m = (a) => a === key;
    else {
      const re = new RegExp(`^${[...key].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c))).join('')}$`, 's');
      m = (a) => re.test(a);
    }
    if (actionCache.size >= MAX_CACHED) actionCache.clear();
    actionCache.set(key, m);
  }
  return m;
}

/** One token of an ARN pattern: a literal character, `?`, or `*` (which may or may not cross colons). */
export type ArnToken = { t: 'lit'; ch: string } | { t: 'one' } | { t: 'star'; crossesColon: boolean };

export interface ArnPattern {
  text: string;
  tokens: ArnToken[];
  /** Policy variables the pattern holds (`aws:username`); a match then depends on their values. */
  variables: string[];
  test: Matcher;
}

/** Splits an ARN pattern into tokens; `variables` turns `${…}` into wildcards (Version 2012-10-17). */
export function tokenizeArn(pattern: string, variables: boolean): { tokens: ArnToken[]; variables: string[] } {
  const raw: ({ t: 'lit'; ch: string } | { t: 'one' } | { t: 'star' })[] = [];
  const vars: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (variables && c === '$' && pattern[i + 1] === '{') {
      const end = pattern.indexOf('}', i + 2);
      if (end > 0) {
        const inner = pattern.slice(i + 2, end);
        if (inner === '*' || inner === '?' || inner === '$') raw.push({ t: 'lit', ch: inner });
        else {
          // `${aws:PrincipalTag/team, 'none'}`: the key is what comes before the default value.
          vars.push(inner.split(',')[0].trim());
          raw.push({ t: 'star' });
        }
        i = end;
        continue;
      }
    }
    raw.push(c === '*' ? { t: 'star' } : c === '?' ? { t: 'one' } : { t: 'lit', ch: c });
  }
  const tokens = raw.map((tok, i): ArnToken => {
    if (tok.t !== 'star') return tok;
    const next = raw[i + 1];
    return { t: 'star', crossesColon: next === undefined || (next.t === 'lit' && next.ch === ':') };
  });
  return { tokens, variables: [...new Set(vars)] };
}

function tokenRegExp(tokens: ArnToken[]): RegExp {
  const body = tokens.map((tok) => (tok.t === 'lit' ? escapeRegExp(tok.ch) : tok.t === 'one' ? '[^:]' : tok.crossesColon ? '.*' : '[^:]*')).join('');
  return new RegExp(`^${body}$`, 's');
}

const arnCache = new Map<string, ArnPattern>();

/** A compiled Resource / NotResource entry (cached by text and whether variables are active). */
export function arnPattern(pattern: string, variables: boolean): ArnPattern {
  const key = `${variables ? 'v' : 'l'}${pattern}`;
  let p = arnCache.get(key);
  if (!p) {
    const { tokens, variables: vars } = tokenizeArn(pattern, variables);
    let test: Matcher;
    if (tokens.length > 0 && tokens.every((tok) => tok.t === 'star')) test = always;
    else if (tokens.every((tok) => tok.t === 'lit')) {
      const literal = tokens.map((tok) => (tok as { ch: string }).ch).join('');
      test = (r) => r === literal;
    } else {
      const re = tokenRegExp(tokens);
      test = (r) => re.test(r);
    }
    p = { text: pattern, tokens, variables: vars, test };
    if (arnCache.size >= MAX_CACHED) arnCache.clear();
    arnCache.set(key, p);
  }
  return p;
}

/**
 * Tokens of the ARNs a request can name, from a pattern whose wildcards never span a colon (a region or a
 * function name holds none): `arn:aws:lambda:?*:123456789012:function:?*` is "any region, any name".
 */
export function requestTokens(pattern: string): ArnToken[] {
  return tokenizeArn(pattern, false).tokens.map((tok) => (tok.t === 'star' ? { t: 'star', crossesColon: false } : tok));
}

/** The character a witness uses for a wildcard: no literal in a real policy contains it. */
export const WITNESS_CHAR = '\u0001';

function accepts(tok: ArnToken, ch: string): boolean {
  if (tok.t === 'lit') return tok.ch === ch;
  return tok.t === 'one' ? ch !== ':' : tok.crossesColon || ch !== ':';
}

/**
 * One string that both patterns match, or undefined when none exists. Wildcards are filled with
 * WITNESS_CHAR where the other side does not force a character. Used to ask "could this policy let
 * someone create SOME function?" without enumerating names.
 */
export function globWitness(a: ArnToken[], b: ArnToken[]): string | undefined {
  const memo = new Map<number, string | null>();
  const width = b.length + 1;
  const go = (i: number, j: number): string | null => {
    const key = i * width + j;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    memo.set(key, null); // guards against cycles while this state is open
    let out: string | null = null;
    if (i === a.length && j === b.length) out = '';
    const ta = a[i];
    const tb = b[j];
    if (out === null && ta?.t === 'star') out = go(i + 1, j);
    if (out === null && tb?.t === 'star') out = go(i, j + 1);
    if (out === null && ta && tb && !(ta.t === 'star' && tb.t === 'star')) {
      const ch = ta.t === 'lit' ? ta.ch : tb.t === 'lit' ? tb.ch : WITNESS_CHAR;
      if (accepts(ta, ch) && accepts(tb, ch)) {
        const rest = go(ta.t === 'star' ? i : i + 1, tb.t === 'star' ? j : j + 1);
        if (rest !== null) out = ch + rest;
      }
    }
    memo.set(key, out);
    return out;
  };
  return go(0, 0) ?? undefined;
}
