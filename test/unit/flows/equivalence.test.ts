import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { readlineAggregate } from '../../../bench/flows/readlineBaseline';
import { DEFAULT_FIELDS, FlowLayout } from '../../../src/core/flows/flowLayout';
import { aggregate, chunked } from './flowTestKit';

// The fast byte scanner against the straightforward readline + split implementation (the benchmark's
// baseline, written apart from it) on random input: valid and broken records, headers, blank lines,
// CRLF, any chunking. Totals, flows, gaps, skipped counts and the malformed line numbers must agree.

const OPTIONAL = ['version', 'account-id', 'interface-id', 'end', 'log-status', 'tcp-flags', 'pkt-srcaddr', 'pkt-dstaddr', 'flow-direction', 'vpc-id'];
const REQUIRED = ['srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'action'];

const layoutArb: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string[]>([...DEFAULT_FIELDS]) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.subarray(OPTIONAL), fc.shuffledSubarray(REQUIRED, { minLength: REQUIRED.length }), fc.integer({ min: 0, max: 1000 })).map(([opt, req, seed]): string[] => {
    const all = [...req, ...opt];
    // A seeded shuffle so that optional fields land anywhere.
    for (let i = all.length - 1; i > 0; i--) {
      const j = (seed * 31 + i * 17) % (i + 1);
      [all[i], all[j]] = [all[j], all[i]];
    }
    return all;
  }),
  },
  // Now and then a layout that lacks a required field: every record line is then malformed.
  { weight: 1, arbitrary: fc.constant<string[]>(['version', 'interface-id', 'srcaddr', 'dstaddr', 'bytes']) },
);

const junk = fc.string({ unit: fc.constantFrom(...'abcXYZ019 .-:/'.split('')), maxLength: 20 });

/** Values a record's field may validly hold (including odd but legal ones), by field. */
function validValues(f: string): string[] {
  switch (f) {
    case 'interface-id':
      return ['eni-0a1', 'eni-0b2', 'eni-0c3', 'eni-0a1', '-'];
    case 'srcaddr':
    case 'dstaddr':
    case 'pkt-srcaddr':
    case 'pkt-dstaddr':
      return ['10.0.0.1', '10.0.0.2', '10.0.1.7', '52.1.2.3', '203.0.113.9', '10.0.0.1', '2600:1f18::5', '010.0.0.1', '10.0.0.256'];
    case 'srcport':
    case 'dstport':
      return ['443', '5432', '3306', '22', '123', '0', '40000', '50000', '1500', '65535', '-'];
    case 'protocol':
      return ['6', '6', '17', '1'];
    case 'packets':
    case 'bytes':
      return ['0', '1', '40', '1500', '999999999999999'];
    case 'start':
      return ['1700000000', '1700003599', '1700003600', '1700007300', '9999999999'];
    case 'end':
      return ['1700000000', '1700003599', '1700003600', '1700007300', '-'];
    case 'tcp-flags':
      return ['0', '2', '3', '18', '19', '1', '-'];
    case 'action':
      return ['ACCEPT', 'ACCEPT', 'REJECT'];
    case 'log-status':
      return ['OK', 'OK', 'OK', 'OK', 'NODATA', 'SKIPDATA'];
    case 'flow-direction':
      return ['ingress', 'egress', '-', 'sideways'];
    default:
      return ['2', '5', '123456789012', 'vpc-1', '-'];
  }
}

/** Values that make a record malformed in the field they replace (or harmless where the field is ignored). */
const badValue = fc.oneof(fc.constantFrom('65536', '256', '1000000000000000', '10000000000', 'accept', 'BAD', '-', '12a', ''), junk);

const recordArb = (fields: string[]): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.tuple(...fields.map((f) => fc.constantFrom(...validValues(f)))),
      fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.nat({ max: fields.length - 1 }), badValue) }),
    )
    .map(([vals, mutation]) => {
      const out = [...vals];
      if (mutation) out[mutation[0]] = mutation[1];
      return out.join(' ');
    });

const lineArb = (fields: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 40, arbitrary: recordArb(fields) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: junk },
    { weight: 1, arbitrary: recordArb(fields).map((l) => `${l} extra`) },
    // An S3 header naming the same fields, or (rarely) other ones: the lines after it then no longer fit.
    { weight: 2, arbitrary: fc.constant(fields.join(' ')) },
    { weight: 1, arbitrary: layoutArb.map((l) => l.join(' ')) },
  );

const inputArb = layoutArb.chain((fields) =>
  fc.record({
    fields: fc.constant(fields),
    lines: fc.array(lineArb(fields), { minLength: 1, maxLength: 60, size: 'max' }),
    // Lines repeated later in the input, so that records merge into the same flows.
    repeats: fc.array(fc.nat(), { maxLength: 30, size: 'max' }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
    chunks: fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 5 }),
    hourly: fc.boolean(),
    known: fc.boolean(),
    fallback: fc.boolean(),
  }),
);

test('the fast scanner and the readline/split reference agree on random input', async () => {
  const seen = { records: 0, merged: 0, malformed: 0, gaps: 0, headers: 0 };
  await fc.assert(
    fc.asyncProperty(inputArb, async (x) => {
      const nl = x.crlf ? '\r\n' : '\n';
      const lines = [...x.lines, ...x.repeats.map((i) => x.lines[i % x.lines.length])];
      const text = lines.join(nl) + (x.finalNewline ? nl : '');
      const layout: FlowLayout = { fields: x.fields, origin: 'logFormat' };
      const options = {
        layout,
        hourly: x.hourly,
        interfaceId: x.fallback ? 'eni-0ff' : undefined,
        localAddresses: x.known ? new Map([['eni-0a1', ['10.0.0.1']]]) : undefined,
      };
      const chunks = chunked(Buffer.from(text, 'latin1'), x.chunks);
      const fast = await aggregate(chunks, options);
      const slow = await readlineAggregate(Readable.from(chunks), options);
      assert.equal(fast.records, slow.records);
      assert.deepEqual(fast.skipped, slow.skipped);
      assert.deepEqual(fast.flows, slow.flows);
      assert.deepEqual(fast.gaps, slow.gaps);
      assert.deepEqual(
        fast.malformed.map((m) => m.line),
        slow.malformed.map((m) => m.line),
      );
      seen.records += fast.records;
      seen.merged += fast.records - fast.flows.length;
      seen.malformed += fast.skipped.malformed;
      seen.gaps += fast.gaps.length;
      seen.headers += fast.skipped.header;
    }),
    { numRuns: 300 },
  );
  // The generator exercises every kind of line, not just broken ones.
  for (const [k, v] of Object.entries(seen)) assert.ok(v > 50, `${k}: ${v}`);
});
