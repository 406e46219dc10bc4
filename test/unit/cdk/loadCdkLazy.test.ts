import { test } from 'node:test';
import assert from 'node:assert/strict';

const tsLoaded = (): boolean => Object.keys(require.cache).some((k) => /[\\/]node_modules[\\/]typescript[\\/]/.test(k));

// Runs in its own process (node --test isolates files), so the module cache starts clean.
test('the TypeScript compiler is required only when a CDK file is analysed', async () => {
  assert.equal(tsLoaded(), false, 'typescript loaded before the test');
  const { isCdkSource } = await import('../../../src/core/iac/cdk/isCdkSource');
  const { loadCdkModel } = await import('../../../src/core/iac/cdk/loadCdk');
  assert.equal(isCdkSource('export const x = 1;'), false);
  assert.equal(tsLoaded(), false, 'importing the entry points must not load typescript');
  const { model } = loadCdkModel("import * as lambda from 'aws-cdk-lib/aws-lambda';\n", '/x/stack.ts');
  assert.equal(model.format, 'cdk');
  assert.equal(tsLoaded(), true);
});
