import { describe, expect, it } from 'vitest';
import { chatDraft, chatKept, chatMaxLength, mergeChat, visibleLines } from '../src/chat';
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
