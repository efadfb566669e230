import { describe, expect, it } from 'vitest';
import { newest, refreshShared, storageLock, type LeaseStorage, type Lock, type Tokens } from '../src/refresh';

const minute = 60_000;

/** Rotates refresh tokens like the gateway: each is used once; a used one presented again revokes its whole family. */
class Gateway {
  private next = 1;
  private readonly used = new Set<string>();
  readonly revoked = new Set<number>();
  presented: string[] = [];

  constructor(private readonly clock: { now: number }) {}

  signIn(playerId: number): Tokens {
    return this.issue(playerId, this.next++, 0);
  }

  async rotate(refreshToken: string): Promise<Tokens> {
    this.presented.push(refreshToken);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the round trip: other tabs run meanwhile
    const [player, family, generation] = refreshToken.split('.').slice(1).map(Number);
    if (this.used.has(refreshToken) || this.revoked.has(family)) {
      this.revoked.add(family);
      throw new Error('401 invalid_refresh_token');
    }
    this.used.add(refreshToken);
    return this.issue(player, family, generation + 1);
  }

  private issue(playerId: number, family: number, generation: number): Tokens {
    this.clock.now += 1_000; // each answer comes a little later than the one before
    return {
      accessToken: `access.${family}.${generation}`,
      refreshToken: `refresh.${playerId}.${family}.${generation}`,
      expiresAt: new Date(this.clock.now + 15 * minute).toISOString(),
      playerId,
    };
  }
}

/** localStorage as the tabs of one origin share it. */
class SharedStorage implements LeaseStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** An origin: the gateway, the storage its tabs share, and the lock each new tab gets. */
function origin(lockFor: (storage: SharedStorage, tab: number) => Lock) {
  const clock = { now: Date.parse('2026-11-27T12:00:00Z') };
  const gateway = new Gateway(clock);
  const storage = new SharedStorage();
  const shared = (): Tokens | null => JSON.parse(storage.getItem('session') ?? 'null');
  let tabs = 0;
  const tab = (held: Tokens) => {
    const lock = lockFor(storage, tabs++);
    const me = {
      held,
      async refresh() {
        me.held = await refreshShared(me.held, {
          lock,
          shared: async () => shared(),
          rotate: async (token) => {
            const next = await gateway.rotate(token);
            storage.setItem('session', JSON.stringify(next));
            return next;
          },
          now: () => clock.now,
        });
        return me.held;
      },
    };
    return me;
  };
  const signIn = (playerId: number) => {
    const tokens = gateway.signIn(playerId);
    storage.setItem('session', JSON.stringify(tokens));
    return tokens;
  };
  return { clock, gateway, storage, shared, tab, signIn };
}

/** Web Locks' exclusive mode within one process: tasks run one after another in request order. */
function mutex(): Lock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
const webLocks = () => {
  const lock = mutex();
  return () => lock;
};
const leases = () => (storage: SharedStorage, tab: number) => storageLock(storage, 'refresh-lock', { id: `tab${tab}`, settle: 2, poll: 1 });

describe.each([
  ['one lock for every tab (Web Locks)', webLocks],
  ['a lease in shared storage (fallback)', leases],
])('refreshing across tabs with %s', (_, lockFor) => {
  it('two tabs refreshing at once rotate the token once and both use the result; the family stays valid', async () => {
    const o = origin(lockFor());
    const first = o.signIn(7);
    const [a, b] = [o.tab(first), o.tab(first)];
    const [ra, rb] = await Promise.all([a.refresh(), b.refresh()]);

    expect(o.gateway.presented).toEqual([first.refreshToken]);
    expect(ra).toEqual(rb);
    expect(ra.refreshToken).not.toBe(first.refreshToken);
    expect(o.shared()).toEqual(ra);
    expect(o.gateway.revoked.size).toBe(0);

    // Later both expire again: B rotates from the shared tokens, A then takes B's.
    o.clock.now += 15 * minute;
    const rb2 = await b.refresh();
    const ra2 = await a.refresh();
    expect(ra2).toEqual(rb2);
    expect(o.gateway.presented).toEqual([first.refreshToken, ra.refreshToken]);
    expect(o.gateway.revoked.size).toBe(0);
  });

  it('five tabs at once: one rotation each round, no reuse', async () => {
    const o = origin(lockFor());
    const first = o.signIn(7);
    const tabs = Array.from({ length: 5 }, () => o.tab(first));
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all(tabs.map((t) => t.refresh()));
      expect(new Set(results.map((r) => r.refreshToken)).size).toBe(1);
      o.clock.now += 15 * minute;
    }
    expect(o.gateway.presented).toHaveLength(3);
    expect(new Set(o.gateway.presented).size).toBe(3);
    expect(o.gateway.revoked.size).toBe(0);
  });
});

