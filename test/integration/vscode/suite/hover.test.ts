import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expandActionPattern } from '../../../../src/core/iam/actionPattern';
import { api, hasRule, openDoc, waitForDiagnostics } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

async function hoverAt(doc: vscode.TextDocument, needle: string, offsetInNeedle = 1): Promise<string> {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, needle);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at + offsetInNeedle));
  return hoverText(hovers);
}

suite('hovers', () => {
  test('an IAM action shows its access level, description and resource types from the dataset', async () => {
    await api();
    const { doc } = await openDoc('infra/template.yaml');
    const text = await hoverAt(doc, 'dynamodb:PutItem');
    assert.match(text, /dynamodb:PutItem\*\* — Write/);
    assert.match(text, /Resource types: `table`/);
    assert.match(text, /Condition keys:/);
  });

  test('a wildcard shows how many actions it covers and which change state', async () => {
    const { doc } = await openDoc('infra/template.yaml');
    const text = await hoverAt(doc, 's3:*');
    const all = expandActionPattern('s3:*');
    const perms = all.filter((a) => a.accessLevels.includes('Permissions management')).map((a) => `s3:${a.name}`).sort();
    assert.ok(text.includes(`**s3:\\*** matches ${all.length} actions`), text);
    assert.match(text, /\*\*Write:\*\* `s3:/);
    assert.ok(text.includes(`**Permissions management:** \`${perms[0]}\``), 'sorted permissions-management actions');
  });

  test('a finding shows why it matters and how to fix it', async () => {
    const { doc } = await openDoc('infra/template.yaml');
    await waitForDiagnostics(doc.uri, (x) => x.some((d) => hasRule(d, 'LG007')));
    const text = await hoverAt(doc, 'sns.amazonaws.com');
    assert.match(text, /Lambda Guard LG007/);
    assert.match(text, /\*\*Why it matters:\*\*/);
    assert.match(text, /\*\*Fix:\*\*/);
  });
});
