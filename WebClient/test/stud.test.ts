import { describe, expect, it } from 'vitest';
import { studFaces, topUpRoom } from '../src/format';

describe('studFaces', () => {
  it('marks the cards the public view shows as up and the rest as down (third street)', () => {
    expect(studFaces(['As', 'Kd', '7c'], ['??', '??', '7c'])).toEqual(['down', 'down', 'up']);
  });

  it('keeps the seventh-street card down', () => {
    const own = ['As', 'Kd', '7c', '8h', '9s', 'Tc', '2d'];
    expect(studFaces(own, ['??', '??', '7c', '8h', '9s', 'Tc', '??'])).toEqual(['down', 'down', 'up', 'up', 'up', 'up', 'down']);
  });

  it('treats every card as up once the hand shows them, and as down without a public view', () => {
    expect(studFaces(['As', 'Kd'], ['As', 'Kd'])).toEqual(['up', 'up']);
    expect(studFaces(['As', 'Kd'], [])).toEqual(['down', 'down']);
  });
});

describe('topUpRoom', () => {
  it('is what keeps the stack within the maximum buy-in, never negative', () => {
    expect(topUpRoom(150, 200)).toBe(50);
    expect(topUpRoom(200, 200)).toBe(0);
    expect(topUpRoom(260, 200)).toBe(0);
  });
});
