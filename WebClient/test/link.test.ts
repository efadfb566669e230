import { HubConnectionState } from '@microsoft/signalr';
import { describe, expect, it } from 'vitest';
import { keepOpen, overall, type LinkState } from '../src/link';

/** A hub connection whose events the test fires; `start` fails while `refusing` is above zero. */
class FakeConnection {
  state = HubConnectionState.Connected;
  starts = 0;
  refusing = 0;
  private readonly handlers: Record<'reconnecting' | 'reconnected' | 'close', (() => void)[]> = { reconnecting: [], reconnected: [], close: [] };

  onreconnecting(handler: () => void) { this.handlers.reconnecting.push(handler); }
  onreconnected(handler: () => void) { this.handlers.reconnected.push(handler); }
  onclose(handler: () => void) { this.handlers.close.push(handler); }

  async start() {
    this.starts++;
    if (this.refusing > 0) {
      this.refusing--;
      throw new Error('unavailable');
    }
    this.state = HubConnectionState.Connected;
  }

  fire(event: 'reconnecting' | 'reconnected' | 'close') {
    if (event === 'close') this.state = HubConnectionState.Disconnected;
    if (event === 'reconnected') this.state = HubConnectionState.Connected;
    this.handlers[event].forEach((h) => h());
  }
}

/** keepOpen on `connection`, recording what it shows and waits; `cameBack` resolves when it ran the handler of coming back. */
function kept(connection: FakeConnection, wanted = () => true, waited: (ms: number, waits: number) => void = () => undefined) {
  const shown: LinkState[] = [];
  const waits: number[] = [];
  let back = 0;
  let resolve: () => void = () => undefined;
  const cameBack = new Promise<void>((r) => { resolve = r; });
  keepOpen(connection, (state) => shown.push(state), () => { back++; resolve(); }, wanted, async (ms) => {
    waits.push(ms);
    waited(ms, waits.length);
  });
  return { shown, waits, back: () => back, cameBack };
}

/** keepOpen on `connection`, which its page starts during the first wait, the start ending in `outcome` while the restart waits on it. */
function startedByPageMeanwhile(connection: FakeConnection, outcome: HubConnectionState) {
  return kept(connection, () => true, (_, waits) => {
    if (waits === 1) connection.state = HubConnectionState.Connecting;
    else if (connection.state === HubConnectionState.Connecting) connection.state = outcome;
  });
}

/** Lets every pending step of the (instantly waiting) restart run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('keepOpen', () => {
  it('starts a connection the server closed again, shows it back and runs what reads the missed changes again', async () => {
    const connection = new FakeConnection();
    const link = kept(connection);

    connection.fire('close');
    await link.cameBack;

    expect(connection.starts).toBe(1);
    expect(link.back()).toBe(1);
    expect(link.shown).toEqual(['disconnected', 'reconnecting', 'connected']);
    expect(connection.state).toBe(HubConnectionState.Connected);
  });

  it('tries again, waiting longer each time, while the gateway refuses the connection', async () => {
    const connection = new FakeConnection();
    connection.refusing = 2;
    const link = kept(connection);

    connection.fire('close');
    await link.cameBack;

    expect(connection.starts).toBe(3);
    expect(link.back()).toBe(1);
    expect(link.waits).toEqual([2000, 500, 1000]);
    expect(link.shown).toEqual(['disconnected', 'reconnecting', 'disconnected', 'reconnecting', 'disconnected', 'reconnecting', 'connected']);
  });

  it('starts a connection again whose start by its page was under way when the restart looked, and then failed', async () => {
    const connection = new FakeConnection();
    const link = startedByPageMeanwhile(connection, HubConnectionState.Disconnected);

    connection.fire('close');
    await settled();

    expect(connection.starts).toBe(1);
    expect(link.back()).toBe(1);
    expect(link.waits).toEqual([2000, 500]);
    expect(link.shown).toEqual(['disconnected', 'reconnecting', 'connected']);
    expect(connection.state).toBe(HubConnectionState.Connected);
  });

  it('leaves a connection its page started meanwhile to the page', async () => {
    const connection = new FakeConnection();
    const link = startedByPageMeanwhile(connection, HubConnectionState.Connected);

    connection.fire('close');
    await settled();

    expect(connection.starts).toBe(0);
    expect(link.back()).toBe(0);
    expect(link.waits).toEqual([2000, 500]);
    expect(link.shown).toEqual(['disconnected']);
  });

  it('leaves a connection closed on purpose (signed out) closed and shows nothing of it', async () => {
    const connection = new FakeConnection();
    const link = kept(connection, () => false);

    connection.fire('close');

    expect(link.waits).toEqual([]);
    expect(connection.starts).toBe(0);
    expect(link.shown).toEqual([]);
  });

  it('shows an automatic reconnect and runs what reads the missed changes again once it is back', () => {
    const connection = new FakeConnection();
    const link = kept(connection);

    connection.fire('reconnecting');
    connection.fire('reconnected');

    expect(link.shown).toEqual(['reconnecting', 'connected']);
    expect(link.back()).toBe(1);
    expect(connection.starts).toBe(0);
  });
});

describe('overall link state', () => {
  it('is connected only while every connection is, and shows the worst of them', () => {
    expect(overall(['connected', 'connected'])).toBe('connected');
    expect(overall(['connected', 'reconnecting'])).toBe('reconnecting');
    expect(overall(['reconnecting', 'disconnected', 'connected'])).toBe('disconnected');
  });

  it('is disconnected at once while the browser is offline, whatever the connections still think', () => {
    expect(overall(['connected', 'connected'], false)).toBe('disconnected');
    expect(overall(['connected'], true)).toBe('connected');
  });
});
