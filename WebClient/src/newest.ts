// Look-ups whose answers may arrive out of order (several requests under way at once): only the answer to the newest
// one asked for a key is shown, an older one that arrives after it is dropped. No DOM here: unit-tested.

export interface Newest<K> {
  /** A look-up (or a change) for `key` starts: its ticket, which makes every earlier ticket for `key` stale. */
  ask(key: K): number;
  /** Whether the answer to `ticket` for `key` is still the newest one asked, and so is to be shown. */
  isNewest(key: K, ticket: number): boolean;
}

export function newestOnly<K>(): Newest<K> {
  const asked = new Map<K, number>();
  let tickets = 0;
  return {
    ask(key) {
      asked.set(key, ++tickets);
      return tickets;
    },
    isNewest: (key, ticket) => asked.get(key) === ticket,
  };
}
