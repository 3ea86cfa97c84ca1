import { describe, expect, it } from 'vitest';
import { provinceServerUrlSchema } from './sessionChannels';

describe("the province server's address", () => {
  it('takes https anywhere, and plain http only on this machine', () => {
    expect(provinceServerUrlSchema.parse('https://hocba.sogd.example.vn/')).toBe(
      'https://hocba.sogd.example.vn',
    );
    expect(provinceServerUrlSchema.parse(' https://so.example.vn/hocba/ ')).toBe(
      'https://so.example.vn/hocba',
    );
    expect(provinceServerUrlSchema.parse('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(provinceServerUrlSchema.parse('http://localhost:8787/')).toBe('http://localhost:8787');
    expect(provinceServerUrlSchema.parse('http://[::1]:8787')).toBe('http://[::1]:8787');
  });

  it('refuses plain http to another host, credentials in the address, and other schemes', () => {
    for (const refused of [
      'http://so.example.vn',
      'http://127.0.0.1@attacker.example',
      'http://localhost.attacker.example',
      'https://user:secret@so.example.vn',
      'ftp://so.example.vn',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
    ])
      expect(provinceServerUrlSchema.safeParse(refused).success, refused).toBe(false);
  });
});
