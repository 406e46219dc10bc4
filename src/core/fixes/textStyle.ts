/** The writing conventions of a template file, so that inserted text looks like its neighbours. */
export interface TextStyle {
  eol: '\n' | '\r\n';
  /** One level of indentation (spaces, or a tab in JSON). */
  unit: string;
  /** Quote character for strings that need quotes (YAML). */
  quote: "'" | '"';
  /** The file quotes strings that would not need it (`Action: 's3:GetObject'`). */
  quoteAll: boolean;
  /** The file uses short intrinsic tags (`!Sub`) rather than `Fn::Sub:`. */
  shortTags: boolean;
  /** Block sequences are indented under their key (`Key:\n  - a`) rather than flush (`Key:\n- a`). */
  seqIndented: boolean;
}

function mostCommon(counts: Map<number, number>, fallback: number): number {
  let best = fallback;
  let n = 0;
  for (const [k, v] of counts) if (v > n || (v === n && k < best)) [best, n] = [k, v];
  return best;
}

/** Reads the conventions from the text; defaults: two spaces, single quotes, short tags. */
export function detectStyle(text: string, json: boolean): TextStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const steps = new Map<number, number>();
  let prev = 0;
  let tabs = 0;
  for (const l of lines) {
    if (!l.trim() || /^\s*(#|\/\/)/.test(l)) continue;
    if (l.startsWith('\t')) tabs++;
    const ind = /^ */.exec(l)![0].length;
    if (ind > prev) steps.set(ind - prev, (steps.get(ind - prev) ?? 0) + 1);
    prev = ind;
  }
  const unit = json && tabs > lines.length / 4 ? '\t' : ' '.repeat(mostCommon(steps, 2));
  const single = (text.match(/(?::|-)[ \t]+'/g) ?? []).length;
  const double = (text.match(/(?::|-)[ \t]+"/g) ?? []).length;
  // Values that need no quotes but have them: `Action: 's3:GetObject'` versus `Action: s3:GetObject`.
  const quotedPlain = (text.match(/(?::|-)[ \t]+['"][a-z][\w-]*:[A-Za-z*]/g) ?? []).length;
  const plain = (text.match(/(?::|-)[ \t]+[a-z][\w-]*:[A-Za-z*]/g) ?? []).length;
  let seqFlush = 0;
  let seqIndented = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^( *)[^\s#-][^#]*:\s*$/.exec(lines[i]);
    const d = /^( *)- /.exec(lines[i + 1]);
    if (m && d) {
      if (d[1].length > m[1].length) seqIndented++;
      else if (d[1].length === m[1].length) seqFlush++;
    }
  }
  return {
    eol,
    unit,
    quote: double > single ? '"' : "'",
    quoteAll: quotedPlain > plain,
    shortTags: /(^|[\s[,:-])!(Sub|Ref|GetAtt|Join|If|Equals)\b/m.test(text) || !/Fn::|"Ref"|\bRef:/.test(text),
    seqIndented: seqIndented >= seqFlush,
  };
}
