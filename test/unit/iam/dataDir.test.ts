import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findIamDataDir, iamDataDir } from '../../../src/core/iam/dataDir';

test('iamDataDir finds the installed package data when no bundled copy exists', () => {
  const dir = iamDataDir();
  assert.ok(fs.existsSync(path.join(dir, 'services.json')));
  assert.ok(fs.existsSync(path.join(dir, 'actions', 's3.json')));
  assert.match(dir, /@cloud-copilot[\\/]iam-data[\\/]data$/);
});

test('findIamDataDir takes the first candidate that holds services.json', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-iam-'));
  try {
    const empty = path.join(tmp, 'empty');
    const bundled = path.join(tmp, 'iam-data');
    fs.mkdirSync(empty);
    fs.mkdirSync(bundled);
    fs.writeFileSync(path.join(bundled, 'services.json'), '[]');
    assert.equal(findIamDataDir([undefined, empty, bundled, iamDataDir()]), bundled);
    assert.throws(() => findIamDataDir([empty, undefined]), /IAM action data not found.*empty/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
