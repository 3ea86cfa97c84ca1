import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findTokenLibraries,
  inspectLibraryFile,
  knownLibraryPaths,
  knownTokenLibraries,
  type LibraryFileSystem,
  libraryPathRefusal,
  libraryPathSchema,
} from './knownLibraries';

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

  it('offers only what exists on this machine, each under a path-free id', () => {
    const present = new Set([
      'C:\\Windows\\System32\\viettel-ca_v6.dll',
      'C:\\Windows\\System32\\eps2003csp11.dll',
    ]);
    expect(findTokenLibraries('win32', (path) => present.has(path))).toEqual([
      {
        id: 'known:viettel-ca:0',
        provider: 'Viettel-CA',
        path: 'C:\\Windows\\System32\\viettel-ca_v6.dll',
        source: 'known',
      },
      {
        id: 'known:feitian-epass2003:0',
        provider: 'Feitian ePass2003',
        path: 'C:\\Windows\\System32\\eps2003csp11.dll',
        source: 'known',
      },
    ]);
    expect(findTokenLibraries('linux', () => false)).toEqual([]);
  });

  it('gives every known path a distinct id the IPC contract accepts', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      const ids = knownLibraryPaths(platform).map((entry) => entry.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^known:[a-z0-9-]{1,40}:\d{1,2}$/);
    }
  });

  it('accepts every listed path and refuses relative, odd, network and stream paths', () => {
    for (const library of knownTokenLibraries) {
      for (const path of Object.values(library.paths).flat()) {
        expect(libraryPathSchema.safeParse(path).success, path).toBe(true);
      }
    }
    const refused: readonly (readonly [string, string])[] = [
      ['', 'invalid'],
      ['/usr/lib/a\0.so', 'invalid'],
      ['/usr/lib/a\n.so', 'invalid'],
      ['token.dll', 'relative'],
      ['../lib/token.so', 'relative'],
      ['C:token.dll', 'relative'],
      ['file:///usr/lib/token.so', 'relative'],
      ['/usr/lib/token.txt', 'not-a-library'],
      ['/usr/lib/token.so.txt', 'not-a-library'],
      ['\\\\server\\share\\token.dll', 'network'],
      ['//server/share/token.so', 'network'],
      ['\\/server/share/token.dll', 'network'],
      ['/\\server\\share\\token.dll', 'network'],
      ['\\\\?\\UNC\\server\\share\\token.dll', 'network'],
      ['\\\\.\\pipe\\token.dll', 'network'],
      ['\\\\?\\C:\\Windows\\System32\\token.dll', 'network'],
      ['C:\\Users\\a\\notes.txt:evil.dll', 'invalid'],
      ['/tmp/a:b.so', 'invalid'],
      [`/usr/lib/${'a'.repeat(1030)}.so`, 'invalid'],
    ];
    for (const [path, reason] of refused) {
      expect(libraryPathRefusal(path), path).toBe(reason);
      expect(libraryPathSchema.safeParse(path).success, path).toBe(false);
    }
    expect(libraryPathSchema.safeParse('/usr/lib/libcastle.so.1.0.0').success).toBe(true);
    expect(libraryPathSchema.safeParse('D:/Drivers/token.DLL').success).toBe(true);
  });
});

describe('a library file is loaded only when it is a local, regular library file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hocba-libcheck-'));
  const library = join(dir, 'libtoken.so');
  writeFileSync(library, 'not really ELF: nothing here loads it');
  const notLibrary = join(dir, 'secrets.txt');
  writeFileSync(notLibrary, 'x');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the canonical path of a regular library file, through links and ..', () => {
    const link = join(dir, 'libalias.so');
    symlinkSync(library, link);
    expect(inspectLibraryFile(link)).toEqual({ ok: true, path: library });
    expect(inspectLibraryFile(join(dir, 'sub', '..', 'libtoken.so'))).toEqual({ ok: true, path: library });
  });

  it('refuses a library-named link to a file that is not a library', () => {
    const link = join(dir, 'libevil.so');
    symlinkSync(notLibrary, link);
    expect(inspectLibraryFile(link)).toEqual({ ok: false, reason: 'not-a-library' });
    const viaDir = join(dir, 'libdir.so');
    symlinkSync('/etc/passwd', viaDir);
    expect(inspectLibraryFile(viaDir)).toEqual({ ok: false, reason: 'not-a-library' });
  });

  it('refuses a folder or a pipe named like a library, and a missing file', () => {
    const folder = join(dir, 'folder.so');
    mkdirSync(folder);
    expect(inspectLibraryFile(folder)).toEqual({ ok: false, reason: 'not-a-file' });
    const pipe = join(dir, 'pipe.so');
    execFileSync('mkfifo', [pipe]);
    expect(inspectLibraryFile(pipe)).toEqual({ ok: false, reason: 'not-a-file' });
    expect(inspectLibraryFile('/dev/null/../null.so')).toEqual({ ok: false, reason: 'missing' });
    expect(inspectLibraryFile(join(dir, 'absent.so'))).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses a link that resolves to a network path (as Windows reports a mapped drive)', () => {
    const fileSystem: LibraryFileSystem = {
      realpath: () => '\\\\fileserver\\drivers\\token.dll',
      isRegularFile: () => true,
      fileSystemType: () => undefined,
    };
    expect(inspectLibraryFile('Z:\\token.dll', { fileSystem, platform: 'win32' })).toEqual({
      ok: false,
      reason: 'network',
    });
  });

  it('refuses, on Linux, a file on an NFS or SMB mount', () => {
    for (const type of [0x6969, 0xff534d42, 0xfe534d42, 0x517b]) {
      const fileSystem: LibraryFileSystem = {
        realpath: (path) => path,
        isRegularFile: () => true,
        fileSystemType: () => type,
      };
      expect(inspectLibraryFile('/mnt/share/libtoken.so', { fileSystem, platform: 'linux' })).toEqual({
        ok: false,
        reason: 'network',
      });
    }
    // ext4 (0xef53) is local.
    const local: LibraryFileSystem = {
      realpath: (path) => path,
      isRegularFile: () => true,
      fileSystemType: () => 0xef53,
    };
    expect(inspectLibraryFile('/usr/lib/libtoken.so', { fileSystem: local, platform: 'linux' })).toEqual({
      ok: true,
      path: '/usr/lib/libtoken.so',
    });
  });

  it('refuses a network path before touching the file system', () => {
    const touched: string[] = [];
    const fileSystem: LibraryFileSystem = {
      realpath: (path) => {
        touched.push(path);
        return path;
      },
      isRegularFile: () => true,
      fileSystemType: () => undefined,
    };
    expect(inspectLibraryFile('\\\\server\\share\\x.dll', { fileSystem, platform: 'win32' }).ok).toBe(false);
    expect(inspectLibraryFile('//server/x.so', { fileSystem, platform: 'linux' }).ok).toBe(false);
    expect(touched).toEqual([]);
  });
});
