import { describe, expect, it } from 'vitest';
import { isLaunchHash, startTable, themeVariables } from '../src/telegram';

describe('themeVariables', () => {
  it('maps Telegram theme parameters onto --tg-* CSS variables', () => {
    expect(themeVariables({ bg_color: '#17212b', text_color: '#f5f5f5', button_color: '#5288c1', secondary_bg_color: '#232e3c' })).toEqual({
      '--tg-bg-color': '#17212b',
      '--tg-text-color': '#f5f5f5',
      '--tg-button-color': '#5288c1',
      '--tg-secondary-bg-color': '#232e3c',
    });
  });

  it('takes colours only: other values and odd keys are left out', () => {
    expect(themeVariables({ bg_color: 'red;}body{display:none', 'text-color': '#fff', hint_color: undefined, link_color: '#abc' })).toEqual({ '--tg-link-color': '#abc' });
  });
});

describe('isLaunchHash', () => {
  it('recognises the launch parameters Telegram puts in the fragment', () => {
    expect(isLaunchHash('#tgWebAppData=query_id%3DAAE&tgWebAppVersion=8.0&tgWebAppPlatform=android')).toBe(true);
    expect(isLaunchHash('#tgWebAppVersion=7.0')).toBe(true);
  });

  it('leaves the app routes alone', () => {
    expect(isLaunchHash('')).toBe(false);
    expect(isLaunchHash('#/lobby')).toBe(false);
    expect(isLaunchHash('#/join/t1%3Aabc')).toBe(false);
  });
});

describe('startTable', () => {
  it('reads the table a turn ping opens the app at, and nothing else', () => {
    expect(startTable('?table=nlhe-1')).toBe('nlhe-1');
    expect(startTable('?x=1&table=t_2')).toBe('t_2');
    expect(startTable('')).toBeNull();
    expect(startTable('?table=..%2Fadmin')).toBeNull();
  });
});
