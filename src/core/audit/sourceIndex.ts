import type { LiveFunction } from '../inventory/accountModel';
import type { TemplateModel } from '../model/templateModel';

/** A function resource declared in a template of the workspace. */
export interface SourceResource {
  file: string;
  logicalId: string;
  /** 1-based line of the logical id. */
  line: number;
  /** Stack names this template is deployed as, when known (samconfig.toml `stack_name`, the folder name). */
  stackNames: string[];
  /** The template's model, to compare the deployed configuration with (drift). */
  model?: TemplateModel;
}

/** Where a deployed function was declared, with the template's model when it was kept. */
export interface SourceMatch {
  file: string;
  line: number;
  logicalId: string;
  model?: TemplateModel;
}

/** Finds the template resource a deployed function was created from. */
export interface SourceIndex {
  locate(fn: Pick<LiveFunction, 'tags'>): { file: string; line: number } | null;
  /** The same match with the logical id and the template's model. */
  match(fn: Pick<LiveFunction, 'tags'>): SourceMatch | null;
  readonly size: number;
}

const FUNCTION_TYPES = new Set(['AWS::Lambda::Function', 'AWS::Serverless::Function']);

/** The function resources of analysed templates (their models), with the stack names each may be deployed as. */
export function functionResources(model: TemplateModel, stackNames: string[]): SourceResource[] {
  return model.resources
    .filter((r) => FUNCTION_TYPES.has(r.type))
    .map((r) => ({ file: model.file, logicalId: r.logicalId, line: r.keyRange.startLine, stackNames, model }));
}

/**
 * Links through the tags CloudFormation puts on what it creates (`aws:cloudformation:logical-id`,
 * `aws:cloudformation:stack-name`). Several templates may declare the same logical id (every SAM
 * sample has a `HelloWorldFunction`): the one deployed under the tagged stack name wins, and an
 * ambiguous match without one links nowhere rather than to a guess.
 */
export function createSourceIndex(resources: SourceResource[]): SourceIndex {
  const byLogicalId = new Map<string, SourceResource[]>();
  for (const r of resources) byLogicalId.set(r.logicalId, [...(byLogicalId.get(r.logicalId) ?? []), r]);
  return {
    size: resources.length,
    match(fn) {
      const logicalId = fn.tags['aws:cloudformation:logical-id'];
      const stack = fn.tags['aws:cloudformation:stack-name'];
      const candidates = logicalId ? byLogicalId.get(logicalId) ?? [] : [];
      const byStack = stack ? candidates.filter((c) => c.stackNames.includes(stack)) : [];
      const pick = byStack.length === 1 ? byStack[0] : candidates.length === 1 ? candidates[0] : undefined;
      return pick ? { file: pick.file, line: pick.line, logicalId: pick.logicalId, model: pick.model } : null;
    },
    locate(fn) {
      const m = this.match(fn);
      return m ? { file: m.file, line: m.line } : null;
    },
  };
}

/** `stack_name = "orders"` lines of a samconfig.toml (any environment section). */
export function samconfigStackNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*stack_name\s*=\s*["']([^"']+)["']/gm)) out.push(m[1]);
  return out;
}
