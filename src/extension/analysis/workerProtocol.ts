import type { AnalyzeOptions, AnalyzeResult } from '../../core/scan/analyzeText';

/** Messages between the extension host and the analysis worker thread (no vscode here: both sides use it). */
export interface AnalyzeRequest {
  id: number;
  text: string;
  /** Workspace-relative path that findings carry. */
  file: string;
  /** Absolute path, for reading sibling files (CDK constant imports). */
  absPath?: string;
  opts: Omit<AnalyzeOptions, 'readSibling'>;
  /** Send the template model back (hovers use it); a workspace scan does not need it. */
  wantModel: boolean;
}

export type AnalyzeResponse = { id: number; result: AnalyzeResult } | { id: number; error: string };
