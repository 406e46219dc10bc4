import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlowAggregator } from '../../../src/core/flows/flowAggregator';
import { protocolName, serviceName, servicePortOf, serviceSide, SIDE_DST, SIDE_SRC, SIDE_UNKNOWN } from '../../../src/core/flows/servicePorts';
import { aggregate } from './flowTestKit';

test('service side: well-known beats listed beats registered beats ephemeral; ties go to the lower port', () => {
  const cases: [number, number, number, number][] = [
    // [srcPort, dstPort, expected side, expected port]
    [49152, 443, SIDE_DST, 443],
    [443, 49152, SIDE_SRC, 443],
    [33000, 5432, SIDE_DST, 5432], // listed service vs ephemeral
    [1500, 5432, SIDE_DST, 5432], // a registered client port still loses to a listed service port
    [5432, 1500, SIDE_SRC, 5432],
    [20000, 60000, SIDE_SRC, 20000], // registered vs ephemeral
    [8080, 443, SIDE_DST, 443], // two service ports: the well-known one
    [40000, 50000, SIDE_SRC, 40000], // both ephemeral: the lower
    [2000, 3000, SIDE_DST, 3000], // 3000 is listed (http-dev), 2000 is not
    [123, 123, SIDE_UNKNOWN, 123], // NTP: no way to tell
    [0, 0, SIDE_UNKNOWN, 0], // ICMP
    [0, 80, SIDE_DST, 80],
  ];
  for (const [s, d, side, port] of cases) {
    const got = serviceSide(s, d, 6, 0);
    assert.equal(got, side, `${s} → ${d}`);
    assert.equal(servicePortOf(got, s, d), port, `${s} → ${d}`);
  }
});

test('service side with tcp-flags: SYN → destination, SYN-ACK → source, only for TCP', () => {
  assert.equal(serviceSide(3306, 20000, 6, 2), SIDE_DST);
  assert.equal(serviceSide(3306, 20000, 6, 3), SIDE_DST, 'SYN+FIN in one interval');
  assert.equal(serviceSide(20000, 3306, 6, 18), SIDE_SRC);
  assert.equal(serviceSide(20000, 3306, 6, 19), SIDE_SRC, 'SYN-ACK+FIN');
  assert.equal(serviceSide(20000, 3306, 6, 1), SIDE_DST, 'FIN only: the rank rule (3306 is listed)');
  assert.equal(serviceSide(3306, 20000, 17, 2), SIDE_SRC, 'flags ignored for UDP');
});

test('names for display', () => {
  assert.equal(serviceName(443, 6), 'https');
  assert.equal(serviceName(5432, 6), 'postgres');
  assert.equal(serviceName(6379, 6), 'redis');
  assert.equal(serviceName(3306, 6), 'mysql');
  assert.equal(serviceName(53, 17), 'dns');
  assert.equal(serviceName(443, 1), undefined);
  assert.equal(serviceName(12345, 6), undefined);
  assert.equal(protocolName(6), 'tcp');
  assert.equal(protocolName(99), '99');
});

const rec = (src: string, dst: string, sp: number, dp: number, bytes = 100): string => `2 1 eni-1 ${src} ${dst} ${sp} ${dp} 6 1 ${bytes} 1700000000 1700000060 ACCEPT OK`;

test('local side from the interface\'s own addresses: decides even a single private peer pair', async () => {
  // 10.0.0.2 is the interface and serves 8080 to 10.0.0.1: without the address this would be read as egress.
  const text = [rec('10.0.0.1', '10.0.0.2', 40000, 8080), rec('10.0.0.2', '10.0.0.1', 8080, 40000)].join('\n');
  const known = await aggregate(text, { hourly: false, localAddresses: new Map([['eni-1', ['10.0.0.2']]]) });
  assert.deepEqual(
    known.flows.map((f) => [f.localAddr, f.peer, f.port, f.direction, f.bytes, f.accepted]),
    [['10.0.0.2', '10.0.0.1', 8080, 'ingress', 200, 2]],
  );
  const guessed = await aggregate(text, { hourly: false });
  assert.deepEqual(
    guessed.flows.map((f) => [f.localAddr, f.peer, f.direction]),
    [['10.0.0.1', '10.0.0.2', 'egress']],
    'with nothing known, the interface is taken to be the client',
  );
});

