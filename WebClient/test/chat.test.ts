import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api';
import { chatDraft, chatKept, chatMaxLength, chatSender, chatSendTries, mergeChat, visibleLines, type ChatPost } from '../src/chat';
import type { ChatMessage } from '../src/wire';

const line = (id: number, playerId: number, text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id, playerId, displayName: `P${playerId}`, text, emote: null, sentAt: '2026-01-01T00:00:00Z', deleted: false, ...extra,
});

describe('chat lines', () => {
  it('merges by id in id order, a repeated id replacing the line (a deletion) and showing it once', () => {
    const merged = mergeChat([line(2, 1, 'b'), line(1, 1, 'a')], [line(3, 2, 'c'), line(2, 1, '', { deleted: true }), line(3, 2, 'c')]);

    expect(merged.map((m) => [m.id, m.deleted])).toEqual([[1, false], [2, true], [3, false]]);
  });

  it('keeps a deletion when an older copy of the line comes after it, and a line the older list lacks', () => {
    const merged = mergeChat([line(1, 1, '', { deleted: true }), line(2, 2, 'new')], [line(1, 1, 'a')]);

    expect(merged.map((m) => [m.id, m.deleted, m.text])).toEqual([[1, true, ''], [2, false, 'new']]);
  });

  it('keeps the last lines only', () => {
    const many = Array.from({ length: chatKept + 5 }, (_, i) => line(i + 1, 1, `l${i}`));

    const merged = mergeChat([], many);

    expect(merged).toHaveLength(chatKept);
    expect(merged[0].id).toBe(6);
  });

  it('hides the lines of players the viewer muted, never their own, and shows no text of a deleted line', () => {
    const lines = [line(1, 1, 'mine'), line(2, 2, 'muted'), line(3, 3, 'gone', { deleted: true }), line(4, 3, '👏', { emote: 'clap' })];

    const visible = visibleLines(lines, new Set([2, 1]), 1);

    expect(visible.map((l) => [l.id, l.text, l.own, l.deleted, l.emote])).toEqual([
      [1, 'mine', true, false, false],
      [3, '', false, true, false],
      [4, '👏', false, false, true],
    ]);
  });

  it('passes markup through as the text it is (the panel puts it in text nodes)', () => {
    const markup = '<img src=x onerror="alert(1)"> & <b>bold</b>';

    const [shown] = visibleLines([line(1, 2, markup, { displayName: '<i>Eve</i>' })], new Set(), 1);

    expect([shown.name, shown.text]).toEqual(['<i>Eve</i>', markup]);
  });

  it('sends trimmed text of 1 to 200 characters only', () => {
    expect(chatDraft('  hi  ')).toBe('hi');
    expect(chatDraft('   ')).toBeNull();
    expect(chatDraft('x'.repeat(chatMaxLength))).toHaveLength(chatMaxLength);
    expect(chatDraft('x'.repeat(chatMaxLength + 1))).toBeNull();
  });
});

describe('sending a line', () => {
  const sent = line(9, 1, 'gl');
  const noWait = () => Promise.resolve();
  const unavailable = () => new ApiError(503, 'The service is unavailable', 'unavailable');

  /** A sender over a gateway that answers with `answer` (throw to refuse), recording the bodies and numbering the ids. */
  const sender = (answer: (tries: number) => ChatMessage) => {
    const bodies: Array<ChatPost & { requestId: string }> = [];
    let ids = 0;
    const send = chatSender(async (body) => {
      bodies.push(body);
      return answer(bodies.length);
    }, () => `id-${++ids}`, noWait);
    return { send, bodies };
  };

  it('sends a line again after a 503 under the same request id, and the next line under a new one', async () => {
    const { send, bodies } = sender((tries) => {
      if (tries === 1) throw unavailable();
      return sent;
    });

    expect(await send({ text: 'gl' })).toBe(sent);
    await send({ text: 'gl' });

    expect(bodies).toEqual([{ text: 'gl', requestId: 'id-1' }, { text: 'gl', requestId: 'id-1' }, { text: 'gl', requestId: 'id-2' }]);
  });

  it('gives up after a few tries and keeps the id for the same line sent again, not for another line', async () => {
    const { send, bodies } = sender(() => { throw unavailable(); });

    await expect(send({ emote: 'clap' })).rejects.toBeInstanceOf(ApiError);
    await expect(send({ emote: 'clap' })).rejects.toBeInstanceOf(ApiError);
    await expect(send({ text: 'clap' })).rejects.toBeInstanceOf(ApiError);

    expect(bodies.map((b) => b.requestId)).toEqual([...Array(2 * chatSendTries).fill('id-1'), ...Array(chatSendTries).fill('id-2')]);
  });

  it('does not try a refusal again', async () => {
    const { send, bodies } = sender(() => { throw new ApiError(429, 'Slow down', 'chat_rate_limited'); });

    await expect(send({ text: 'gl' })).rejects.toMatchObject({ code: 'chat_rate_limited' });

    expect(bodies).toHaveLength(1);
  });
});
