// "Join any table" in the lobby: which templates offer it, when the player's place is worth asking for, and what the
// template's row shows for the player's place (GET /api/templates/{id}/waitlist/position). No DOM here: unit-tested.

import type { TableSummary, TemplateInfo, TemplateWaitlistStatus } from './wire';

/** What a template's "any table" row shows: the join button, the player's place in the queue, or the seat held for them. */
export type AnyTableState =
  | { kind: 'join' }
  | { kind: 'queued'; position: number }
  | { kind: 'offered'; tableId: string; heldUntil: string };

/** The room's own tables (opened by the room, public, persistent): the ones that serve a template's queue. */
export function isRoomTable(x: TableSummary): boolean {
  return (x.createdBy ?? 0) === 0 && !x.isPrivate && x.type === 'Persistent';
}

/**
 * Templates with a queue for any of their tables: active, public, persistent, with a waitlist, and with at least one of
 * the room's own tables listed; in name order.
 */
export function anyTableTemplates(templates: TemplateInfo[], tables: TableSummary[]): TemplateInfo[] {
  const served = new Set(tables.filter(isRoomTable).map((x) => x.templateId));
  return templates
    .filter((x) => x.active && x.config.type === 'Persistent' && !x.config.isPrivate && x.config.waitlistEnabled !== false && served.has(x.id))
    .sort((a, b) => a.config.name.localeCompare(b.config.name) || a.id.localeCompare(b.id));
}

/**
 * Whether the player's place for the template is worth asking for: they can be queued only while every listed room table
 * of it is full, and held a seat only where a seat is held.
 */
export function placeWorthAsking(templateId: string, tables: TableSummary[]): boolean {
  const room = tables.filter((x) => x.templateId === templateId && isRoomTable(x));
  return room.some((x) => (x.seatsHeld ?? 0) > 0) || (room.length > 0 && room.every((x) => x.seatsTaken >= x.maxPlayers));
}

/** The row's state from the player's status (none yet: the join button); an offer whose hold ended is no offer. */
export function anyTableState(status: TemplateWaitlistStatus | undefined, now: number): AnyTableState {
  if (status?.position) return { kind: 'queued', position: status.position };
  if (status?.tableId && status.heldUntil && Date.parse(status.heldUntil) > now) {
    return { kind: 'offered', tableId: status.tableId, heldUntil: status.heldUntil };
  }
  return { kind: 'join' };
}
