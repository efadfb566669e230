import { describe, expect, it } from 'vitest';
import { inviteCodeFor, invitesKept, parseInvite, rememberInvite, type InviteStore } from '../src/invites';

function memoryStore(): InviteStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('invites', () => {
  it('splits an invite at its first colon and refuses what is not one', () => {
    expect(parseInvite(' t-1:ab12cd ')).toEqual({ tableId: 't-1', code: 'ab12cd' });
    expect(parseInvite('nocolon')).toBeNull();
    expect(parseInvite(':code')).toBeNull();
    expect(parseInvite('table:')).toBeNull();
  });

  it('remembers the code of each table, the newest one for a table given twice', () => {
    const store = memoryStore();
    rememberInvite('t1:aaa', store);
    rememberInvite('t2:bbb', store);
    rememberInvite('t1:ccc', store);
    rememberInvite('junk', store);
    rememberInvite(null, store);

    expect(inviteCodeFor('t1', store)).toBe('ccc');
    expect(inviteCodeFor('t2', store)).toBe('bbb');
    expect(inviteCodeFor('t3', store)).toBeUndefined();
  });

  it('keeps the newest tables only and reads nothing from a damaged entry', () => {
    const store = memoryStore();
    for (let i = 0; i <= invitesKept; i++) rememberInvite(`t${i}:c${i}`, store);

    expect(inviteCodeFor('t0', store)).toBeUndefined();
    expect(inviteCodeFor(`t${invitesKept}`, store)).toBe(`c${invitesKept}`);

    store.items.set('poker.invites', '{not json');
    expect(inviteCodeFor('t1', store)).toBeUndefined();
    rememberInvite('t9:new', store);
    expect(inviteCodeFor('t9', store)).toBe('new');
  });
});
