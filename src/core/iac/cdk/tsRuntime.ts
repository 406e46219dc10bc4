import type * as TS from 'typescript';

let compiler: typeof TS | undefined;

/**
 * The compiler module object itself. `import * as ts` would reach it through the bundler's interop
 * wrapper, one getter call per `ts.isX` — and the analyzer makes hundreds of thousands of them.
 * Only modules of the (lazily loaded) analyzer call this.
 */
export function tsRuntime(): typeof TS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  compiler ??= require('typescript') as typeof TS;
  return compiler;
}