describe('refreshShared', () => {
  it('without a lock two tabs present the same token and the gateway revokes the family (what the lock prevents)', async () => {
    const o = origin(() => (task) => task());
    const first = o.signIn(7);
    const results = await Promise.allSettled([o.tab(first).refresh(), o.tab(first).refresh()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(o.gateway.revoked.size).toBe(1);
  });

  it('a tab that slept through another tab\'s rotation takes the shared tokens and presents nothing', async () => {
    const o = origin(webLocks());
    const first = o.signIn(7);
    const [a, b] = [o.tab(first), o.tab(first)];
    const rotated = await a.refresh();
    expect(await b.refresh()).toEqual(rotated);
    expect(o.gateway.presented).toEqual([first.refreshToken]);
  });

  it('shared tokens rotated elsewhere but expiring are rotated from there, never from the spent token', async () => {
    const o = origin(webLocks());
    const first = o.signIn(7);
    const [a, b] = [o.tab(first), o.tab(first)];
    const rotated = await a.refresh();
    o.clock.now += 20 * minute;
    const next = await b.refresh();
    expect(o.gateway.presented).toEqual([first.refreshToken, rotated.refreshToken]);
    expect(next.refreshToken).not.toBe(rotated.refreshToken);
    expect(o.gateway.revoked.size).toBe(0);
  });

  it('a tab signed in separately (another family) moves onto the shared family instead of keeping two', async () => {
    const o = origin(webLocks());
    const own = o.signIn(7);
    const a = o.tab(own);
    const newer = o.signIn(7); // another tab signed in again (Telegram initData), sharing a new family
    expect(await a.refresh()).toEqual(newer);
    expect(o.gateway.presented).toEqual([]);
  });

  it('a shared session older than the tab\'s own (a store that lags) is not taken: the tab rotates its own token', async () => {
    const o = origin(webLocks());
    const stale = o.signIn(7);
    const a = o.tab(stale);
    const mine = await a.refresh();
    o.storage.setItem('session', JSON.stringify({ ...stale, refreshToken: 'refresh.7.5.0' }));
    o.clock.now += 15 * minute;
    await a.refresh();
    expect(o.gateway.presented).toEqual([stale.refreshToken, mine.refreshToken]);
  });

  it('newest picks the later issued session', () => {
    const at = (expiresAt: string) => ({ accessToken: '', refreshToken: expiresAt, expiresAt, playerId: 1 });
    const [early, late] = [at('2026-11-27T12:00:00Z'), at('2026-11-27T12:00:01Z')];
    expect(newest(early, late)).toBe(late);
    expect(newest(late, early)).toBe(late);
    expect(newest(null, early)).toBe(early);
    expect(newest(early, null)).toBe(early);
    expect(newest(null, null)).toBeNull();
  });

  it('another player\'s shared session is never taken: the tab rotates its own token', async () => {
    const o = origin(webLocks());
    const mine = o.signIn(7);
    const a = o.tab(mine);
    o.signIn(8); // another player signed in in another tab
    const next = await a.refresh();
    expect(next.playerId).toBe(7);
    expect(o.gateway.presented).toEqual([mine.refreshToken]);
  });

  it('a refused rotation reaches the caller and frees the lock for the next tab', async () => {
    const o = origin(webLocks());
    const first = o.signIn(7);
    const a = o.tab({ ...first, refreshToken: 'refresh.7.99.0' });
    o.storage.removeItem('session');
    o.gateway.revoked.add(99);
    await expect(a.refresh()).rejects.toThrow(/401/);
    o.signIn(7);
    const b = o.tab(first);
    await expect(b.refresh()).resolves.toMatchObject({ playerId: 7 });
  });
});

describe('storageLock', () => {
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  it('never lets two tabs inside at once, in any order of arrival, and releases after a failing task', async () => {
    const storage = new SharedStorage();
    const locks = [0, 1, 2].map((i) => storageLock(storage, 'k', { id: `t${i}`, settle: 2, poll: 1 }));
    let inside = 0;
    let most = 0;
    const task = (fail: boolean) => async () => {
      inside++;
      most = Math.max(most, inside);
      await sleep(3);
      inside--;
      if (fail) throw new Error('refused');
      return 'done';
    };
    const results = await Promise.allSettled(locks.flatMap((lock, i) => [lock(task(i === 1)), lock(task(false))]));
    expect(most).toBe(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(storage.items.has('k')).toBe(false);
  });

  it('two tabs claiming at once, with writes that reach the other tab late (localStorage across processes), end with one owner', async () => {
    // The browser applies writes in the order they reach it, `lag` after a tab made them; a tab reads its own
    // write at once and the other tab's only once it arrived.
    const lag = 3;
    const committed = new Map<string, string | null>();
    const tab = (): LeaseStorage => {
      const pending = new Map<string, string | null>();
      const write = (key: string, value: string | null) => {
        pending.set(key, value);
        setTimeout(() => {
          committed.set(key, value);
          if (pending.get(key) === value) pending.delete(key);
        }, lag);
      };
      return {
        getItem: (key) => (pending.has(key) ? pending.get(key)! : committed.get(key) ?? null),
        setItem: (key, value) => write(key, value),
        removeItem: (key) => write(key, null),
      };
    };
    const locks = ['a', 'b'].map((id) => storageLock(tab(), 'k', { id, settle: 4 * lag, poll: 1 }));
    let inside = 0;
    let most = 0;
    await Promise.all(locks.map((lock) => lock(async () => {
      inside++;
      most = Math.max(most, inside);
      await sleep(5 * lag);
      inside--;
    })));
    expect(most).toBe(1);
  });

  it('takes over a lease whose tab closed mid-refresh once it expired, and waits while it is valid', async () => {
    const storage = new SharedStorage();
    const clock = { now: 1_000 };
    storage.setItem('k', JSON.stringify({ owner: 'closed-tab', until: 5_000 }));
    const lock = storageLock(storage, 'k', { id: 'me', now: () => clock.now, settle: 1, poll: 1 });
    let ran = false;
    const pending = lock(async () => {
      ran = true;
      return JSON.parse(storage.getItem('k')!).owner;
    });
    await sleep(10);
    expect(ran).toBe(false);
    clock.now = 5_001;
    expect(await pending).toBe('me');
    expect(storage.items.has('k')).toBe(false);
  });

  it('leaves a lease another tab took over in place', async () => {
    const storage = new SharedStorage();
    const lock = storageLock(storage, 'k', { id: 'me', settle: 1, poll: 1 });
    await lock(async () => {
      storage.setItem('k', JSON.stringify({ owner: 'other', until: Date.now() + 60_000 }));
    });
    expect(JSON.parse(storage.getItem('k')!).owner).toBe('other');
  });
});
