import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ruleById } from '../../../src/core/rules/registry';
import { scanPaths } from '../../../src/core/scan/scanPaths';

// `lambda-guard rules` promises which severities a rule's findings can take: every finding of the examples
// and of the acceptance sets (no user overrides) keeps that promise.
test('every finding has a severity its rule lists in RuleMeta.severities', async () => {
  const root = path.resolve(__dirname, '../../..');
  const seen = new Map<string, Set<string>>();
  for (const dir of ['examples', 'test/acceptance', 'test/acceptance-2', 'test/acceptance-3', 'test/acceptance-cdk', 'test/acceptance-cdk-2', 'test/acceptance-cdk-3']) {
    for (const f of (await scanPaths([dir], { cwd: root })).findings) {
      const meta = ruleById(f.ruleId)!.meta;
      assert.ok(meta.severities.includes(f.severity), `${f.ruleId} ${f.severity} at ${f.location?.file}:${f.location?.startLine}`);
      seen.set(f.ruleId, (seen.get(f.ruleId) ?? new Set()).add(f.severity));
    }
  }
  // The sets exercise both severities of the rules that have two.
  for (const id of ['LG001', 'LG002', 'LG009', 'LG010', 'LG011']) assert.equal(seen.get(id)?.size, 2, `${id}: ${[...(seen.get(id) ?? [])]}`);
});
