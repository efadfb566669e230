import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseLanguage, language, ledgerKindName, ledgerNote, pickLanguage, savedLanguage, setLanguage, stringsOf } from '../src/i18n';
import { ledgerKinds } from '../src/ledgerQuery';

describe('language', () => {
  const stored = new Map<string, string>();
  beforeEach(() => {
    stored.clear();
    vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
    vi.stubGlobal('document', { documentElement: { lang: '', dir: '' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('picks the language chosen on this device, else the profile\'s, else Telegram\'s, else English', () => {
    expect(pickLanguage('en', 'fa', 'fa')).toBe('en');
    expect(pickLanguage(null, 'fa', 'en')).toBe('fa');
    expect(pickLanguage(null, undefined, 'fa')).toBe('fa');
    expect(pickLanguage(null, null, 'fa-IR')).toBe('fa');
    expect(pickLanguage(null, 'ru', 'de')).toBe('en');
    expect(pickLanguage()).toBe('en');
  });

  it('remembers only a language the player chose: the start (English before sign-in) is not saved', () => {
    // The start: nothing saved, no Telegram language: English for now, and nothing remembered.
    setLanguage(pickLanguage(savedLanguage(), null));
    expect(language()).toBe('en');
    expect(savedLanguage()).toBeNull();
    // Signed in through Telegram: the profile says Persian, and it applies.
    setLanguage(pickLanguage(savedLanguage(), 'fa', 'fa'));
    expect(language()).toBe('fa');
    expect(document.documentElement.dir).toBe('rtl');
    expect(savedLanguage()).toBeNull();
    // The profile's menu: the choice is remembered, and wins over the profile next time.
    chooseLanguage('en');
    expect(savedLanguage()).toBe('en');
    expect(pickLanguage(savedLanguage(), 'fa')).toBe('en');
  });

  it('names every ledger kind and the room\'s own notes in both languages', () => {
    // Every kind has a Persian name of its own (the server's enum name was shown).
    for (const kind of ledgerKinds) expect(ledgerKindName(kind, stringsOf('fa')), kind).not.toBe(kind);
    expect(ledgerKindName('AdminAdjustment', stringsOf('en'))).toBe('Admin adjustment');
    expect(ledgerKindName('Grant', stringsOf('fa'))).toBe(stringsOf('fa').kindGrant);
    expect(ledgerKindName('Unknown', stringsOf('fa'))).toBe('Unknown');
    expect(ledgerNote('starting balance', stringsOf('fa'))).toBe(stringsOf('fa').noteStartingBalance);
    expect(ledgerNote('daily top-up', stringsOf('fa'))).toBe(stringsOf('fa').noteDailyTopUp);
    expect(ledgerNote('goodwill', stringsOf('fa'))).toBe('goodwill');
  });

  it('has every English string in Persian', () => {
    expect(Object.keys(stringsOf('fa')).sort()).toEqual(Object.keys(stringsOf('en')).sort());
  });
});
