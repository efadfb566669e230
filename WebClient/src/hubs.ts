// SignalR connections to /hubs/table and /hubs/lobby with automatic reconnect and a connection indicator.

import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { accessToken } from './api';
import { backoff } from './retry';

export type LinkState = 'connected' | 'reconnecting' | 'disconnected';

const listeners = new Set<(state: LinkState) => void>();
let tableHub: HubConnection | null = null;
let lobbyHub: HubConnection | null = null;

/** Subscribes to the table connection's state (the indicator in the header). */
export function onLinkState(listener: (state: LinkState) => void): void {
  listeners.add(listener);
}

function emit(state: LinkState): void {
  listeners.forEach((l) => l(state));
}

function build(path: string): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(path, { accessTokenFactory: accessToken })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (ctx) => backoff(ctx.previousRetryCount) })
    .configureLogging(LogLevel.Warning)
    .build();
}

const reconnectedHandlers = new Set<() => void>();

/** Runs after the table connection came back (watches must be renewed and state resynced). */
export function onTableReconnected(handler: () => void): () => void {
  reconnectedHandlers.add(handler);
  return () => reconnectedHandlers.delete(handler);
}

/** The shared /hubs/table connection, started on first use; it reconnects by itself, and restarts when it gave up. */
export async function tableConnection(): Promise<HubConnection> {
  if (!tableHub) {
    tableHub = build('/hubs/table');
    tableHub.onreconnecting(() => emit('reconnecting'));
    tableHub.onreconnected(() => {
      emit('connected');
      reconnectedHandlers.forEach((h) => h());
    });
    tableHub.onclose(() => {
      emit('disconnected');
      setTimeout(() => void restart(), 2000);
    });
  }
  if (tableHub.state === HubConnectionState.Disconnected) {
    await tableHub.start();
    emit('connected');
  }
  return tableHub;
}

async function restart(): Promise<void> {
  if (!tableHub || tableHub.state !== HubConnectionState.Disconnected) return;
  try {
    emit('reconnecting');
    await tableHub.start();
    emit('connected');
    reconnectedHandlers.forEach((h) => h());
  } catch {
    emit('disconnected');
    setTimeout(() => void restart(), 3000);
  }
}

/** The /hubs/lobby connection (tables, tableUpdated, tableRemoved). */
export async function lobbyConnection(): Promise<HubConnection> {
  if (!lobbyHub) {
    lobbyHub = build('/hubs/lobby');
    lobbyHub.onreconnecting(() => emit('reconnecting'));
    lobbyHub.onreconnected(() => emit('connected'));
    lobbyHub.onclose(() => emit('disconnected'));
    // The lobby page subscribes while it is shown; these keep the connection quiet while it is not.
    for (const method of ['tables', 'tableUpdated', 'tableRemoved']) lobbyHub.on(method, () => undefined);
  }
  if (lobbyHub.state === HubConnectionState.Disconnected) {
    await lobbyHub.start();
  }
  emit('connected');
  return lobbyHub;
}

/** Stops both connections (sign-out). */
export async function stopAll(): Promise<void> {
  await Promise.all([tableHub?.stop(), lobbyHub?.stop()]);
  tableHub = lobbyHub = null;
}

/** Test hook: drops the table connection's transport as a network failure would (used by the end-to-end tests). */
export function dropTableConnection(): void {
  const connection = tableHub as unknown as { connection?: { transport?: { _webSocket?: WebSocket; stop?: () => void } } } | null;
  const transport = connection?.connection?.transport;
  if (transport?._webSocket) transport._webSocket.close(4000, 'dropped');
  else void transport?.stop?.();
}
