// Admin console, the room: a broadcast to every player who started the bot (a form, then its progress with pause,
// resume and cancel), and chat moderation (reported lines with delete and mute, room-wide mutes with unmute). Every
// text is put in as text, never as markup.

import { api } from '../api';
import { h, mount, toast } from '../dom';
import { language, t } from '../i18n';
import { broadcastControls, broadcastProgress, reportRows } from '../moderation';
import type { Broadcast, ChatMute, ChatReport, PageResponse } from '../wire';

const when = (at: string) => new Date(at).toLocaleString(language() === 'fa' ? 'fa-IR' : 'en-US');

/** Runs an admin action, then draws the page again (a refusal shows the server's reason). */
const acting = (action: () => Promise<unknown>, redraw: () => Promise<void>) => async () => {
  try {
    await action();
    toast('✓');
    await redraw();
  } catch (e) {
    toast((e as Error).message, 'error');
  }
};

/** The broadcast form and the current (or last) broadcast's progress. */
export async function broadcastPage(body: HTMLElement): Promise<void> {
  const s = t();
  const current = (await api.get<Broadcast | undefined>('/api/admin/broadcast')) ?? null;
  const controls = broadcastControls(current);
  const redraw = () => broadcastPage(body);
  const names: Record<Broadcast['status'], string> = { Running: s.broadcastRunning, Paused: s.broadcastPaused, Done: s.broadcastDone, Cancelled: s.broadcastCancelled };
  const text = h('textarea', { id: 'broadcast-text', rows: '5', maxlength: '2000', placeholder: s.broadcastPlaceholder }) as HTMLTextAreaElement;
  const send = acting(async () => {
    if (!window.confirm(`${s.broadcastConfirm}\n\n${text.value.trim()}`)) return;
    await api.post('/api/admin/broadcast', { text: text.value });
  }, redraw);
  mount(body,
    h('section.card-box', { id: 'broadcast', 'data-status': current?.status ?? 'none' },
      h('h3', null, s.broadcast),
      current
        ? h('div', null,
          h('p', { id: 'broadcast-progress' }, broadcastProgress(current, s.broadcastProgress, names[current.status])),
          h('small', null, s.broadcastTimes.replace('{started}', when(current.startedAt)).replace('{by}', String(current.startedBy)).replace('{updated}', when(current.updatedAt))),
          h('pre.broadcast-text', null, current.text))
        : h('p', null, s.broadcastNone),
      h('div.act', null,
        controls.pause ? h('button', { id: 'broadcast-pause', onclick: acting(() => api.post('/api/admin/broadcast/pause'), redraw) }, s.pause) : null,
        controls.resume ? h('button', { id: 'broadcast-resume', onclick: acting(() => api.post('/api/admin/broadcast/resume'), redraw) }, s.resume) : null,
        controls.cancel ? h('button.danger', { id: 'broadcast-cancel', onclick: acting(() => api.post('/api/admin/broadcast/cancel'), redraw) }, s.cancel) : null,
        h('button', { id: 'broadcast-refresh', onclick: () => void redraw() }, s.refresh))),
    controls.start
      ? h('section.card-box', null, h('p', null, s.broadcastHint), text, h('button.primary', { id: 'broadcast-send', onclick: send }, s.broadcastSend))
      : null);
}

/** Reported chat lines (delete, mute the author) and the room-wide mutes (unmute). */
export async function chatPage(body: HTMLElement): Promise<void> {
  const s = t();
  const [reports, mutes] = await Promise.all([
    api.get<PageResponse<ChatReport>>('/api/admin/chat/reports?pageSize=100'),
    api.get<ChatMute[]>('/api/admin/chat/mutes'),
  ]);
  const redraw = () => chatPage(body);
  const reason = h('input', { id: 'mute-reason', placeholder: s.reason, maxlength: '200' }) as HTMLInputElement;
  const rows = reportRows(reports.items, mutes);
  mount(body,
    h('section.card-box', { id: 'chat-reports' }, h('h3', null, s.chatReports),
      rows.length === 0 ? h('p', null, s.chatNoReports) : h('div.grid', null,
        h('label', null, `${s.chatMute} — ${s.reason}: `, reason),
        rows.map((r) => h('div.row', { 'data-report': r.reportId, 'data-player': r.playerId },
          h('span', null, when(r.at)),
          h('span', null, h('a', { href: `#/admin/players/${r.playerId}` }, r.author), r.muted ? h('small.muted', null, ` ${s.mutedTag}`) : null),
          h('span.chat-text', null, r.text || s.chatDeleted),
          h('span', null, s.reportedBy.replace('{reporter}', String(r.reporterId)), r.reason ? `: ${r.reason}` : ''),
          h('span.act', null,
            h('button', { 'data-action': 'delete', onclick: acting(() => api.del(`/api/admin/tables/${encodeURIComponent(r.tableId)}/chat/${r.messageId}`), redraw) }, s.deleteMessage),
            r.muted ? null : h('button.danger', { 'data-action': 'mute', onclick: acting(() => api.put(`/api/admin/chat/mutes/${r.playerId}`, { reason: reason.value }), redraw) }, s.chatMute)))))),
    h('section.card-box', { id: 'chat-mutes' }, h('h3', null, s.chatMutes),
      mutes.length === 0 ? h('p', null, s.chatNoMutes) : h('div.grid', null, mutes.map((m) => h('div.row', { 'data-muted': m.playerId },
        h('a', { href: `#/admin/players/${m.playerId}` }, String(m.playerId)), h('span', null, when(m.at)), h('span', null, m.reason),
        h('span.act', null, h('button', { 'data-action': 'unmute', onclick: acting(() => api.del(`/api/admin/chat/mutes/${m.playerId}`), redraw) }, s.unmute)))))));
}
