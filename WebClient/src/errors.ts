// A refusal as the player reads it: the codes a player can meet at a table in their language, anything else in general
// terms (in English, the server's own words).

import { stringsOf } from './i18n';

type ErrorKey = 'errorStale' | 'errorAmount' | 'errorNotAllowed' | 'errorBalance' | 'errorUnavailable' | 'errorNotConnected';

const keys: Record<string, ErrorKey> = {
  // The table moved on since the buttons were drawn.
  stale_action: 'errorStale', not_your_turn: 'errorStale', hand_over: 'errorStale', wrong_phase: 'errorStale', no_hand: 'errorStale',
  call_changed: 'errorStale', your_turn: 'errorStale',
  // A bet or raise out of range (a top-up's or buy-in's refusal names its limits: it keeps the server's words in English).
  below_minimum_raise: 'errorAmount', above_maximum: 'errorAmount', above_stack: 'errorAmount', bet_cap_reached: 'errorAmount',
  invalid_action: 'errorNotAllowed', cannot_check: 'errorNotAllowed', cannot_fold: 'errorNotAllowed', cannot_bet_or_raise: 'errorNotAllowed',
  bring_in_required: 'errorNotAllowed', wrong_discard_count: 'errorNotAllowed', not_in_hand: 'errorNotAllowed', all_in: 'errorNotAllowed',
  insufficient_balance: 'errorBalance', no_chips: 'errorBalance',
  unavailable: 'errorUnavailable', rate_limited: 'errorUnavailable',
  // SignalR's own words for a call while the connection is down or closing (the client names it not_connected).
  not_connected: 'errorNotConnected',
};

/** What SignalR says of a call made while its connection is not connected, or that the connection's end cut short. */
const notConnected = /not in the 'Connected' State|underlying connection being closed|connection (?:was )?stopped/i;

/**
 * The code and detail of a refusal: a REST problem's (ApiError), or the "code: detail" of a hub call's HubException
 * (SignalR prefixes it with its own words).
 */
export function refusal(error: unknown): { code?: string; detail: string } {
  const e = error as { code?: unknown; message?: unknown };
  const message = String(e?.message ?? error);
  if (typeof e?.code === 'string') return { code: e.code, detail: message };
  if (notConnected.test(message)) return { code: 'not_connected', detail: message };
  const hub = /HubException: ([a-z_]+): (.*)$/s.exec(message);
  return hub ? { code: hub[1], detail: hub[2] } : { detail: message.replace(/^.*HubException: /s, '') };
}

/** Whether trying again may succeed: the servers or the connection were out of reach, or the caller was rate limited. */
export function transient(error: unknown): boolean {
  const { code } = refusal(error);
  return code === undefined || code === 'unavailable' || code === 'rate_limited' || code === 'not_connected';
}

export function errorText(error: unknown, language: 'en' | 'fa'): string {
  const s = stringsOf(language);
  const { code, detail } = refusal(error);
  const key = code ? keys[code] : undefined;
  if (key) return s[key];
  return language === 'en' && detail ? detail : s.errorGeneric;
}
