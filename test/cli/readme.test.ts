import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EXIT } from '../../src/cli/exitStatus';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/core/scan/analyzeOptions';
import { SKIPPED_DIRS } from '../../src/core/scan/walkFiles';

// The README documents what the CLI does: its figures and lists must be the code's and the labels'.
const ROOT = path.resolve(__dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = (title: string): string => README.slice(README.indexOf(`## ${title}`), README.indexOf('\n## ', README.indexOf(`## ${title}`) + 3));

test('README: the skip list and the size limit are the scan\'s', () => {
  const cli = section('Command line');
  for (const dir of SKIPPED_DIRS) assert.ok(cli.includes(`\`${dir}\``), `${dir} documented`);
  assert.ok(cli.includes(`larger than ${DEFAULT_MAX_FILE_SIZE / 1024 / 1024} MiB`));
  assert.ok(readFileSync(path.join(ROOT, 'docs/extension.md'), 'utf8').replace(/\s+/g, ' ').includes([...SKIPPED_DIRS].map((d) => `\`${d}\``).join(', ')), 'docs/extension.md lists the same folders');
});

test('README: every exit status is documented, and no other', () => {
  const rows = [...section('Command line').matchAll(/^\| (\d) \|/gm)].map((m) => Number(m[1]));
  assert.deepEqual(rows, Object.values(EXIT).sort());
});

test('README: the acceptance table counts what labels.json holds', () => {
  const rows = [...section('How it is checked').matchAll(/^ {2}\| `test\/(acceptance[\w-]*)`[^|]*\| (\d+) \((\d+) \w+\) \| (\d+) \| (\d+) \|/gm)];
  assert.equal(rows.length, 7);
  for (const [, set, files, sources, expected, negatives] of rows) {
    const labels = JSON.parse(readFileSync(path.join(ROOT, 'test', set, 'labels.json'), 'utf8')).files as { skipped?: boolean; error?: unknown; expect?: unknown[]; expectNot?: unknown[] }[];
    assert.equal(Number(files), labels.length, `${set} files`);
    assert.equal(Number(sources), labels.filter((l) => !l.skipped && !l.error).length, `${set} templates or sources`);
    assert.equal(Number(expected), labels.reduce((n, l) => n + (l.expect?.length ?? 0), 0), `${set} expected`);
    assert.equal(Number(negatives), labels.reduce((n, l) => n + (l.expectNot?.length ?? 0), 0), `${set} negative controls`);
  }
});
