import { describe, expect, it } from 'vitest';
import { anyTableState, anyTableTemplates, placeWorthAsking } from '../src/anyTable';
import type { TableSummary, TemplateConfig, TemplateInfo } from '../src/wire';

const table = (tableId: string, templateId: string, seatsTaken: number, extra: Partial<TableSummary> = {}): TableSummary => ({
  tableId, name: tableId, variant: 'NT', templateId, templateVersion: 1, status: 'Waiting', type: 'Persistent', smallBlind: 1, bigBlind: 2, ante: 0, smallBet: 0, bigBet: 0,
  seatsTaken, maxPlayers: 2, waitlistLength: 0, isPrivate: false, minBuyIn: 40, maxBuyIn: 200, handNo: 0, createdBy: 0, seatsHeld: 0, ...extra,
});

const template = (id: string, name: string, config: Partial<TemplateConfig> = {}, active = true): TemplateInfo => ({
  id, version: 1, active, updatedAt: '2026-01-01T00:00:00Z', tablesInUse: 1,
  config: { name, variant: 'NT', smallBlind: 1, bigBlind: 2, ante: 0, bringIn: 0, smallBet: 0, bigBet: 0, minBuyIn: 40, maxBuyIn: 200, maxPlayers: 2, type: 'Persistent', isPrivate: false, robots: 0, waitlistEnabled: true, ...config },
});

describe('join any table', () => {
  it('is offered for active public persistent templates with a waitlist and a room table listed, by name', () => {
    const templates = [
      template('b', 'Bravo'), template('a', 'Alpha'), template('sng', 'Sit', { type: 'SitAndGo' }), template('priv', 'Private', { isPrivate: true }),
      template('off', 'Off', { waitlistEnabled: false }), template('old', 'Old', {}, false), template('mine', 'Players only'),
    ];
    const tables = [table('a-1', 'a', 2), table('b-1', 'b', 0), table('sng-1', 'sng', 0), table('priv-1', 'priv', 0), table('off-1', 'off', 0), table('old-1', 'old', 0),
      table('x', 'mine', 0, { createdBy: 7 })];

    expect(anyTableTemplates(templates, tables).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('asks for the place only while every room table is full or where a seat is held', () => {
    expect(placeWorthAsking('a', [table('a-1', 'a', 2), table('a-2', 'a', 2), table('mine', 'a', 0, { createdBy: 7 })])).toBe(true);
    expect(placeWorthAsking('a', [table('a-1', 'a', 2), table('a-2', 'a', 1)])).toBe(false);
    expect(placeWorthAsking('a', [table('a-1', 'a', 1, { seatsHeld: 1 }), table('a-2', 'a', 0)])).toBe(true);
    expect(placeWorthAsking('a', [])).toBe(false);
  });

  it('shows the place in the queue, a seat still held, or the join button', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');

    expect(anyTableState({ templateId: 'a', position: 3 }, now)).toEqual({ kind: 'queued', position: 3 });
    expect(anyTableState({ templateId: 'a', position: null, tableId: 'a-2', heldUntil: '2026-01-01T00:01:00Z' }, now))
      .toEqual({ kind: 'offered', tableId: 'a-2', heldUntil: '2026-01-01T00:01:00Z' });
    expect(anyTableState({ templateId: 'a', position: null, tableId: 'a-2', heldUntil: '2025-12-31T23:59:00Z' }, now)).toEqual({ kind: 'join' });
    expect(anyTableState({ templateId: 'a', position: null }, now)).toEqual({ kind: 'join' });
    expect(anyTableState(undefined, now)).toEqual({ kind: 'join' });
  });
});
