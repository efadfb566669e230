// The invite codes of private tables this browser was given (an invite link, a table it created): a private table
// takes a seat and queues a player on its waitlist only with its code, so the table page sends the one it knows.
// Kept in localStorage (a seat held from the waitlist may come long after the link was opened). No DOM here: unit-tested.

/** What the invites use of localStorage. */
export type InviteStore = Pick<Storage, 'getItem' | 'setItem'>;

const storageKey = 'poker.invites';

/** The newest this many tables' codes are kept. */
export const invitesKept = 20;

/** An invite (`tableId:code`) split in two; null when it does not look like one. */
export function parseInvite(invite: string): { tableId: string; code: string } | null {
  const trimmed = invite.trim();
  const colon = trimmed.indexOf(':');
  if (colon <= 0 || colon === trimmed.length - 1) return null;
  return { tableId: trimmed.slice(0, colon), code: trimmed.slice(colon + 1) };
}

function read(store: InviteStore): [string, string][] {
  try {
    const kept: unknown = JSON.parse(store.getItem(storageKey) ?? '[]');
    return Array.isArray(kept) ? kept.filter((x): x is [string, string] => Array.isArray(x) && typeof x[0] === 'string' && typeof x[1] === 'string') : [];
  } catch {
    return [];
  }
}

/** Remembers an invite's code for its table (the newest first); an invite that does not parse is ignored. */
export function rememberInvite(invite: string | null | undefined, store: InviteStore = localStorage): void {
  const parsed = invite ? parseInvite(invite) : null;
  if (!parsed) return;
  const kept = read(store).filter(([tableId]) => tableId !== parsed.tableId);
  try {
    store.setItem(storageKey, JSON.stringify([[parsed.tableId, parsed.code], ...kept].slice(0, invitesKept)));
  } catch {
    // Storage full or refused: the code is sent this once only (the join by invite carries it).
  }
}

/** The code remembered for `tableId`, if any. */
export function inviteCodeFor(tableId: string, store: InviteStore = localStorage): string | undefined {
  return read(store).find(([id]) => id === tableId)?.[1];
}
