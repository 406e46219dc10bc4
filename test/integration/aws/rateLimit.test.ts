/** Token bucket, pool and semaphore, on a simulated clock (no waiting in real time, no timing assertions). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapPool, Semaphore, TokenBucket, type Clock } from '../../../src/core/inventory/aws/rateLimit';

function fakeClock(): Clock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe('TokenBucket', () => {
  it('lets a burst through, then paces to the rate (GetPolicy: 15 per second)', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(15, 15, clock);
    const at: number[] = [];
    for (let i = 0; i < 45; i++) {
      await bucket.take();
      at.push(clock.t);
    }
    assert.deepEqual(at.slice(0, 15), new Array(15).fill(0));
    // The 16th waits one token (1000/15 ms); the 45th waits for 30 tokens = 2000 ms.
    assert.ok(Math.abs(at[15] - 1000 / 15) < 1e-6, String(at[15]));
    assert.ok(Math.abs(at[44] - 2000) < 1e-6, String(at[44]));
  });

  it('stops waiting when the signal fires', async () => {
    const bucket = new TokenBucket(1, 1, fakeClock());
    const controller = new AbortController();
    await bucket.take(controller.signal);
    controller.abort();
    await assert.rejects(bucket.take(controller.signal), { name: 'AbortError' });
  });
});

describe('mapPool and Semaphore', () => {
  it('keep at most N tasks running and results in order', async () => {
    let running = 0;
    let peak = 0;
    const task = async (x: number): Promise<number> => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setImmediate(r));
      running--;
      return x * 2;
    };
    assert.deepEqual(await mapPool([1, 2, 3, 4, 5, 6, 7], 3, task), [2, 4, 6, 8, 10, 12, 14]);
    assert.equal(peak, 3);
    peak = 0;
    const sem = new Semaphore(2);
    assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map((x) => sem.run(() => task(x)))), [2, 4, 6, 8, 10]);
    assert.equal(peak, 2);
  });
});
