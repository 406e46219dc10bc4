// A tiny TemplateModel builder for rule tests: every Str gets its own line, so a test can assert which
// value a finding points at by comparing ranges.
import type { EnvVar, FunctionUrl, LambdaPermission } from '../../../src/core/model/lambdaResources';
import type { Condition, Effect, ManagedPolicyRef, PolicyDocument, PolicyKind, Principal, Statement } from '../../../src/core/model/policy';
import type { RawFinding } from '../../../src/core/model/finding';
import type { Rule } from '../../../src/core/model/rule';
import type { SourceRange } from '../../../src/core/model/sourceRange';
import { emptyModel, type TemplateFormat, type TemplateModel } from '../../../src/core/model/templateModel';
import { HOLE, type Str } from '../../../src/core/model/value';

export type V = string | Str;

export interface StmtSpec {
  effect?: Effect;
  actions?: V[];
  notActions?: V[];
  resources?: V[];
  notResources?: V[];
  principals?: { type: Principal['type']; value: V }[];
  notPrincipals?: { type: Principal['type']; value: V }[];
  conditions?: { op: string; key: string; values: V[] }[];
  conditionUnknown?: boolean;
  branch?: string;
}

export interface PermissionSpec {
  owner?: string;
  action?: V;
  principal?: V;
  functionName?: V;
  sourceArn?: V;
  sourceAccount?: V;
  principalOrgId?: V;
  eventSourceToken?: V;
  functionUrlAuthType?: V;
  generatedBy?: string;
}

/** A value that is entirely unknown (`!Ref Param`). */
export const UNKNOWN = HOLE;

export class ModelBuilder {
  readonly model: TemplateModel;
  private line = 1;

  constructor(format: TemplateFormat = 'cloudformation') {
    this.model = emptyModel('template.yaml', format);
  }

  range(width = 10): SourceRange {
    const line = this.line++;
    return { startLine: line, startColumn: 5, endLine: line, endColumn: 5 + width };
  }

  str(text: string, branch?: string): Str {
    const s: Str = { text, range: this.range(Math.max(1, text.length)) };
    if (branch) s.branch = branch;
    return s;
  }

  private v(x: V): Str {
    return typeof x === 'string' ? this.str(x) : x;
  }

  private opt(x: V | undefined): Str | undefined {
    return x === undefined ? undefined : this.v(x);
  }

  resource(logicalId: string, type: string): this {
    const r = this.range();
    this.model.resources.push({ logicalId, type, range: r, keyRange: r });
    return this;
  }

  statement(spec: StmtSpec): Statement {
    const keyRanges: Statement['keyRanges'] = {};
    const list = (key: keyof Statement['keyRanges'], xs: V[] | undefined): Str[] | undefined => {
      if (!xs) return undefined;
      keyRanges[key] = this.range(8);
      return xs.map((x) => this.v(x));
    };
    const principals = (key: keyof Statement['keyRanges'], ps: StmtSpec['principals']): Principal[] | undefined => {
      if (!ps) return undefined;
      keyRanges[key] = this.range(9);
      return ps.map((p) => ({ type: p.type, value: this.v(p.value) }));
    };
    const start = this.range(1);
    keyRanges.effect = this.range(6);
    const st: Statement = {
      effect: spec.effect ?? 'Allow',
      actions: list('action', spec.actions),
      notActions: list('notAction', spec.notActions),
      resources: list('resource', spec.resources),
      notResources: list('notResource', spec.notResources),
      principals: principals('principal', spec.principals),
      notPrincipals: principals('notPrincipal', spec.notPrincipals),
      conditions: (spec.conditions ?? []).map(
        (c): Condition => ({ operator: c.op, key: c.key, values: c.values.map((x) => this.v(x)), range: this.range() }),
      ),
      range: start,
      keyRanges,
    };
    if (spec.conditionUnknown) st.conditionUnknown = true;
    if (spec.branch) st.branch = spec.branch;
    st.range = { ...start, endLine: this.line - 1 };
    return st;
  }

  policy(kind: PolicyKind, owner: string, statements: StmtSpec[], origin = `policy of ${owner}`): PolicyDocument {
    const start = this.range(1);
    const doc: PolicyDocument = { kind, owner, origin, statements: statements.map((s) => this.statement(s)), range: start };
    doc.range = { ...start, endLine: this.line - 1 };
    this.model.policies.push(doc);
    return doc;
  }

  identity(owner: string, ...statements: StmtSpec[]): PolicyDocument {
    return this.policy('identity', owner, statements);
  }

  permission(spec: PermissionSpec): LambdaPermission {
    const p: LambdaPermission = {
      owner: spec.owner ?? 'Permission',
      action: this.opt(spec.action ?? 'lambda:InvokeFunction'),
      principal: this.opt(spec.principal),
      functionName: this.opt(spec.functionName ?? UNKNOWN),
      sourceArn: this.opt(spec.sourceArn),
      sourceAccount: this.opt(spec.sourceAccount),
      principalOrgId: this.opt(spec.principalOrgId),
      eventSourceToken: this.opt(spec.eventSourceToken),
      functionUrlAuthType: this.opt(spec.functionUrlAuthType),
      range: this.range(),
      propertiesRange: this.range(),
    };
    if (spec.generatedBy) p.generatedBy = spec.generatedBy;
    this.model.permissions.push(p);
    return p;
  }

  url(owner: string, authType?: V): FunctionUrl {
    const u: FunctionUrl = { owner, authType: this.opt(authType), range: this.range() };
    this.model.functionUrls.push(u);
    return u;
  }

  env(owner: string, name: string, value: V): EnvVar {
    const e: EnvVar = { owner, name, nameRange: this.range(name.length), value: this.v(value) };
    this.model.envVars.push(e);
    return e;
  }

  managed(owner: string, arn: V): ManagedPolicyRef {
    const m: ManagedPolicyRef = { owner, arn: this.v(arn), range: this.range() };
    this.model.managedPolicies.push(m);
    return m;
  }
}

/** Runs a rule and checks the invariants every finding must hold. */
export function run(rule: Rule, model: TemplateModel): RawFinding[] {
  const out = rule.check(model);
  for (const f of out) {
    if (f.ruleId !== rule.meta.id) throw new Error(`finding with ruleId ${f.ruleId} from ${rule.meta.id}`);
    if (!f.message) throw new Error('empty message');
  }
  return out;
}

/** The start line of each finding, for compact assertions. */
export function lines(findings: readonly RawFinding[]): number[] {
  return findings.map((f) => f.range.startLine);
}
