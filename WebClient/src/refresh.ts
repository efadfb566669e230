// Refresh-token rotation that is safe across tabs. The gateway treats a spent refresh token presented again as a
// stolen one and revokes its whole rotation family, so two tabs of the mini-app must never rotate the same token:
// refreshes run one at a time under a cross-tab lock, and a tab that gets the lock first looks at the tokens the
// tabs share, taking the ones another tab rotated to instead of presenting its own spent token.

/** The parts of a session the rotation looks at. */
export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  playerId: number;
}

/** Runs a task while holding a lock that is exclusive across the tabs of this origin. */
export type Lock = <T>(task: () => Promise<T>) => Promise<T>;

/** The lock's name (Web Locks) and storage key (the fallback). */
export const refreshLockName = 'orleans-poker-refresh';

/** An access token is refreshed this long before it expires. */
export const refreshMargin = 60_000;

/** Whether the session's access token expires within the refresh margin. */
export function expiring(tokens: Tokens, now: number): boolean {
  return Date.parse(tokens.expiresAt) - now < refreshMargin;
}

/** The later issued of two sessions (access tokens all live as long, so it expires last). */
export function newest<S extends Tokens>(a: S | null, b: S | null): S | null {
  if (!a || !b) return a ?? b;
  return Date.parse(b.expiresAt) > Date.parse(a.expiresAt) ? b : a;
}

export interface RefreshDeps<S extends Tokens> {
  lock: Lock;
  /**
   * The session the tabs share as it is now (another tab may have rotated it since this tab read it). It must see a
   * write another tab completed before it released the lock: localStorage does not promise that across processes.
   */
  shared(): Promise<S | null>;
  /** Presents a refresh token to the gateway and shares the session it answers with (throws when refused). */
  rotate(refreshToken: string): Promise<S>;
  now(): number;
}

/**
 * A session to use instead of `held`, whose access token expires or was refused. Under the lock: when the shared
 * session is the same player's, issued later and with another refresh token, another tab rotated (or signed in)
 * since; its tokens are used as they are while fresh, or rotated from there. Otherwise `held`'s token is rotated.
 */
export function refreshShared<S extends Tokens>(held: S, deps: RefreshDeps<S>): Promise<S> {
  return deps.lock(async () => {
    const shared = await deps.shared();
    const rotatedElsewhere = shared !== null && shared.playerId === held.playerId && shared.refreshToken !== held.refreshToken
      && Date.parse(shared.expiresAt) > Date.parse(held.expiresAt);
    if (rotatedElsewhere && !expiring(shared, deps.now())) return shared;
    return deps.rotate((rotatedElsewhere ? shared : held).refreshToken);
  });
}

/** The Web Locks API's exclusive lock `name`. */
export function webLock(locks: LockManager, name = refreshLockName): Lock {
  return (task) => locks.request(name, { mode: 'exclusive' }, () => task());
}

/** Storage the fallback lock keeps its lease in (localStorage, shared by the origin's tabs). */
export interface LeaseStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StorageLockOptions {
  /** This tab's owner id. */
  id?: string;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** A lease left by a tab that closed mid-refresh is taken over after this long. */
  lease?: number;
  /** How long a claim has to stay unchallenged: two tabs that write at the same moment both see the last write. */
  settle?: number;
  /** Polling interval while another tab holds the lease. */
  poll?: number;
}

interface Lease {
  owner: string;
  until: number;
}

/**
 * A lock for browsers without Web Locks: a lease `{ owner, until }` under `key` in storage the tabs share. A tab
 * claims a free or expired lease, waits `settle` and holds the lock if its claim is still the one stored.
 */
export function storageLock(storage: LeaseStorage, key = refreshLockName, options: StorageLockOptions = {}): Lock {
  const {
    id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    now = Date.now,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    lease = 20_000,
    settle = 40,
    poll = 50,
  } = options;
  const read = (): Lease | null => {
    try {
      const value = JSON.parse(storage.getItem(key) ?? 'null') as Lease | null;
      return value && typeof value.owner === 'string' && typeof value.until === 'number' ? value : null;
    } catch {
      return null;
    }
  };
  const acquire = async (): Promise<void> => {
    for (;;) {
      const current = read();
      if (current && current.owner !== id && current.until > now()) {
        await sleep(poll);
        continue;
      }
      storage.setItem(key, JSON.stringify({ owner: id, until: now() + lease } satisfies Lease));
      await sleep(settle);
      if (read()?.owner === id) return;
    }
  };
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    // Refreshes of this tab queue behind each other; the lease orders them against the other tabs.
    const run = queue.then(async () => {
      await acquire();
      try {
        return await task();
      } finally {
        if (read()?.owner === id) storage.removeItem(key);
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
}

/** No other tab to coordinate with (no Web Locks, no storage): the task runs as it is. */
const unlocked: Lock = (task) => task();

/** The best lock the browser has: Web Locks, else a lease in localStorage. */
export function browserLock(): Lock {
  // Web Locks need a secure context (https, localhost) and Safari 15.4 or newer.
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) return webLock(navigator.locks);
  try {
    if (typeof localStorage !== 'undefined') return storageLock(localStorage);
  } catch {
    // storage blocked (sandboxed web view)
  }
  return unlocked;
}
