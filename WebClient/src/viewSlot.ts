// The page shows one view at a time: leaving it cleans it up, and a view that finishes loading after the page was
// left (a table opened and left before it had loaded) is cleaned up at once instead of running on unseen.

export type Cleanup = (() => void) | void;

export class ViewSlot {
  private cleanup: Cleanup = undefined;
  private ticket = 0;

  /** Cleans up the view shown and drops any still loading; the ticket of the view to load next. */
  leave(): number {
    const cleanup = this.cleanup;
    this.cleanup = undefined;
    if (typeof cleanup === 'function') cleanup();
    return ++this.ticket;
  }

  /** The view of `ticket` has loaded: it is the one shown, unless the page was left meanwhile (then it is cleaned up now). */
  loaded(ticket: number, cleanup: Cleanup): void {
    if (ticket === this.ticket) this.cleanup = cleanup;
    else if (typeof cleanup === 'function') cleanup();
  }
}
