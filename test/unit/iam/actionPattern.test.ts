import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expandActionPattern, globToRegExp, isWildcardPattern, validateAction } from '../../../src/core/iam/actionPattern';
import { listServices, serviceActions } from '../../../src/core/iam/catalog';
import { HOLE } from '../../../src/core/model/value';

test('s3:Get* expands to exactly the s3 actions starting with Get', () => {
  const got = expandActionPattern('s3:Get*');
  const expected = serviceActions('s3').filter((a) => a.name.startsWith('Get'));
  assert.ok(got.length > 20);
  assert.ok(got.every((a) => a.service === 's3' && a.name.startsWith('Get')));
  assert.deepEqual(new Set(got.map((a) => a.name)), new Set(expected.map((a) => a.name)));
});

test('matching is case-insensitive like IAM', () => {
  const names = (p: string) => expandActionPattern(p).map((a) => `${a.service}:${a.name}`).sort();
  assert.deepEqual(names('S3:get*'), names('s3:Get*'));
  assert.deepEqual(names('s3:getobject'), ['s3:GetObject']);
});

test('* covers every action of every service', () => {
  const all = expandActionPattern('*');
  assert.ok(all.length > 10000, `only ${all.length}`);
  const total = listServices().reduce((n, s) => n + serviceActions(s).length, 0);
  assert.equal(all.length, total);
  assert.equal(expandActionPattern('*:*').length, total);
});

test('service wildcards, suffix and ? patterns', () => {
  assert.deepEqual(expandActionPattern('s3:*').length, serviceActions('s3').length);
  const suffix = expandActionPattern('s3:*Object');
  assert.ok(suffix.length > 3);
  assert.ok(suffix.every((a) => a.name.endsWith('Object')));
  assert.ok(suffix.some((a) => a.name === 'GetObject') && suffix.some((a) => a.name === 'PutObject'));
  const q = expandActionPattern('s3:?etObject').map((a) => a.name).sort();
  assert.deepEqual(q, ['GetObject', 'SetObject'].filter((n) => serviceActions('s3').some((a) => a.name === n)));
  const svc = expandActionPattern('s?s:SendMessage');
  assert.ok(svc.some((a) => a.service === 'sqs'));
  assert.ok(svc.every((a) => /^s.s$/.test(a.service)));
  const getAll = expandActionPattern('*:GetSecretValue');
  assert.ok(getAll.some((a) => a.service === 'secretsmanager'));
});

test('unknown, malformed and HOLE patterns expand to nothing', () => {
  assert.deepEqual(expandActionPattern('s4:*'), []);
  assert.deepEqual(expandActionPattern('s3:NoSuchThing*'), []);
  assert.deepEqual(expandActionPattern('GetObject'), []);
  assert.deepEqual(expandActionPattern(`s3:${HOLE}`), []);
  assert.deepEqual(expandActionPattern(`s3:Get${HOLE}`), []);
  assert.deepEqual(expandActionPattern(HOLE), []);
});

test('isWildcardPattern', () => {
  assert.ok(isWildcardPattern('*'));
  assert.ok(isWildcardPattern('s3:Get*'));
  assert.ok(isWildcardPattern('s3:?etObject'));
  assert.equal(isWildcardPattern('s3:GetObject'), false);
  assert.equal(isWildcardPattern(`s3:${HOLE}`), false);
});

test('globToRegExp escapes regex syntax', () => {
  assert.ok(globToRegExp('a.b*').test('a.bc'));
  assert.equal(globToRegExp('a.b*').test('axbc'), false);
  assert.ok(globToRegExp('(x)').test('(X)'));
});

test('validateAction accepts known actions and patterns', () => {
  for (const a of ['s3:GetObject', 'S3:getobject', 's3:*', 's3:Get*', '*', 'iam:Put*Policy', 's?s:*']) assert.deepEqual(validateAction(a), { ok: true }, a);
});

test('validateAction reports typos with a suggestion', () => {
  assert.deepEqual(validateAction('s3:GetObjcet'), { ok: false, reason: 'unknown-action', suggestion: 's3:GetObject' });
  const s4 = validateAction('s4:GetObject');
  assert.equal(s4.ok, false);
  assert.equal(!s4.ok && s4.reason, 'unknown-service');
  const far = validateAction('s3:TotallyMadeUpAction');
  assert.deepEqual(far, { ok: false, reason: 'unknown-action' });
  assert.deepEqual(validateAction('s3:Gte*'), { ok: false, reason: 'unknown-action' });
  assert.deepEqual(validateAction('zz*:*'), { ok: false, reason: 'unknown-service' });
});

test('validateAction reports malformed entries', () => {
  for (const a of ['GetObject', 's3:', ':GetObject', 's3:Get Object', 's3:Get:Object', ' s3:GetObject']) {
    const r = validateAction(a);
    assert.equal(r.ok ? 'ok' : r.reason, 'malformed', a);
  }
});

test('validateAction cannot judge HOLE parts but still checks a literal service', () => {
  assert.deepEqual(validateAction(`s3:${HOLE}`), { ok: true });
  assert.deepEqual(validateAction(`${HOLE}:GetObject`), { ok: true });
  assert.deepEqual(validateAction(HOLE), { ok: true });
  const r = validateAction(`s4:${HOLE}`);
  assert.equal(r.ok ? 'ok' : r.reason, 'unknown-service');
});

test('property: an action is covered by any pattern made by wildcarding parts of its name', () => {
  const lambda = serviceActions('lambda');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: lambda.length - 1 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 4 }), fc.boolean(), (i, cuts, star) => {
      const name = lambda[i].name;
      const chars = [...name];
      for (const c of cuts) if (c < chars.length) chars[c] = star ? '*' : '?';
      const pattern = `lambda:${chars.join('')}`;
      const got = expandActionPattern(pattern);
      assert.ok(got.some((a) => a.name === name), pattern);
      const re = globToRegExp(chars.join(''));
      assert.equal(got.length, lambda.filter((a) => re.test(a.name)).length, pattern);
    }),
    { numRuns: 200 },
  );
});
