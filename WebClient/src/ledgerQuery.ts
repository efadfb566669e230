// The admin console's ledger filters (a player's ledger and every transaction share them): the query string of one
// page, and whether there is a next page.

/** The ledger kinds, as the gateway names them. */
export const ledgerKinds = ['Grant', 'BuyIn', 'CashOut', 'AdminAdjustment', 'TopUp', 'Prize', 'Rake'] as const;

export interface LedgerFilter {
  kind: string;
  /** A `datetime-local` value (the admin's local time) or ''. */
  from: string;
  to: string;
  page: number;
  pageSize: number;
}

export const firstPage = (pageSize = 25): LedgerFilter => ({ kind: '', from: '', to: '', page: 1, pageSize });

/** `?kind=…&from=…&to=…&page=…&pageSize=…` with only what is set; local times become UTC instants. */
export function ledgerQuery(filter: LedgerFilter): string {
  const query = new URLSearchParams();
  if (filter.kind) query.set('kind', filter.kind);
  for (const key of ['from', 'to'] as const) {
    const at = filter[key] ? new Date(filter[key]) : null;
    if (at && !Number.isNaN(at.getTime())) query.set(key, at.toISOString());
  }
  query.set('page', String(Math.max(1, Math.trunc(filter.page))));
  query.set('pageSize', String(Math.min(100, Math.max(1, Math.trunc(filter.pageSize)))));
  return `?${query.toString()}`;
}

/** A full page may have a next one; a short page is the last. */
export const hasNextPage = (shown: number, pageSize: number): boolean => shown >= pageSize;
