// Table chat without the DOM: the kept lines (merged from the list and the hub by id), and what the panel shows of them.

import { transient } from './errors';
import { retry } from './retry';
import type { ChatMessage } from './wire';

/** Lines a table keeps (the gateway's ChatRules.Kept): the panel holds no more. */
export const chatKept = 50;

/** Longest line the gateway accepts, after trimming. */
export const chatMaxLength = 200;

/**
 * The lines with `incoming` merged in, whichever is newer (a list read back may arrive after a hub message): a known id
 * is replaced (a deletion) unless it was deleted already, a new one added; in id order, the last `chatKept`.
 */
export function mergeChat(lines: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const byId = new Map(lines.map((m) => [m.id, m]));
  for (const m of incoming) {
    if (!byId.get(m.id)?.deleted) byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id).slice(-chatKept);
}

/** One line as the panel shows it: text only, the sender's name as sent, whether the viewer may mute or report it. */
export interface ChatLine {
  id: number;
  playerId: number;
  name: string;
  text: string;
  deleted: boolean;
  emote: boolean;
  own: boolean;
}

/** What the viewer `me` sees: lines of players they muted are left out (nobody else is affected). */
export function visibleLines(lines: readonly ChatMessage[], muted: ReadonlySet<number>, me: number): ChatLine[] {
  return lines
    .filter((m) => !muted.has(m.playerId) || m.playerId === me)
    .map((m) => ({ id: m.id, playerId: m.playerId, name: m.displayName, text: m.deleted ? '' : m.text, deleted: m.deleted, emote: m.emote != null, own: m.playerId === me }));
}

/** The text to send: trimmed; null when empty or too long (the gateway refuses those). */
export function chatDraft(raw: string): string | null {
  const text = raw.trim();
  return text.length > 0 && text.length <= chatMaxLength ? text : null;
}

/** A line to post: a text or one of the emotes. */
export type ChatPost = { text: string } | { emote: string };

/** Tries of one send when the gateway or the network failed for a moment (503, no answer). */
export const chatSendTries = 3;

/**
 * Posts lines through `post`, each with a request id of its own that every resend of it carries, so the gateway stores
 * a line once however often it is sent (a 503 may come after the line was stored). A send that failed for a moment is
 * tried again (`chatSendTries` in all); after a failure that stays, the same line sent again (the player pressing send
 * once more) keeps its id. A line that was posted, or another line, gets a new id.
 */
export function chatSender(post: (body: ChatPost & { requestId: string }) => Promise<ChatMessage>, newId: () => string = () => crypto.randomUUID(),
  wait?: (ms: number) => Promise<void>): (line: ChatPost) => Promise<ChatMessage> {
  let pending: { key: string; requestId: string } | null = null;
  return async (line) => {
    const key = JSON.stringify(line);
    if (pending?.key !== key) pending = { key, requestId: newId() };
    const body = { ...line, requestId: pending.requestId };
    let tries = 0;
    let posted: ChatMessage | undefined;
    let failure: unknown;
    await retry(async () => { posted = await post(body); }, () => tries++ < chatSendTries, (error) => { failure = error; return transient(error); }, wait);
    if (posted === undefined) throw failure;
    if (pending?.requestId === body.requestId) pending = null;
    return posted;
  };
}
