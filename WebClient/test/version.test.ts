import { describe, expect, it } from 'vitest';
import pkg from '../package.json';
import { appVersion } from '../src/version';

describe('appVersion', () => {
  it('is the package.json version, a semantic version', () => {
    expect(appVersion).toBe(pkg.version);
    expect(appVersion).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
  });
});
