import { isAbsolute } from 'node:path';
import { z } from 'zod';

export type TokenPlatform = 'win32' | 'darwin' | 'linux';

export type KnownTokenLibrary = {
  /** The CA or driver as users know it. */
  readonly provider: string;
  readonly paths: Readonly<Partial<Record<TokenPlatform, readonly string[]>>>;
};

/**
 * Where the token drivers of Vietnamese CAs usually install their PKCS#11 library.
 *
 * BEST EFFORT, NOT CONFIRMED: these names come from installer habits and public forum posts, not
 * from the vendors' documentation, and vendors rename them between driver versions. Confirm each
 * against a real installation before relying on it; the user can always pick the file by hand
 * (`userLibraryPath`). Many CAs resell the same hardware (Feitian ePass2003, SafeNet eToken),
 * so the hardware vendors' libraries and OpenSC are listed too.
 */
export const knownTokenLibraries: readonly KnownTokenLibrary[] = [
  {
    provider: 'Viettel-CA',
    paths: {
      win32: [
        'C:\\Windows\\System32\\viettel-ca_v6.dll',
        'C:\\Windows\\System32\\viettel-ca_v5.dll',
        'C:\\Windows\\System32\\viettel-ca.dll',
      ],
      darwin: ['/Library/viettel-ca/libviettel-ca_v6.dylib', '/usr/local/lib/libviettel-ca_v6.dylib'],
      linux: ['/usr/lib/libviettelca.so', '/usr/lib/viettel-ca/libviettel-ca_v6.so'],
    },
  },
  {
    provider: 'VNPT-CA',
    paths: {
      win32: ['C:\\Windows\\System32\\vnpt-ca_csp11.dll', 'C:\\Windows\\System32\\vnptca_p11_v8.dll'],
      darwin: ['/Library/vnpt-ca/lib/libcryptoki.dylib', '/usr/local/lib/libvnpt-ca_csp11.dylib'],
      linux: ['/usr/lib/libvnpt-ca_csp11.so', '/usr/lib/vnpt-ca/libcryptoki.so'],
    },
  },
  {
    provider: 'BKAV-CA',
    paths: {
      win32: ['C:\\Windows\\System32\\BkavCA.dll', 'C:\\Windows\\System32\\bkavcsp11.dll'],
      linux: ['/usr/lib/libbkavca.so'],
    },
  },
  {
    provider: 'FPT-CA',
    paths: {
      win32: ['C:\\Windows\\System32\\fpt-ca.dll', 'C:\\Windows\\System32\\fptca_csp11.dll'],
      darwin: ['/Library/fpt-ca/lib/libfpt-ca.dylib'],
      linux: ['/usr/lib/libfpt-ca.so'],
    },
  },
  {
    provider: 'Vina-CA',
    paths: { win32: ['C:\\Windows\\System32\\vina-ca.dll', 'C:\\Windows\\System32\\vinaca_csp11.dll'] },
  },
  {
    provider: 'CA2 (Nacencomm)',
    paths: { win32: ['C:\\Windows\\System32\\ca2_csp11.dll', 'C:\\Windows\\System32\\CA2_v34.dll'] },
  },
  {
    provider: 'NewTel-CA',
    paths: { win32: ['C:\\Windows\\System32\\newtel-ca.dll', 'C:\\Windows\\System32\\newtelca_csp11.dll'] },
  },
  {
    provider: 'Feitian ePass2003',
    paths: {
      win32: ['C:\\Windows\\System32\\eps2003csp11.dll', 'C:\\Windows\\System32\\ShuttleCsp11_3003.dll'],
      darwin: ['/usr/local/lib/libcastle.1.0.0.dylib'],
      linux: ['/usr/lib/libcastle.so.1.0.0', '/usr/local/lib/libcastle.so.1.0.0'],
    },
  },
  {
    provider: 'SafeNet eToken',
    paths: {
      win32: ['C:\\Windows\\System32\\eTPKCS11.dll'],
      darwin: ['/usr/local/lib/libeTPkcs11.dylib'],
      linux: ['/usr/lib/libeTPkcs11.so'],
    },
  },
  {
    provider: 'OpenSC',
    paths: {
      win32: ['C:\\Windows\\System32\\opensc-pkcs11.dll'],
      darwin: ['/Library/OpenSC/lib/opensc-pkcs11.so'],
      linux: ['/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', '/usr/lib/opensc-pkcs11.so'],
    },
  },
];

export type LibraryCandidate = {
  readonly provider: string;
  readonly path: string;
  readonly source: 'known' | 'user';
};

/** The known libraries of this platform that exist on this machine, then the user's own pick. */
export function findTokenLibraries(
  platform: TokenPlatform,
  exists: (path: string) => boolean,
  userLibraryPath?: string,
): LibraryCandidate[] {
  const found: LibraryCandidate[] = [];
  for (const library of knownTokenLibraries) {
    for (const path of library.paths[platform] ?? []) {
      if (exists(path)) found.push({ provider: library.provider, path, source: 'known' });
    }
  }
  if (userLibraryPath !== undefined && !found.some((candidate) => candidate.path === userLibraryPath)) {
    found.push({ provider: 'user', path: userLibraryPath, source: 'user' });
  }
  return found;
}

const libraryExtensions = /\.(dll|so(\.\d+)*|dylib)$/i;

/** A PKCS#11 library path arriving from the renderer, the CLI or a settings file. */
export const libraryPathSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((path) => !path.includes('\0'), 'no NUL')
  .refine((path) => isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path), 'must be absolute')
  .refine((path) => libraryExtensions.test(path), 'must be a .dll, .so or .dylib');
