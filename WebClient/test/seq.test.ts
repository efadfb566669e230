import { describe, expect, it } from 'vitest';
import { classifyEvent } from '../src/seq';

describe('event sequence', () => {
  it('applies the next event, ignores old ones and detects gaps', () => {
    expect(classifyEvent(5, 6)).toBe('apply');
    expect(classifyEvent(5, 5)).toBe('stale');
    expect(classifyEvent(5, 3)).toBe('stale');
    expect(classifyEvent(5, 8)).toBe('gap');
    expect(classifyEvent(-1, 1)).toBe('gap');
  });
});
