// Keeping a hub connection open, and the state the header shows for the connections. SignalR's automatic reconnect
// covers a dropped transport; a connection that closed for good (the server closed it, which skips automatic
// reconnect) is started again here.

import { HubConnectionState, type HubConnection } from '@microsoft/signalr';
import { retry, sleep } from './retry';

export type LinkState = 'connected' | 'reconnecting' | 'disconnected';

/** What keepOpen uses of a connection. */
export type Connection = Pick<HubConnection, 'state' | 'start' | 'onreconnecting' | 'onreconnected' | 'onclose'>;

/** The wait before a closed connection is started again: a server that closed it at its start may refuse it a moment. */
const restartAfter = 2_000;

/** How often a start under way elsewhere (the page's own) is looked at again, to take over if it failed. */
const startingPoll = 500;

/**
 * Shows `connection`'s state through `show` and runs `back` each time the connection came back, by automatic reconnect
 * or started again: what it missed meanwhile must be read again. A connection that closed is started again, waiting
 * longer after each failed start, while `kept()` says it is still wanted (a connection stopped on sign-out is not; it
 * shows nothing more).
 */
export function keepOpen(connection: Connection, show: (state: LinkState) => void, back: () => void, kept: () => boolean,
  wait: (ms: number) => Promise<void> = sleep): void {
  connection.onreconnecting(() => show('reconnecting'));
  connection.onreconnected(() => {
    show('connected');
    back();
  });
  connection.onclose(() => {
    if (!kept()) return;
    show('disconnected');
    // Started meanwhile by the page that needs it (tableConnection, lobbyConnection): that page reads what it shows. A
    // start of the page's still under way is waited for: when it fails the connection is closed still (and no close is
    // heard of a start that failed), so it is started here.
    const closed = () => kept() && connection.state === HubConnectionState.Disconnected;
    const starting = () => kept() && connection.state === HubConnectionState.Connecting;
    const restart = async (): Promise<boolean> => {
      for (;;) {
        while (starting()) await wait(startingPoll);
        if (await retry(() => { show('reconnecting'); return connection.start(); }, closed, () => show('disconnected'), wait)) return true;
        if (!starting()) return false;
      }
    };
    void wait(restartAfter)
      .then(restart)
      .then((started) => {
        if (!started) return;
        show('connected');
        back();
      });
  });
}

/**
 * The state of connections taken together: connected only while every one is, else the worst of theirs; disconnected
 * while the browser says it is offline (the connections learn it only when their keep-alive runs out, ~30 s later).
 */
export function overall(states: Iterable<LinkState>, online = true): LinkState {
  if (!online) return 'disconnected';
  const all = [...states];
  return all.includes('disconnected') ? 'disconnected' : all.includes('reconnecting') ? 'reconnecting' : 'connected';
}
