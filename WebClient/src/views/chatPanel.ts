// The chat panel at a table: the kept lines (text only: every name and line goes in as a text node, never as markup),
// an input and the emote buttons for seated players, and per line a menu to mute the sender for yourself or report it.

import { api } from '../api';
import { chatDraft, chatMaxLength, chatSender, mergeChat, visibleLines, type ChatLine, type ChatPost } from '../chat';
import { h, mount, toast } from '../dom';
import { t } from '../i18n';
import type { ChatMessage, ChatMutes } from '../wire';

export interface ChatPanel {
  el: HTMLElement;
  /** A line from the hub (posted or deleted). */
  receive(message: ChatMessage): void;
  /** Draws the input part again when the viewer sat down or left. */
  render(): void;
  /** Reloads the kept lines (after a reconnect: lines may have been missed). */
  reload(): Promise<void>;
}

export async function chatPanel(tableId: string, me: number, seated: () => boolean): Promise<ChatPanel> {
  const s = t();
  let messages: ChatMessage[] = [];
  let muted = new Set<number>();
  let emotes: Record<string, string> = {};
  let openMenu: number | null = null;
  let drawnSeated: boolean | null = null;

  const list = h('div.chat-lines', { id: 'chat-lines', role: 'log', 'aria-live': 'polite' });
  const controls = h('div.chat-controls', { id: 'chat-controls' });
  const mutedBar = h('div.chat-muted', { id: 'chat-muted' });
  const el = h('section.chat', { id: 'chat' }, h('h3', null, s.chat), list, mutedBar, controls);

  const lineEl = (line: ChatLine) => {
    const menu = !line.own && !line.deleted && openMenu === line.id
      ? h('span.chat-menu', null,
        h('button.chip', { 'data-chat-action': 'mute', onclick: () => void mute(line.playerId) }, s.chatMute),
        h('button.chip', { 'data-chat-action': 'report', onclick: () => void report(line.id) }, s.chatReport))
      : null;
    return h(`div.chat-line${line.own ? '.own' : ''}${line.deleted ? '.deleted' : ''}${line.emote ? '.emote' : ''}`,
      { 'data-id': line.id, 'data-player': line.playerId },
      h('span.chat-name', null, line.name),
      line.deleted ? h('span.chat-text.gone', null, s.chatDeleted) : h('span.chat-text', { dir: 'auto' }, line.text),
      !line.own && !line.deleted
        ? h('button.chat-more', { title: s.chatMenu, 'aria-label': s.chatMenu, onclick: () => { openMenu = openMenu === line.id ? null : line.id; renderLines(); } }, '⋯')
        : null,
      menu);
  };

  const renderLines = () => {
    const lines = visibleLines(messages, muted, me);
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
    mount(list, lines.length ? lines.map(lineEl) : h('div.chat-empty', null, s.chatEmpty));
    if (atBottom) list.scrollTop = list.scrollHeight;
    mount(mutedBar, muted.size
      ? h('button.link', { id: 'chat-show-muted', onclick: () => void unmuteAll() }, s.chatShowMuted.replace('{n}', String(muted.size)))
      : null);
  };

  // Drawn again only when the viewer sits down or leaves, so a table update never drops what is being typed.
  const render = () => {
    if (drawnSeated === seated()) return;
    drawnSeated = seated();
    if (!drawnSeated) return mount(controls, h('span.hint', null, s.chatSeatedOnly));
    const input = h('input', { type: 'text', id: 'chat-input', maxLength: chatMaxLength, placeholder: s.chatPlaceholder, dir: 'auto', autocomplete: 'off' }) as HTMLInputElement;
    const send = () => {
      const text = chatDraft(input.value);
      if (text !== null) void post({ text }).then((ok) => { if (ok) input.value = ''; });
    };
    input.onkeydown = (e) => { if (e.key === 'Enter') send(); };
    mount(controls,
      h('div.chat-emotes', null, Object.entries(emotes).map(([code, symbol]) =>
        h('button.emote', { 'data-emote': code, title: code, onclick: () => void post({ emote: code }) }, symbol))),
      h('div.chat-input', null, input, h('button.primary', { id: 'chat-send', onclick: send }, s.chatSend)));
  };

  const sender = chatSender((body) => api.post<ChatMessage>(`/api/tables/${tableId}/chat`, body));
  const post = async (line: ChatPost) => {
    try {
      // The hub brings the line too; merging by id shows it once.
      messages = mergeChat(messages, [await sender(line)]);
      renderLines();
      return true;
    } catch (e) {
      toast((e as Error).message, 'error');
      return false;
    }
  };

  const mute = async (playerId: number) => {
    try {
      muted = new Set((await api.put<ChatMutes>(`/api/players/me/chat-mutes/${playerId}`, {})).playerIds);
      openMenu = null;
      renderLines();
      toast(s.chatMuted);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };

  const unmuteAll = async () => {
    for (const playerId of muted) {
      muted = new Set((await api.del<ChatMutes>(`/api/players/me/chat-mutes/${playerId}`)).playerIds);
    }
    renderLines();
  };

  const report = async (id: number) => {
    try {
      await api.post(`/api/tables/${tableId}/chat/${id}/report`, {});
      openMenu = null;
      renderLines();
      toast(s.chatReported);
    } catch (e) {
      toast((e as Error).message, 'error');
    }
  };

  const reload = async () => {
    // Merged, not replaced: a line the hub brought while the list was on its way stays.
    messages = mergeChat(messages, await api.get<ChatMessage[]>(`/api/tables/${tableId}/chat`));
    renderLines();
  };

  [emotes, muted] = await Promise.all([
    api.get<Record<string, string>>('/api/chat/emotes').catch(() => ({})),
    api.get<ChatMutes>('/api/players/me/chat-mutes').then((m) => new Set(m.playerIds)).catch(() => new Set<number>()),
  ]);
  await reload().catch(() => renderLines());
  render();

  return {
    el,
    receive: (message) => {
      messages = mergeChat(messages, [message]);
      renderLines();
    },
    render,
    reload: () => reload().catch(() => undefined),
  };
}
