import { describe, expect, it } from 'vitest';
import { single } from '../src/dom';

describe('single', () => {
  it('runs one request at a time: a double tap sends one, and the button is off meanwhile', async () => {
    let release!: () => void;
    let runs = 0;
    const create = single(async (name: string) => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
      return `table ${name}`;
    });
    const button = { disabled: false };
    const tap = { currentTarget: button } as unknown as Event;
    const first = create(tap, 'a');
    expect(button.disabled).toBe(true);
    // The second tap (on this button, or on one drawn again meanwhile) does nothing.
    expect(await create(tap, 'b')).toBeUndefined();
    expect(await create(null, 'c')).toBeUndefined();
    release();
    expect(await first).toBe('table a');
    expect(runs).toBe(1);
    expect(button.disabled).toBe(false);
  });

  it('runs again once the first run ended, even when it failed', async () => {
    const failing = single(async () => { throw new Error('refused'); });
    const button = { disabled: false };
    await expect(failing({ currentTarget: button } as unknown as Event)).rejects.toThrow('refused');
    expect(button.disabled).toBe(false);
    await expect(failing(null)).rejects.toThrow('refused');
  });
});
