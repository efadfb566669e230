// REST client for /api with bearer tokens, refresh-token rotation and problem+json errors.

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

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(storageKey) ?? localStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function store(auth: AuthResponse): Session {
  session = {
    accessToken: auth.accessToken,
    refreshToken: auth.refreshToken,
    expiresAt: auth.expiresAt,
    isAdmin: auth.isAdmin,
    playerId: auth.player.profile.playerId,
    name: auth.player.profile.displayName,
  };
  const raw = JSON.stringify(session);
  sessionStorage.setItem(storageKey, raw);
  localStorage.setItem(storageKey, raw);
  return session;
}

export function currentSession(): Session | null {
  return session;
}

export function signOut(): void {
  session = null;
  sessionStorage.removeItem(storageKey);
  localStorage.removeItem(storageKey);
}

async function post<T>(path: string, body: unknown, auth = true): Promise<T> {
  return request<T>('POST', path, body, auth);
}

export async function signInGuest(name: string): Promise<AuthResponse> {
  const auth = await post<AuthResponse>('/api/auth/guest', { name }, false);
  store(auth);
  return auth;
}

export async function signInTelegram(initData: string): Promise<AuthResponse> {
  const auth = await post<AuthResponse>('/api/auth/telegram', { initData }, false);
  store(auth);
  return auth;
}

async function refresh(): Promise<Session | null> {
  if (!session) return null;
  refreshing ??= (async () => {
    try {
      const auth = await request<AuthResponse>('POST', '/api/auth/refresh', { refreshToken: session!.refreshToken }, false);
      return store(auth);
    } catch {
      signOut();
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** A valid access token (refreshed a minute before it expires) for REST and the SignalR accessTokenFactory. */
export async function accessToken(): Promise<string> {
  if (session && Date.parse(session.expiresAt) - Date.now() < 60_000) await refresh();
  return session?.accessToken ?? '';
}

/** Calls the gateway; a 401 refreshes the session once and retries; errors carry the problem's title/detail. */
export async function request<T>(method: string, path: string, body?: unknown, auth = true, retried = false): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) headers.Authorization = `Bearer ${await accessToken()}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401 && auth && !retried && (await refresh())) return request<T>(method, path, body, auth, true);
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
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
