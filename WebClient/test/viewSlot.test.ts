import { describe, expect, it } from 'vitest';
import { ViewSlot } from '../src/viewSlot';

describe('view slot', () => {
  it('cleans up the view shown when the page is left', () => {
    const slot = new ViewSlot();
    const cleaned: string[] = [];
    slot.loaded(slot.leave(), () => cleaned.push('lobby'));

    slot.leave();

    expect(cleaned).toEqual(['lobby']);
  });

  it('cleans up at once a view that loaded after the page was left, and keeps the one asked for since', () => {
    const slot = new ViewSlot();
    const cleaned: string[] = [];
    const table = slot.leave();
    const lobby = slot.leave(); // the player left the table before it had loaded
    slot.loaded(lobby, () => cleaned.push('lobby'));
    slot.loaded(table, () => cleaned.push('table'));

    expect(cleaned).toEqual(['table']);
    slot.leave();
    expect(cleaned).toEqual(['table', 'lobby']);
  });
});
