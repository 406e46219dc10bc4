import type { TemplateModel } from '../../model/templateModel';
import type { TNode } from '../tree/tnode';
import type { ResolveContext } from './resolveContext';

/** What a resource extractor needs: resolution context, the model it fills, and the template's globals. */
export interface ExtractContext {
  rc: ResolveContext;
  model: TemplateModel;
  /** Parses a policy written as a JSON string. */
  parseString: (n: TNode) => TNode | undefined;
  /** SAM `Globals.Function`. */
  functionGlobals?: TNode;
}

export type ResourceExtractor = (id: string, resource: TNode, props: TNode | undefined, ctx: ExtractContext) => void;
