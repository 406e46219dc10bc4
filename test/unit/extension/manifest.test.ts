import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

// The extension manifest as the marketplace and VS Code read it: activation, contributions, trust.
const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
const c = pkg.contributes;

test('activation is on the languages and files that matter, never *', () => {
  assert.ok(!pkg.activationEvents.includes('*'));
  for (const e of ['onLanguage:yaml', 'onLanguage:json', 'onLanguage:typescript', 'workspaceContains:**/template.yaml', 'workspaceContains:**/samconfig.toml', 'workspaceContains:**/cdk.json']) {
    assert.ok(pkg.activationEvents.includes(e), e);
  }
  assert.equal(pkg.main, './dist/extension.js');
});

test('every menu entry names a contributed command, and every command has the Lambda Guard category', () => {
  const ids = new Set(c.commands.map((x: { command: string }) => x.command));
  for (const cmd of c.commands) assert.equal(cmd.category, 'Lambda Guard', cmd.command);
  for (const [menu, entries] of Object.entries(c.menus as Record<string, { command: string; when?: string }[]>)) {
    for (const e of entries) {
      assert.ok(ids.has(e.command), `${menu}: ${e.command}`);
      if (menu !== 'commandPalette') assert.ok(e.when, `${menu}: ${e.command} is scoped with when`);
    }
  }
  const views = new Set(Object.values(c.views as Record<string, { id: string }[]>).flat().map((v) => v.id));
  for (const m of ['view/title', 'view/item/context']) {
    for (const e of c.menus[m]) assert.ok(views.has(/view == ([\w.]+)/.exec(e.when)?.[1] ?? ''), `${m}: ${e.command} is scoped to a contributed view (${e.when})`);
  }
});

test('the Findings view lives in its own activity-bar container, with welcome content', () => {
  assert.equal(c.viewsContainers.activitybar[0].id, 'lambdaGuard');
  assert.ok(c.views.lambdaGuard.some((v: { id: string }) => v.id === 'lambdaGuard.findings'));
  assert.ok(c.viewsWelcome.some((w: { view: string; when: string }) => w.view === 'lambdaGuard.findings' && w.when === 'workbenchState == empty'));
});

test('Workspace Trust is limited and restricts only settings that exist', () => {
  const t = pkg.capabilities.untrustedWorkspaces;
  assert.equal(t.supported, 'limited');
  for (const s of t.restrictedConfigurations) assert.ok(c.configuration.properties[s], s);
  assert.ok(t.restrictedConfigurations.includes('lambdaGuard.disabledRules'));
});

// Which files are read, the skip list and the size limit belong to the core scan the CLI runs too: no setting
// may make the editor read differently.
test('the editor settings are rules, severities, scan trigger and startup scan; none changes which files are read', () => {
  const props = Object.keys(c.configuration.properties);
  for (const k of ['disabledRules', 'severityOverrides', 'scanOn', 'typingDelay', 'scanWorkspaceOnStartup']) assert.ok(props.includes(`lambdaGuard.${k}`), k);
  assert.deepEqual(props.filter((p) => /include|exclude|glob|fileSize|maxFile/i.test(p)), []);
  assert.deepEqual(c.configuration.properties['lambdaGuard.scanOn'].enum, ['type', 'save']);
});
