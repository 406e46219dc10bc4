import * as path from 'node:path';
import type * as TS from 'typescript';
import { ConstEvaluator, type ModuleResolver } from './constEvaluator';
import { relocate, type Value } from './cdkValue';
import { mutatedNames } from './mutatedNames';
import { tsRuntime } from './tsRuntime';

const ts = tsRuntime();

interface Loaded {
  sf: TS.SourceFile;
  ev: ConstEvaluator;
}

/** Budget: sibling files parsed per analysed file (imports of imports included). */
const MAX_FILES = 16;

/**
 * Constants imported from sibling files (`import { BUCKET } from './config'`): each sibling is parsed
 * once, its exported declarations evaluated on demand, and the value moved to the importing site.
 */
export class SiblingModules implements ModuleResolver {
  private readonly files = new Map<string, Loaded | null>();
  private readonly active = new Set<string>();

  constructor(private readonly read: (absPath: string) => string | undefined) {}

  /**
   * The sibling's path on the same footing as `fromFile`: absolute for an absolute file, relative (to
   * the caller's working directory, which `read` resolves) for a relative one.
   */
  resolve(fromFile: string, spec: string): string | undefined {
    const base = path.isAbsolute(fromFile) ? path.resolve(path.dirname(fromFile), spec) : path.join(path.dirname(fromFile), spec);
    const candidates = /\.[cm]?[jt]sx?$/.test(base)
      ? [base.replace(/\.([cm]?)js(x?)$/, '.$1ts$2'), base]
      : [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
    for (const c of candidates) if (this.load(c)) return c;
    return undefined;
  }

  exportValue(absFile: string, name: string, at: TS.Node): Value | undefined {
    const key = `${absFile}#${name}`;
    const f = this.load(absFile);
    if (!f || this.active.has(key)) return undefined;
    this.active.add(key);
    try {
      const v = this.findExport(f, absFile, name, at);
      return v && relocate(v, at, true);
    } finally {
      this.active.delete(key);
    }
  }

  private load(abs: string): Loaded | undefined {
    const hit = this.files.get(abs);
    if (hit !== undefined) return hit ?? undefined;
    if (this.files.size >= MAX_FILES) return undefined;
    let text: string | undefined;
    try {
      text = this.read(abs);
    } catch {
      text = undefined;
    }
    if (text === undefined) {
      this.files.set(abs, null);
      return undefined;
    }
    const sf = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const loaded = { sf, ev: new ConstEvaluator(sf, abs, mutatedNames(sf), this) };
    this.files.set(abs, loaded);
    return loaded;
  }

  private findExport(f: Loaded, abs: string, name: string, at: TS.Node): Value | undefined {
    for (const st of f.sf.statements) {
      if (ts.isVariableStatement(st) && st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        for (const d of st.declarationList.declarations) {
          if (ts.isIdentifier(d.name) && d.name.text === name) return f.ev.evalDeclaration(d);
        }
      }
      if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
        const from = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
        const clause = st.exportClause;
        if (!clause && from) {
          const target = this.resolve(abs, from);
          const v = target && this.exportValue(target, name, at);
          if (v) return v;
          continue;
        }
        if (!clause || !ts.isNamedExports(clause)) continue;
        for (const el of clause.elements) {
          if (el.name.text !== name) continue;
          const local = (el.propertyName ?? el.name).text;
          if (from) {
            const target = this.resolve(abs, from);
            return target ? this.exportValue(target, local, at) : undefined;
          }
          return this.topLevel(f, local);
        }
      }
    }
    return undefined;
  }

  /** A top-level `const` of the sibling, for `const X = …; export { X }`. */
  private topLevel(f: Loaded, local: string): Value | undefined {
    for (const st of f.sf.statements) {
      if (!ts.isVariableStatement(st)) continue;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === local) return f.ev.evalDeclaration(d);
    }
    return undefined;
  }
}
