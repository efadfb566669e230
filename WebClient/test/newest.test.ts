import { describe, expect, it } from 'vitest';
import { newestOnly } from '../src/newest';

describe('newest look-up only', () => {
  it('shows the answer to the newest look-up of a key and drops an older one that arrives after it', () => {
    const places = newestOnly<string>();
    const first = places.ask('t1');
    const second = places.ask('t1');

    expect(places.isNewest('t1', second)).toBe(true);
    expect(places.isNewest('t1', first)).toBe(false);
  });

  it('keeps the keys apart', () => {
    const places = newestOnly<string>();
    const t1 = places.ask('t1');
    const t2 = places.ask('t2');

    expect(places.isNewest('t1', t1)).toBe(true);
    expect(places.isNewest('t2', t2)).toBe(true);
    expect(places.isNewest('t3', t1)).toBe(false);
  });
});
