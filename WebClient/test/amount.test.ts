import { describe, expect, it } from 'vitest';
import { wholeAmount } from '../src/amount';

describe('typed amounts', () => {
  it('takes a whole number above 0', () => {
    expect(wholeAmount('150')).toBe(150);
    expect(wholeAmount(' 40 ')).toBe(40);
  });

  it('refuses decimals, 0, negatives, an empty box and anything else (the server took whole numbers only)', () => {
    for (const typed of ['150.5', '100.5', '10.5', '15.5', '0', '-5', '', '  ', '1e3', 'abc', null, undefined, '99999999999999999999']) {
      expect(wholeAmount(typed), String(typed)).toBeNull();
    }
  });
});
