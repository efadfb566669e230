// SignalR connections to /hubs/table and /hubs/lobby, kept open (link.ts), and the connection indicator.

import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { accessToken } from './api';
import { keepOpen, overall, type LinkState } from './link';
import { backoff } from './retry';

export type { LinkState } from './link';

const listeners = new Set<(state: LinkState) => void>();
const states = new Map<HubConnection, LinkState>();

/** Subscribes to the state of the connections taken together (the indicator in the header). */
export function onLinkState(listener: (state: LinkState) => void): void {
  listeners.add(listener);
}

function show(connection: HubConnection, state: LinkState): void {
  states.set(connection, state);
  tell();
}

/** Tells the listeners the connections' state taken together (nothing while no hub was used yet). */
function tell(): void {
  if (!states.size) return;
  const shown = overall(states.values(), navigator.onLine !== false);
  listeners.forEach((l) => l(shown));
}

// The browser knows at once that the network went (or came back); the connections only when their keep-alive runs out.
if (typeof window !== 'undefined') {
  window.addEventListener('offline', tell);
  window.addEventListener('online', tell);
}

function build(path: string): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(path, { accessTokenFactory: accessToken })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => backoff(ctx.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
}

/** One of the hubs: its connection is built and started on first use and kept open (keepOpen) until sign-out. */
class Hub {
  /** Null until first use and after sign-out. */
  connection: HubConnection | null = null;
  private readonly backHandlers = new Set<() => void>();

  /** `quiet`: methods the page that shows them subscribes to while it is shown; handlers keep the connection quiet while it is not. */
  constructor(private readonly path: string, private readonly quiet: string[] = []) {}

  async open(): Promise<HubConnection> {
    if (!this.connection) {
      const connection = build(this.path);
      this.connection = connection;
      for (const method of this.quiet) connection.on(method, () => undefined);
      keepOpen(connection, (state) => show(connection, state), () => this.backHandlers.forEach((h) => h()), () => this.connection === connection);
    }
    const connection = this.connection;
    if (connection.state === HubConnectionState.Disconnected) await connection.start();
    if (connection.state === HubConnectionState.Connected) show(connection, 'connected');
    return connection;
  }

  /** Runs `handler` each time the connection came back; returns what stops that. */
  onBack(handler: () => void): () => void {
    this.backHandlers.add(handler);
    return () => this.backHandlers.delete(handler);
  }

  /** Stops the connection for good (it is no longer kept, so it is not started again). */
  async stop(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    await connection?.stop();
  }
}

const tableHub = new Hub('/hubs/table');
const lobbyHub = new Hub('/hubs/lobby', ['tables', 'tableUpdated', 'tableRemoved']);

/** The shared /hubs/table connection, started on first use and kept open. */
export function tableConnection(): Promise<HubConnection> {
  return tableHub.open();
}

/** Runs after the table connection came back (watches must be renewed and state resynced). */
export function onTableReconnected(handler: () => void): () => void {
  return tableHub.onBack(handler);
}

/** The /hubs/lobby connection (tables, tableUpdated, tableRemoved), started on first use and kept open. */
export function lobbyConnection(): Promise<HubConnection> {
  return lobbyHub.open();
}

/** Runs after the lobby connection came back (the tables changed meanwhile must be read again). */
export function onLobbyReconnected(handler: () => void): () => void {
  return lobbyHub.onBack(handler);
}

/** Stops both connections (sign-out). */
export async function stopAll(): Promise<void> {
  states.clear();
  await Promise.all([tableHub.stop(), lobbyHub.stop()]);
}

/** Test hook: drops the table connection's transport as a network failure would (used by the end-to-end tests). */
export function dropTableConnection(): void {
  const connection = tableHub.connection as unknown as { connection?: { transport?: { _webSocket?: WebSocket; stop?: () => void } } } | null;
  const transport = connection?.connection?.transport;
  if (transport?._webSocket) transport._webSocket.close(4000, 'dropped');
  else void transport?.stop?.();
}