test('local side inferred as the one address present in every flow group of the interface', async () => {
  // 10.0.0.5 serves 8080 to two peers and calls a database: it is in every group, the peers are not.
  const text = [rec('10.0.0.1', '10.0.0.5', 40000, 8080), rec('10.0.0.2', '10.0.0.5', 40001, 8080), rec('10.0.0.5', '10.0.9.9', 41000, 5432)].join('\n');
  const r = await aggregate(text, { hourly: false });
  assert.deepEqual(
    r.flows.map((f) => [f.localAddr, f.peer, f.port, f.direction]),
    [
      ['10.0.0.5', '10.0.0.1', 8080, 'ingress'],
      ['10.0.0.5', '10.0.0.2', 8080, 'ingress'],
      ['10.0.0.5', '10.0.9.9', 5432, 'egress'],
    ],
  );
});

test('local side by private vs public address when nothing else tells', async () => {
  const r = await aggregate(rec('203.0.113.50', '10.0.0.7', 443, 50000), { hourly: false });
  assert.deepEqual(
    r.flows.map((f) => [f.localAddr, f.peer, f.port, f.direction]),
    [['10.0.0.7', '203.0.113.50', 443, 'egress']],
  );
});

test('IPv6 and non-canonical addresses are kept as text and grouped exactly', async () => {
  const text = [
    '2 1 eni-1 2600:1f18::10 2600:1f18::20 40000 443 6 1 100 1700000000 1700000060 ACCEPT OK',
    '2 1 eni-1 2600:1f18::10 2600:1f18::20 40001 443 6 1 50 1700000000 1700000060 ACCEPT OK',
    '2 1 eni-1 010.0.0.1 10.0.0.2 40000 443 6 1 7 1700000000 1700000060 ACCEPT OK',
  ].join('\n');
  const r = await aggregate(text, { hourly: false });
  assert.deepEqual(
    r.flows.map((f) => [f.localAddr, f.peer, f.port, f.bytes]),
    [
      ['010.0.0.1', '10.0.0.2', 443, 7],
      ['2600:1f18::10', '2600:1f18::20', 443, 150],
    ],
  );
});

test('addGroup: pre-aggregated groups merge with records of the same flow and count as records', () => {
  const agg = new FlowAggregator({ hourly: false, localAddresses: new Map([['eni-9', ['10.1.1.1']]]) });
  agg.addGroup({ interfaceId: 'eni-9', srcAddr: '10.1.1.1', dstAddr: '10.1.2.2', port: 443, side: 'dst', protocol: 6, bytes: 1000, packets: 10, accepted: 4, rejected: 1, first: 1700000000, last: 1700000500 });
  agg.addGroup({ interfaceId: 'eni-9', srcAddr: '10.1.2.2', dstAddr: '10.1.1.1', port: 443, side: 'src', protocol: 6, bytes: 5000, packets: 20, accepted: 4, rejected: 0, first: 1699990000, last: 1700000100 });
  const r = agg.result();
  assert.equal(r.records, 9);
  assert.deepEqual(r.flows, [
    { interfaceId: 'eni-9', localAddr: '10.1.1.1', peer: '10.1.2.2', port: 443, protocol: 6, direction: 'egress', bytes: 6000, packets: 30, accepted: 8, rejected: 1, first: 1699990000, last: 1700000500 },
  ]);
});

test('isPublicAddress: private, shared, loopback, link-local, benchmarking, multicast and IPv6 local ranges are not the internet', async () => {
  const { isPublicAddress } = await import('../../../src/core/flows/ipAddress');
  for (const a of ['10.1.2.3', '172.31.0.9', '192.168.1.1', '100.64.0.1', '127.0.0.1', '169.254.169.254', '0.1.2.3', '198.18.0.7', '198.19.255.1', '224.0.0.251', '239.1.1.1', '255.255.255.255', '::1', '::', 'fd00::1', 'fe80::1', 'ff02::1', 'not-an-ip'])
    assert.equal(isPublicAddress(a), false, a);
  for (const a of ['8.8.8.8', '52.94.1.1', '203.0.113.9', '198.51.100.23', '192.0.2.1', '198.20.0.1', '223.255.255.1', '2600:1f18::1'])
    assert.equal(isPublicAddress(a), true, a);
});
