import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliIo } from '../../src/cli/cliCommand';
import { EXIT, exitStatusFor } from '../../src/cli/exitStatus';
import { main } from '../../src/cli/main';
import { writeOutput } from '../../src/cli/output';
import { flagValue, parseFlags } from '../../src/cli/parseFlags';
import { selectRules } from '../../src/cli/selectRules';
import { UsageError } from '../../src/cli/usageError';
import type { Finding } from '../../src/core/model/finding';
import { ALL_RULES } from '../../src/core/rules/registry';

// The shared plumbing later commands reuse: option parsing, rule selection, exit status, output.

const SPEC = { '--format': { alias: '-f', value: true, choices: ['text', 'json'] }, '--disable': { value: true, repeat: true }, '--no-color': {} };

test('parseFlags: values in every spelling, repeatable lists, positionals, --help', () => {
  const p = parseFlags(['a', '-f', 'json', '--disable=LG001,LG002', '--disable', 'LG003', '--no-color', 'b', '--help'], SPEC);
  assert.deepEqual(p.positionals, ['a', 'b']);
  assert.equal(flagValue(p, '--format'), 'json');
  assert.deepEqual(p.values.get('--disable'), ['LG001', 'LG002', 'LG003']);
  assert.equal(p.values.has('--no-color'), true);
  assert.equal(p.help, true);
  assert.equal(flagValue(parseFlags([], SPEC), '--format', 'text'), 'text');
  assert.deepEqual(parseFlags(['--', '-odd-name.yaml'], SPEC).positionals, ['-odd-name.yaml']);
});

test('parseFlags: unknown options, missing values and bad choices are usage errors that say which', () => {
  assert.throws(() => parseFlags(['--fromat', 'json'], SPEC), (e: Error) => e instanceof UsageError && e.message === 'unknown option --fromat');
  assert.throws(() => parseFlags(['--format'], SPEC), /--format needs a value/);
  assert.throws(() => parseFlags(['--format', '--no-color'], SPEC), /--format needs a value/);
  assert.throws(() => parseFlags(['-f', 'xml'], SPEC), /--format must be one of text\|json, not "xml"/);
  assert.throws(() => parseFlags(['--no-color=1'], SPEC), /--no-color takes no value/);
});

test('selectRules: --enable keeps only the named rules, --disable removes, unknown ids are refused', () => {
  assert.deepEqual(selectRules(undefined, ['lg012']), ['LG012']);
  const off = selectRules(['LG001', 'LG004'], ['LG004']);
  assert.equal(off.length, ALL_RULES.length - 1, 'only LG001 runs');
  assert.ok(!off.includes('LG001'));
  assert.throws(() => selectRules(['LG001', 'LG015x'], undefined), /--enable: unknown rule LG015X/);
  assert.throws(() => selectRules(undefined, ['LG0']), /--disable: unknown rule LG0 /);
});

const finding = (severity: Finding['severity'], suppressed = false): Finding => ({ ruleId: 'LG007', severity, message: 'm', suppressed });

test('exit status: findings at --fail-on or an incomplete scan fail; suppressed findings and --fail-on none never do', () => {
  const error = { file: 'a.yaml', message: 'bad' };
  assert.equal(exitStatusFor({ findings: [finding('warning')], errors: [] }, 'error'), EXIT.clean);
  assert.equal(exitStatusFor({ findings: [finding('warning')], errors: [] }, 'warning'), EXIT.failed);
  assert.equal(exitStatusFor({ findings: [finding('info')], errors: [] }, 'warning'), EXIT.clean);
  assert.equal(exitStatusFor({ findings: [finding('error', true)], errors: [] }, 'info'), EXIT.clean);
  assert.equal(exitStatusFor({ findings: [], errors: [error] }, 'error'), EXIT.failed);
  assert.equal(exitStatusFor({ findings: [finding('error')], errors: [error] }, 'none'), EXIT.clean);
  assert.deepEqual(EXIT, { clean: 0, failed: 1, usage: 2, internal: 3 });
});

function memoryIo(cwd: string): CliIo & { out: string; err: string } {
  const io = { cwd, out: '', err: '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  return io;
}

test('writeOutput writes under the working folder, or to stdout; an unwritable file is a usage error naming it', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lg-out-'));
  const io = memoryIo(dir);
  await writeOutput('{}', 'r.json', io);
  assert.equal(readFileSync(path.join(dir, 'r.json'), 'utf8'), '{}\n');
  await writeOutput('text\n', undefined, io);
  assert.equal(io.out, 'text\n');
  await assert.rejects(writeOutput('x', 'missing/r.json', io), (e: Error) => e instanceof UsageError && /^cannot write (the report to )?missing\/r\.json: .*(ENOENT|does not exist)/.test(e.message));
});

test('main: unknown commands and help for an unknown command are usage errors; each names what to try', async () => {
  const io = memoryIo(os.tmpdir());
  assert.equal(await main(['frobnicate'], io), EXIT.usage);
  assert.match(io.err, /^lambda-guard: unknown command "frobnicate" \(commands: scan, ([^)]*, )?rules(, [^)]*)?\)\nTry: lambda-guard --help\n$/);
  assert.equal(await main(['help', 'nope'], memoryIo(os.tmpdir())), EXIT.usage);
  const scanIo = memoryIo(os.tmpdir());
  assert.equal(await main(['scan', '--bogus'], scanIo), EXIT.usage);
  assert.equal(scanIo.err, 'lambda-guard: unknown option --bogus\nTry: lambda-guard scan --help\n');
});
