// REST client for /api with bearer tokens, refresh-token rotation (one tab at a time, see refresh.ts) and problem+json errors.

import { browserLock, expiring, newest, refreshShared, type RefreshDeps } from './refresh';
import { readShared, removeShared, writeShared } from './shared';
import type { AuthResponse } from './wire';

const storageKey = 'poker.session';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  isAdmin: boolean;
  playerId: number;
  name: string;
}

export class ApiError extends Error {
  constructor(public readonly status: number, message: string, public readonly code?: string) {
    super(message);
  }
}

let session: Session | null = load();
let refreshing: Promise<Session | null> | null = null;

function parse(raw: string | null): Session | null {
  try {
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** This tab's session, else the one the tabs share (the last signed in or rotated) as this process last saw it. */
function load(): Session | null {
  try {
    return parse(sessionStorage.getItem(storageKey)) ?? parse(localStorage.getItem(storageKey));
  } catch {
    return null;
  }
}

/**
 * The session the tabs share as it is now: the newer of IndexedDB's (up to date across tabs) and localStorage's (in
 * case IndexedDB cannot be used).
 */
async function shared(): Promise<Session | null> {
  const indexed = await readShared<Session>(storageKey).catch(() => null);
  return newest(indexed, parse(localStorage.getItem(storageKey)));
}

/** Makes `next` the session new tabs start from and refreshing tabs look at. */
async function share(next: Session): Promise<Session> {
  localStorage.setItem(storageKey, JSON.stringify(next));
  await writeShared(storageKey, next).catch(() => undefined);
  return next;
}

/** Forgets the shared session (all of it, or only while it still holds `refreshToken`). */
async function unshare(refreshToken?: string): Promise<void> {
  if (refreshToken === undefined || parse(localStorage.getItem(storageKey))?.refreshToken === refreshToken) localStorage.removeItem(storageKey);
  const indexed = await readShared<Session>(storageKey).catch(() => null);
  if (indexed && (refreshToken === undefined || indexed.refreshToken === refreshToken)) await removeShared(storageKey).catch(() => undefined);
}

/** Makes `next` this tab's session. */
function keep(next: Session): Session {
  session = next;
  sessionStorage.setItem(storageKey, JSON.stringify(next));
  return next;
}

function fromAuth(auth: AuthResponse): Session {
  return {
    accessToken: auth.accessToken,
    refreshToken: auth.refreshToken,
    expiresAt: auth.expiresAt,
    isAdmin: auth.isAdmin,
    playerId: auth.player.profile.playerId,
    name: auth.player.profile.displayName,
  };
}

export function currentSession(): Session | null {
  return session;
}

export function signOut(): void {
  const ending = session;
  session = null;
  sessionStorage.removeItem(storageKey);
  void unshare();
  // The gateway revokes the refresh token (best effort: signing out works offline too).
  if (ending) {
    void fetch('/api/auth/logout', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: ending.refreshToken }),
    }).catch(() => undefined);
  }
}

async function post<T>(path: string, body: unknown, auth = true): Promise<T> {
  return request<T>('POST', path, body, auth);
}

async function signIn(path: string, body: unknown): Promise<AuthResponse> {
  const auth = await post<AuthResponse>(path, body, false);
  await share(keep(fromAuth(auth)));
  return auth;
}

export function signInGuest(name: string): Promise<AuthResponse> {
  return signIn('/api/auth/guest', { name });
}

export function signInTelegram(initData: string): Promise<AuthResponse> {
  return signIn('/api/auth/telegram', { initData });
}

/** The gateway refused the refresh token (unknown, used, revoked or expired); a 429 or 5xx is worth a later retry. */
const refused = (error: unknown): boolean => error instanceof ApiError && (error.status === 401 || error.status === 400);

// Only the tab holding the refresh lock writes the shared session (and sign-ins): a tab that takes tokens another
// tab rotated keeps them to itself, so an older session never overwrites a newer one.
const refreshDeps: RefreshDeps<Session> = {
  lock: browserLock(),
  shared,
  rotate: async (refreshToken) => {
    try {
      return await share(fromAuth(await request<AuthResponse>('POST', '/api/auth/refresh', { refreshToken }, false)));
    } catch (error) {
      // Refused: nobody can use it any more, so no tab starts from it again.
      if (refused(error)) await unshare(refreshToken);
      throw error;
    }
  },
  now: Date.now,
};

/**
 * Replaces the session's access token, one refresh at a time across tabs (see refresh.ts): null when there is no
 * session, when the gateway refused the refresh token (this tab is signed out), or when it could not answer now (the
 * session stays for a later try).
 */
export function refreshSession(): Promise<Session | null> {
  const held = session;
  if (!held) return Promise.resolve(null);
  refreshing ??= refreshShared(held, refreshDeps)
    .then(
      (next) => (session === held ? keep(next) : session),
      (error) => {
        if (refused(error) && session === held) {
          session = null;
          sessionStorage.removeItem(storageKey);
        }
        return null;
      },
    )
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** A valid access token (refreshed a minute before it expires) for REST and the SignalR accessTokenFactory. */
export async function accessToken(): Promise<string> {
  if (session && expiring(session, Date.now())) await refreshSession();
  return session?.accessToken ?? '';
}

/**
 * Calls the gateway; a 401 refreshes the session once and retries; a refusal is thrown as an ApiError carrying the
 * problem's code and title/detail, never returned as if it were the answer.
 */
async function call(method: string, path: string, body?: unknown, auth = true, retried = false): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) headers.Authorization = `Bearer ${await accessToken()}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && auth && !retried && (await refreshSession())) return call(method, path, body, auth, true);
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    let code: string | undefined;
    try {
      const problem = await response.json();
      message = problem.detail ?? problem.title ?? message;
      code = problem.code ?? problem.type;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, message, code);
  }
  return response;
}

/** Calls the gateway (see call) and reads the answer: JSON, else text; nothing for a 204. */
export async function request<T>(method: string, path: string, body?: unknown, auth = true): Promise<T> {
  const response = await call(method, path, body, auth);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** A file to save (a hand's PHH, say). */
  blob: async (path: string) => (await call('GET', path)).blob(),
};
