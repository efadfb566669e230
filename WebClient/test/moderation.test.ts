import { describe, expect, it } from 'vitest';
import { broadcastControls, broadcastProgress, reportRows } from '../src/moderation';
import type { Broadcast, ChatMessage, ChatReport } from '../src/wire';

const broadcast = (status: Broadcast['status']): Broadcast => ({
  id: 'b1', text: 'Freeroll <b>tonight</b>', startedBy: 7, startedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:01:00Z',
  status, cursor: 42, sent: 10, skipped: 2, failed: 1, changedBy: null,
});

const message = (id: number, playerId: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id, playerId, displayName: `<i>P${playerId}</i>`, text: '<script>x</script>', emote: null, sentAt: '2026-01-01T00:00:00Z', deleted: false, ...extra,
});

const report = (id: number, line: ChatMessage, reason: string | null = null): ChatReport => ({ id, tableId: 't1', message: line, reporterId: 9, reason, at: '2026-01-01T00:02:00Z' });

describe('broadcast controls', () => {
  it('start only when none runs or is paused; pause a running one, resume a paused one, cancel either', () => {
    expect(broadcastControls(null)).toEqual({ start: true, pause: false, resume: false, cancel: false });
    expect(broadcastControls(broadcast('Running'))).toEqual({ start: false, pause: true, resume: false, cancel: true });
    expect(broadcastControls(broadcast('Paused'))).toEqual({ start: false, pause: false, resume: true, cancel: true });
    expect(broadcastControls(broadcast('Done'))).toEqual({ start: true, pause: false, resume: false, cancel: false });
    expect(broadcastControls(broadcast('Cancelled')).start).toBe(true);
  });

  it('fills the progress line with the counts', () => {
    expect(broadcastProgress(broadcast('Running'), '{status}: {sent}/{skipped}/{failed}', 'running')).toBe('running: 10/2/1');
  });
});

describe('chat reports', () => {
  it('marks authors already muted, keeps texts as they are (drawn as text), shows an emote line by its symbol', () => {
    const rows = reportRows(
      [report(2, message(20, 5), 'spam'), report(1, message(10, 6, { text: '', emote: '👏' }))],
      [{ playerId: 5, mutedBy: 7, reason: 'spam', at: '2026-01-01T00:03:00Z' }]);

    expect(rows.map((r) => [r.reportId, r.messageId, r.playerId, r.muted, r.text, r.reason])).toEqual([
      [2, 20, 5, true, '<script>x</script>', 'spam'],
      [1, 10, 6, false, '👏', ''],
    ]);
    expect(rows[0].author).toBe('<i>P5</i>');
  });
});
