// Event ordering: each table event carries a monotonically increasing eventSeq; a gap means a missed event.

export type SeqDecision = 'apply' | 'stale' | 'gap';

/** What to do with an event numbered `incoming` when the last applied one was `last` (-1: none yet, wait for a snapshot). */
export function classifyEvent(last: number, incoming: number): SeqDecision {
  if (last < 0) return 'gap';
  if (incoming <= last) return 'stale';
  return incoming === last + 1 ? 'apply' : 'gap';
}
