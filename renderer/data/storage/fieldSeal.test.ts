import { describe, expect, it } from 'vitest';
import { databaseKeyOf, openJson, SealBroken, sealJson } from './fieldSeal';

const key = databaseKeyOf(crypto.getRandomValues(new Uint8Array(32)));

describe('sealing a value under a database key', () => {
  it('gives back every value whole, Vietnamese text and every length of padding included', () => {
    const values: unknown[] = [
      null,
      '',
      'a',
      'ab',
      'abc',
      'Nguyễn Thị Ánh Tuyết',
      { level: 'T', score: 9, comment: 'Em đọc to, rõ ràng; viết đúng chính tả.' },
      ['x'.repeat(70_000)],
    ];
    for (const value of values) {
      const sealed = sealJson(key, value, 'db/people/student:1');
      expect(sealed).toMatch(/^hs1\.[A-Za-z0-9+/]+={0,2}$/);
      // The stored text is standard base64: the browser's own decoder reads it.
      expect(() => atob(sealed.slice(4))).not.toThrow();
      expect(openJson(key, sealed, 'db/people/student:1')).toEqual(value);
    }
  });

  it('never seals the same value to the same text (a fresh nonce each time)', () => {
    const texts = new Set(Array.from({ length: 500 }, () => sealJson(key, 'Lê Văn Cường', 'b')));
    expect(texts.size).toBe(500);
  });

  it('refuses another place, another key, a changed byte, a cut text and a forged prefix', () => {
    const sealed = sealJson(key, { fullName: 'Trần Bảo Ngọc' }, 'db/people/student:1');
    const refused = (text: string, binding = 'db/people/student:1', under = key) => {
      expect(() => openJson(under, text, binding)).toThrow(SealBroken);
    };
    refused(sealed, 'db/people/student:2');
    refused(sealed, 'other-db/people/student:1');
    refused(sealed, 'db/people/student:1', databaseKeyOf(crypto.getRandomValues(new Uint8Array(32))));
    const bytes = Uint8Array.from(atob(sealed.slice(4)), (char) => char.charCodeAt(0));
    for (const at of [0, 23, 24, bytes.length - 1]) {
      const changed = bytes.slice();
      changed[at] = (changed[at] ?? 0) ^ 1;
      refused(`hs1.${btoa(String.fromCharCode(...changed))}`);
    }
    refused(`hs1.${btoa(String.fromCharCode(...bytes.slice(0, 30)))}`);
    refused(sealed.slice(0, -8));
    refused(`hs2.${sealed.slice(4)}`);
    refused('hs1.@@@@');
    refused('');
  });
});
