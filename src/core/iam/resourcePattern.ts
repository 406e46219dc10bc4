import { HOLE } from '../model/value';
import { globToRegExp } from './actionPattern';
import { serviceArnPatterns, serviceExists } from './catalog';

/*
 * When is a `Resource` entry "all resources"?
 *
 * 1. `*` (any run of stars) is.
 * 2. An ARN `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE` is judged on RESOURCE only. Partition, region
 *    and account never narrow a grant to fewer resources *of the caller's own account*, whatever they
 *    hold: a literal (`us-east-1`), a wildcard, or a HOLE from `${AWS::Region}`-style pseudo parameters.
 *    An ARN cut short whose last field is all stars (`arn:aws:*`) spans everything after it.
 * 3. RESOURCE is split into segments at `/` and `:` and lined up with the ARN patterns the data set lists
 *    for SERVICE (`table/${TableName}/index/${IndexName}`, `function:${FunctionName}`, `${BucketName}/${ObjectName}`).
 *    It is "all" when some pattern matches with every variable segment given as stars only (`*`), the
 *    literal segments (`table`, `function`, `log-group`) equal, and at least one wildcard present. A
 *    trailing star segment swallows the rest of the pattern (`log-group:*` covers streams too), a trailing
 *    `keyword*` likewise, and extra trailing star segments are fine when the pattern ends in a variable
 *    (IAM role names carry paths).
 * 4. Anything else is not "all": a named bucket (`my-bucket/*`), a name prefix (`table/Orders*`), a path
 *    (`role/service-role/*`), `?`, and any HOLE inside RESOURCE (an unresolved name is one specific
 *    resource, not a wildcard).
 * 5. When SERVICE is a wildcard, a HOLE or has no known ARN patterns, RESOURCE must be stars only.
 */

type Tokens = { segs: string[]; seps: string[] };

const MAX_CACHED = 5000;
const allCache = new Map<string, boolean>();
const patternCache = new Map<string, Tokens[]>();

export function isAllResources(resource: string): boolean {
  let result = allCache.get(resource);
  if (result === undefined) {
    result = computeIsAll(resource);
    if (allCache.size >= MAX_CACHED) allCache.clear();
    allCache.set(resource, result);
  }
  return result;
}

function isStars(text: string): boolean {
  return /^\*+$/.test(text);
}

/** The six ARN fields (the last keeps its colons), or fewer when the text is cut short. */
export function splitArn(arn: string): string[] {
  const fields: string[] = [];
  let rest = arn;
  while (fields.length < 5) {
    const colon = rest.indexOf(':');
    if (colon < 0) break;
    fields.push(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  fields.push(rest);
  return fields;
}

function tokenize(resource: string): Tokens {
  const parts = resource.split(/([/:])/);
  return { segs: parts.filter((_, i) => i % 2 === 0), seps: parts.filter((_, i) => i % 2 === 1) };
}

function computeIsAll(resource: string): boolean {
  if (isStars(resource)) return true;
  if (!resource.startsWith('arn:')) return false;
  const fields = splitArn(resource);
  if (fields.length < 6) return isStars(fields[fields.length - 1]);
  const service = fields[2];
  const rest = fields[5];
  if (rest.includes(HOLE)) return false;
  if (isStars(rest)) return true;
  const tokens = tokenize(rest);
  const patterns = service.includes(HOLE) || /[*?]/.test(service) || !serviceExists(service) ? [] : arnPatternTokens(service.toLowerCase());
  if (patterns.length === 0) return tokens.segs.every((s) => s === '' || isStars(s)) && tokens.segs.some(isStars);
  return patterns.some((p) => coversPattern(tokens, p));
}

/** Tokenised RESOURCE parts of the ARN patterns a service's own resources use (same SERVICE field). */
function arnPatternTokens(service: string): Tokens[] {
  let cached = patternCache.get(service);
  if (!cached) {
    cached = serviceArnPatterns(service)
      .map(splitArn)
      .filter((f) => f.length === 6 && f[2] === service)
      .map((f) => tokenize(f[5]));
    patternCache.set(service, cached);
  }
  return cached;
}

function isVariable(segment: string): boolean {
  return segment.includes('${');
}

/** Whether RESOURCE tokens name every resource of the pattern's type (rule 3 above). */
function coversPattern(r: Tokens, p: Tokens): boolean {
  let sawWildcard = false;
  for (let i = 0; i < r.segs.length; i++) {
    const seg = r.segs[i];
    const last = i === r.segs.length - 1;
    if (i >= p.segs.length) {
      // Extra segments: only a trailing variable (a name with a path) can absorb them, and only as stars.
      return isVariable(p.segs[p.segs.length - 1]) && r.segs.slice(i).every(isStars);
    }
    const pat = p.segs[i];
    if (isStars(seg)) {
      if (last) return true; // `*` at the end spans the rest of the pattern.
      sawWildcard = true;
    } else if (isVariable(pat)) {
      return false; // A specific name (or a name prefix) where the pattern has a variable.
    } else if (seg.toLowerCase() !== pat.toLowerCase()) {
      const m = /^(.*?)\*+$/.exec(seg);
      return last && m !== null && m[1].toLowerCase() === pat.toLowerCase();
    }
    if (!last && i < p.seps.length && r.seps[i] !== p.seps[i]) return false;
  }
  return sawWildcard && r.segs.length === p.segs.length;
}

/**
 * Whether a `Resource` entry can name a resource of the given action service: `*`, or an ARN whose
 * SERVICE field matches the prefix or one of the ARN services that service's resources use (an
 * `sts:AssumeRole` resource is an `arn:aws:iam::…:role/…`). A HOLE in the SERVICE field matches nothing:
 * holes are never wildcards.
 */
export function resourceMatchesService(resource: string, service: string): boolean {
  if (isStars(resource)) return true;
  if (!resource.startsWith('arn:')) return false;
  const fields = splitArn(resource);
  if (fields.length < 3) return isStars(fields[fields.length - 1]);
  const field = fields[2];
  if (field.includes(HOLE)) return false;
  const re = globToRegExp(field);
  const svc = service.toLowerCase();
  if (re.test(svc)) return true;
  return serviceArnPatterns(svc).some((p) => {
    const f = splitArn(p);
    return f.length >= 3 && re.test(f[2]);
  });
}
