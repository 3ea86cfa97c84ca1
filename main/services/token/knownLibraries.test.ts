import { describe, expect, it } from 'vitest';
import { findTokenLibraries, knownTokenLibraries, libraryPathSchema } from './knownLibraries';

describe('known token libraries', () => {
  it('cover the Vietnamese CAs on Windows', () => {
    const providers = knownTokenLibraries.filter((library) => (library.paths.win32 ?? []).length > 0);
    for (const name of [
      'Viettel-CA',
      'VNPT-CA',
      'BKAV-CA',
      'FPT-CA',
      'Vina-CA',
      'CA2 (Nacencomm)',
      'NewTel-CA',
    ]) {
      expect(providers.map((library) => library.provider)).toContain(name);
    }
  });

  it('offers only what exists on this machine, then the user’s pick once', () => {
    const present = new Set([
      'C:\\Windows\\System32\\viettel-ca_v6.dll',
      'C:\\Windows\\System32\\eps2003csp11.dll',
    ]);
    const found = findTokenLibraries('win32', (path) => present.has(path), 'D:\\Drivers\\token.dll');
    expect(found).toEqual([
      { provider: 'Viettel-CA', path: 'C:\\Windows\\System32\\viettel-ca_v6.dll', source: 'known' },
      { provider: 'Feitian ePass2003', path: 'C:\\Windows\\System32\\eps2003csp11.dll', source: 'known' },
      { provider: 'user', path: 'D:\\Drivers\\token.dll', source: 'user' },
    ]);
    expect(
      findTokenLibraries('win32', (path) => present.has(path), 'C:\\Windows\\System32\\eps2003csp11.dll'),
    ).toHaveLength(2);
    expect(findTokenLibraries('linux', () => false)).toEqual([]);
  });

  it('accepts every listed path and refuses relative or odd ones', () => {
    for (const library of knownTokenLibraries) {
      for (const path of Object.values(library.paths).flat()) {
        expect(libraryPathSchema.safeParse(path).success, path).toBe(true);
      }
    }
    for (const bad of ['', 'token.dll', '../lib/token.so', '/usr/lib/token.txt', '/usr/lib/a\0.so']) {
      expect(libraryPathSchema.safeParse(bad).success, bad).toBe(false);
    }
    expect(libraryPathSchema.safeParse('/usr/lib/libcastle.so.1.0.0').success).toBe(true);
  });
});
