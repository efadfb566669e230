import { describe, expect, it } from 'vitest';
import { errorText, refusal, transient } from '../src/errors';
import { stringsOf } from '../src/i18n';

const [en, fa] = [stringsOf('en'), stringsOf('fa')];
const hub = (text: string) => new Error(`An unexpected error occurred invoking 'Act' on the server. HubException: ${text}`);

describe('refusals', () => {
  it('reads the code of a hub call and of a REST problem', () => {
    expect(refusal(hub('stale_action: That action was for an earlier turn; look at the table again')))
      .toEqual({ code: 'stale_action', detail: 'That action was for an earlier turn; look at the table again' });
    expect(refusal(Object.assign(new Error('The balance is 3 chips; 40 are needed.'), { status: 409, code: 'insufficient_balance' })).code)
      .toBe('insufficient_balance');
  });

  it('says the table codes in the player\'s language, never the server\'s English', () => {
    expect(fa.errorStale).not.toBe(en.errorStale);
    expect(errorText(hub('stale_action: That action was for an earlier turn'), 'fa')).toBe(fa.errorStale);
    expect(errorText(hub('below_minimum_raise: Raise to at least 8'), 'fa')).toBe(fa.errorAmount);
    expect(errorText(hub('not_your_turn: It is not your turn'), 'en')).toBe(en.errorStale);
    expect(errorText(Object.assign(new Error('x'), { code: 'insufficient_balance' }), 'en')).toBe(en.errorBalance);
    expect(errorText(hub('unavailable: The game servers are not reachable right now'), 'en')).toBe(en.errorUnavailable);
  });

  it('falls back to general terms in Persian and to the server\'s words in English', () => {
    expect(errorText(hub('out_of_limits: The big blind must be between 2 and 20'), 'fa')).toBe(fa.errorGeneric);
    expect(errorText(hub('out_of_limits: The big blind must be between 2 and 20'), 'en')).toBe('The big blind must be between 2 and 20');
    expect(errorText(new Error('Failed to fetch'), 'fa')).toBe(fa.errorGeneric);
    expect(errorText(Object.assign(new Error('A top-up must keep the stack at most 200 (now 150)'), { code: 'invalid_amount' }), 'en'))
      .toBe('A top-up must keep the stack at most 200 (now 150)');
    expect(errorText(new Error('Failed to fetch'), 'en')).toBe('Failed to fetch');
  });

  it('says a call made while the connection is down in the player\'s language, never SignalR\'s English', () => {
    const down = new Error("Cannot send data if the connection is not in the 'Connected' State.");
    expect(refusal(down).code).toBe('not_connected');
    expect(errorText(down, 'en')).toBe(en.errorNotConnected);
    expect(errorText(down, 'fa')).toBe(fa.errorNotConnected);
    expect(errorText(new Error('Invocation canceled due to the underlying connection being closed.'), 'en')).toBe(en.errorNotConnected);
    expect(en.errorNotConnected).toBe('Not connected — reconnecting…');
  });

  it('tells a refusal worth trying again from one that stays', () => {
    expect(transient(hub('unavailable: The game servers are not reachable right now'))).toBe(true);
    expect(transient(new Error("Cannot send data if the connection is not in the 'Connected' State."))).toBe(true);
    expect(transient(hub('not_found: Table t1 was not found'))).toBe(false);
    expect(transient(Object.assign(new Error('x'), { code: 'invalid_input' }))).toBe(false);
  });
});
