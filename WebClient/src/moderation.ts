// The admin console's pure parts for the broadcast and chat moderation (src/views/adminRoom.ts draws them).

import type { Broadcast, ChatMute, ChatReport } from './wire';

/** What an admin may do with the broadcast as it stands: start a new one, pause, resume or cancel this one. */
export function broadcastControls(current: Broadcast | null): { start: boolean; pause: boolean; resume: boolean; cancel: boolean } {
  const status = current?.status;
  const active = status === 'Running' || status === 'Paused';
  return { start: !active, pause: status === 'Running', resume: status === 'Paused', cancel: active };
}

/** The progress line: `{status} · sent … · skipped … · failed …` with the template's placeholders filled. */
export function broadcastProgress(current: Broadcast, template: string, statusName: string): string {
  return template.replace('{status}', statusName).replace('{sent}', String(current.sent))
    .replace('{skipped}', String(current.skipped)).replace('{failed}', String(current.failed));
}

/** One reported line as the admin sees it: the line's text (its emote when it is one), and whether its author is muted room-wide. */
export interface ReportRow {
  reportId: number;
  tableId: string;
  messageId: number;
  playerId: number;
  author: string;
  text: string;
  reporterId: number;
  reason: string;
  at: string;
  muted: boolean;
}

/** The reports, newest first as listed, each marked with whether its author is already muted. */
export function reportRows(reports: ChatReport[], mutes: ChatMute[]): ReportRow[] {
  const muted = new Set(mutes.map((m) => m.playerId));
  return reports.map((r) => ({
    reportId: r.id,
    tableId: r.tableId,
    messageId: r.message.id,
    playerId: r.message.playerId,
    author: r.message.displayName,
    text: r.message.text || (r.message.emote ?? ''),
    reporterId: r.reporterId,
    reason: r.reason ?? '',
    at: r.at,
    muted: muted.has(r.message.playerId),
  }));
}
