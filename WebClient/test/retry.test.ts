import { describe, expect, it } from 'vitest';
import { backoff, retry } from '../src/retry';

describe('retry', () => {
  it('tries again after each failure, waiting longer each time, until the task succeeds', async () => {
    let calls = 0;
    const waits: number[] = [];
    const failures: number[] = [];
    const ok = await retry(async () => { if (++calls < 4) throw new Error('unavailable'); }, () => true,
      (_, n) => { failures.push(n); }, async (ms) => { waits.push(ms); });

    expect(ok).toBe(true);
    expect(calls).toBe(4);
    expect(failures).toEqual([0, 1, 2]);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('stops once it is no longer wanted (the page was left)', async () => {
    let calls = 0;
    let wanted = true;
    const ok = await retry(async () => { calls++; throw new Error('down'); }, () => wanted, () => undefined,
      async () => { wanted = calls < 2; });

    expect(ok).toBe(false);
    expect(calls).toBe(2);
  });

  it('stops at a failure that trying again cannot change', async () => {
    let calls = 0;
    const ok = await retry(async () => { calls++; throw new Error('not_found'); }, () => true, () => false, async () => undefined);

    expect(ok).toBe(false);
    expect(calls).toBe(1);
  });

  it('waits at most ten seconds', () => {
    expect([0, 1, 4, 5, 30].map(backoff)).toEqual([500, 1000, 8000, 10_000, 10_000]);
  });
});
