import type { FunctionInfo } from '../model/lambdaResources';
import type { SourceRange } from '../model/sourceRange';
import type { TemplateModel } from '../model/templateModel';

const indexes = new WeakMap<TemplateModel, Map<string, FunctionInfo>>();

function functionIndex(model: TemplateModel): Map<string, FunctionInfo> {
  let index = indexes.get(model);
  if (!index || index.size !== model.functions.length) {
    index = new Map(model.functions.map((f) => [f.owner, f]));
    indexes.set(model, index);
  }
  return index;
}

function inside(inner: SourceRange, outer: SourceRange): boolean {
  return inner.startLine >= outer.startLine && inner.endLine <= outer.endLine;
}

/**
 * ` (set in Globals, inherited by function X)` when a SAM function's value comes from `Globals` (a Serverless
 * function's from `provider`), else ''.
 * One Globals line then yields one finding per function that inherits it: each function's Metadata can
 * suppress its own, and a suppression on one function does not hide the line for the others.
 */
export function globalsNote(model: TemplateModel, owner: string, range: SourceRange): string {
  if (model.format === 'serverless' && owner === 'provider') return ' (in provider.environment: every function gets it)';
  if (model.format !== 'sam' && model.format !== 'serverless') return '';
  const fn = functionIndex(model).get(owner);
  if (!fn || inside(range, fn.range)) return '';
  // Serverless functions inherit from `provider` (provider.environment) the way SAM functions do from Globals.
  return ` (set in ${model.format === 'sam' ? 'Globals' : 'provider'}, inherited by function ${owner})`;
}
