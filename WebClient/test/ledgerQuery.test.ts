import { describe, expect, it } from 'vitest';
import { firstPage, hasNextPage, ledgerQuery } from '../src/ledgerQuery';

describe('ledger filters', () => {
  it('sends only what is set, paging always', () => {
    expect(ledgerQuery(firstPage())).toBe('?page=1&pageSize=25');
    expect(ledgerQuery({ ...firstPage(10), kind: 'BuyIn', page: 3 })).toBe('?kind=BuyIn&page=3&pageSize=10');
  });

  it('turns local times into UTC instants and drops unreadable ones', () => {
    const from = '2030-01-02T03:04';
    const q = new URLSearchParams(ledgerQuery({ ...firstPage(), from, to: 'not a time' }));
    expect(q.get('from')).toBe(new Date(from).toISOString());
    expect(q.has('to')).toBe(false);
  });

  it('keeps page and size within what the gateway takes', () => {
    const q = new URLSearchParams(ledgerQuery({ ...firstPage(), page: 0, pageSize: 1000 }));
    expect([q.get('page'), q.get('pageSize')]).toEqual(['1', '100']);
  });

  it('offers a next page only after a full one', () => {
    expect(hasNextPage(25, 25)).toBe(true);
    expect(hasNextPage(24, 25)).toBe(false);
    expect(hasNextPage(0, 25)).toBe(false);
  });
});
