import { describe, expect, it } from 'vitest';
import { cardColour, formatCard, formatChips, formatNumber, formatStakes, isDrawVariant, isStudVariant, secondsLeft, splitCards, timeSpanSeconds, turnFraction, variantName } from '../src/format';
import { lastActionLabel } from '../src/phh';

describe('format', () => {
  it('formats chips with thousands separators', () => {
    expect(formatChips(1234567)).toBe('1,234,567');
  });

  it('formats chips with Persian digits for Persian', () => {
    expect(formatChips(1200, 'fa')).toBe('۱٬۲۰۰');
  });

  it('shows cards with suit symbols and keeps hidden cards hidden', () => {
    expect(formatCard('As')).toBe('A♠');
    expect(formatCard('Td')).toBe('10♦');
    expect(formatCard('??')).toBe('??');
    expect(cardColour('Kh')).toBe('red');
    expect(cardColour('2c')).toBe('black');
    expect(cardColour('??')).toBe('hidden');
  });

  it('splits a PHH card run into cards', () => {
    expect(splitCards('AsKd7c')).toEqual(['As', 'Kd', '7c']);
  });

  it('names variants and recognises draw and stud games', () => {
    expect(variantName('NT')).toBe("No-Limit Hold'em");
    expect(variantName('XYZ')).toBe('XYZ');
    expect(isDrawVariant('N2L1D')).toBe(true);
    expect(isDrawVariant('FB')).toBe(true);
    expect(isDrawVariant('NT')).toBe(false);
    expect(isStudVariant('F7S/8')).toBe(true);
    expect(isStudVariant('FR')).toBe(true);
  });

  it('formats stakes as blinds, as the limit bets and ante of a game without blinds, or as an ante', () => {
    expect(formatStakes({ smallBlind: 1, bigBlind: 2 })).toBe('1/2');
    // A fixed-limit game is named by its small and big bet: "Limit Hold'em 2/4" plays blinds 1/2 (it showed "1/2").
    expect(formatStakes({ smallBlind: 1, bigBlind: 2, ante: 0, smallBet: 2, bigBet: 4 })).toBe('2/4');
    expect(formatStakes({ smallBlind: 1, bigBlind: 2, ante: 0, smallBet: 0, bigBet: 0 })).toBe('1/2');
    expect(formatStakes({ smallBlind: 500, bigBlind: 1000, ante: 100 })).toBe('500/1,000, ante 100');
    // Stud, stud hi-lo and razz: a lobby row showed "—".
    expect(formatStakes({ smallBlind: 0, bigBlind: 0, ante: 1, smallBet: 2, bigBet: 4 })).toBe('2/4, ante 1');
    expect(formatStakes({ smallBlind: 0, bigBlind: 0, ante: 0, smallBet: 2, bigBet: 4 })).toBe('2/4');
    expect(formatStakes({ smallBlind: 0, bigBlind: 0, ante: 1 })).toBe('ante 1');
    expect(formatStakes({ smallBlind: 0, bigBlind: 0 })).toBe('—');
  });

  it('formats stakes in Persian: the word ante and the digits too', () => {
    expect(formatStakes({ smallBlind: 0, bigBlind: 0, ante: 1, smallBet: 2, bigBet: 4 }, 'fa')).toBe('۲/۴، آنته ۱');
    expect(formatStakes({ smallBlind: 1, bigBlind: 2 }, 'fa')).toBe('۱/۲');
  });

  it('formats hand numbers and seconds in the player\'s digits, without separators', () => {
    expect(formatNumber(1234)).toBe('1234');
    expect(formatNumber(1234, 'fa')).toBe('۱۲۳۴');
    expect(formatNumber(7, 'fa')).toBe('۷');
  });

  it('counts seconds left to a deadline and never below zero', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(secondsLeft('2025-01-01T00:00:10.200Z', now)).toBe(11);
    expect(secondsLeft('2024-12-31T23:59:00Z', now)).toBe(0);
    expect(secondsLeft(null, now)).toBeNull();
    expect(turnFraction('2025-01-01T00:00:15Z', now, 30000)).toBe(0.5);
  });
});

describe('timeSpanSeconds', () => {
  it('reads the TimeSpans the server writes', () => {
    expect(timeSpanSeconds('00:00:30')).toBe(30);
    expect(timeSpanSeconds('00:02:05')).toBe(125);
    expect(timeSpanSeconds('1.00:00:01')).toBe(86401);
    expect(timeSpanSeconds('00:00:07.5000000')).toBe(7);
  });
});

describe('lastActionLabel', () => {
  it('words a seat\'s last action in the player\'s language', () => {
    expect(lastActionLabel('Check')).toBe('Check');
    expect(lastActionLabel('Raise 1200')).toBe('Raise to 1,200');
    expect(lastActionLabel('Call 20')).toBe('Call 20');
    expect(lastActionLabel('Discard 2')).toBe('Discard 2');
    expect(lastActionLabel('StandPat')).toBe('Stand pat');
    expect(lastActionLabel('Call 20', 'fa')).toBe('کال ۲۰');
    expect(lastActionLabel('Something 5')).toBe('Something 5');
  });
});
