import { realpathSync, statfsSync, statSync } from 'node:fs';
import { z } from 'zod';

export type TokenPlatform = 'win32' | 'darwin' | 'linux';

export type KnownTokenLibrary = {
  /** Stable, path-free name used in library ids (`known:<id>:<n>`); never rename a released one. */
  readonly id: string;
  /** The CA or driver as users know it. */
  readonly provider: string;
  readonly paths: Readonly<Partial<Record<TokenPlatform, readonly string[]>>>;
};

/**
 * Where the token drivers of Vietnamese CAs usually install their PKCS#11 library.
 *
 * BEST EFFORT, NOT CONFIRMED: these names come from installer habits and public forum posts, not
 * from the vendors' documentation, and vendors rename them between driver versions. Confirm each
 * against a real installation before relying on it; in the app the user can pick another file in
 * main's own file dialog. Many CAs resell the same hardware (Feitian ePass2003, SafeNet eToken),
 * so the hardware vendors' libraries and OpenSC are listed too.
 */
export const knownTokenLibraries: readonly KnownTokenLibrary[] = [
  {
    id: 'viettel-ca',
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
    id: 'vnpt-ca',
    provider: 'VNPT-CA',
    paths: {
      win32: ['C:\\Windows\\System32\\vnpt-ca_csp11.dll', 'C:\\Windows\\System32\\vnptca_p11_v8.dll'],
      darwin: ['/Library/vnpt-ca/lib/libcryptoki.dylib', '/usr/local/lib/libvnpt-ca_csp11.dylib'],
      linux: ['/usr/lib/libvnpt-ca_csp11.so', '/usr/lib/vnpt-ca/libcryptoki.so'],
    },
  },
  {
    id: 'bkav-ca',
    provider: 'BKAV-CA',
    paths: {
      win32: ['C:\\Windows\\System32\\BkavCA.dll', 'C:\\Windows\\System32\\bkavcsp11.dll'],
      linux: ['/usr/lib/libbkavca.so'],
    },
  },
  {
    id: 'fpt-ca',
    provider: 'FPT-CA',
    paths: {
      win32: ['C:\\Windows\\System32\\fpt-ca.dll', 'C:\\Windows\\System32\\fptca_csp11.dll'],
      darwin: ['/Library/fpt-ca/lib/libfpt-ca.dylib'],
      linux: ['/usr/lib/libfpt-ca.so'],
    },
  },
  {
    id: 'vina-ca',
    provider: 'Vina-CA',
    paths: { win32: ['C:\\Windows\\System32\\vina-ca.dll', 'C:\\Windows\\System32\\vinaca_csp11.dll'] },
  },
  {
    id: 'ca2',
    provider: 'CA2 (Nacencomm)',
    paths: { win32: ['C:\\Windows\\System32\\ca2_csp11.dll', 'C:\\Windows\\System32\\CA2_v34.dll'] },
  },
  {
    id: 'newtel-ca',
    provider: 'NewTel-CA',
    paths: { win32: ['C:\\Windows\\System32\\newtel-ca.dll', 'C:\\Windows\\System32\\newtelca_csp11.dll'] },
  },
  {
    id: 'feitian-epass2003',
    provider: 'Feitian ePass2003',
    paths: {
      win32: ['C:\\Windows\\System32\\eps2003csp11.dll', 'C:\\Windows\\System32\\ShuttleCsp11_3003.dll'],
      darwin: ['/usr/local/lib/libcastle.1.0.0.dylib'],
      linux: ['/usr/lib/libcastle.so.1.0.0', '/usr/local/lib/libcastle.so.1.0.0'],
    },
  },
  {
    id: 'safenet-etoken',
    provider: 'SafeNet eToken',
    paths: {
      win32: ['C:\\Windows\\System32\\eTPKCS11.dll'],
      darwin: ['/usr/local/lib/libeTPkcs11.dylib'],
      linux: ['/usr/lib/libeTPkcs11.so'],
    },
  },
  {
    id: 'opensc',
    provider: 'OpenSC',
    paths: {
      win32: ['C:\\Windows\\System32\\opensc-pkcs11.dll'],
      darwin: ['/Library/OpenSC/lib/opensc-pkcs11.so'],
      linux: ['/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so', '/usr/lib/opensc-pkcs11.so'],
    },
  },
];

export type KnownLibraryPath = {
  /** `known:<library id>:<index in this platform's list>`: what the renderer may send back. */
  readonly id: string;
  readonly provider: string;
  readonly path: string;
};

/** Every known library path of this platform with its id, whether or not it is installed. */
export function knownLibraryPaths(
  platform: TokenPlatform,
  libraries: readonly KnownTokenLibrary[] = knownTokenLibraries,
): KnownLibraryPath[] {
  return libraries.flatMap((library) =>
    (library.paths[platform] ?? []).map((path, index) => ({
      id: `known:${library.id}:${String(index)}`,
      provider: library.provider,
      path,
    })),
  );
}

export type LibraryCandidate = KnownLibraryPath & { readonly source: 'known' };

/** The known libraries of this platform that exist on this machine. */
export function findTokenLibraries(
  platform: TokenPlatform,
  exists: (path: string) => boolean,
): LibraryCandidate[] {
  return knownLibraryPaths(platform)
    .filter((candidate) => exists(candidate.path))
    .map((candidate) => ({ ...candidate, source: 'known' as const }));
}

/** Why a PKCS#11 library path or file is not loaded. */
export type LibraryRefusal = 'invalid' | 'network' | 'relative' | 'not-a-library' | 'missing' | 'not-a-file';

const libraryExtensions = /\.(dll|so(\.\d+)*|dylib)$/i;

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * The checks on the text of a library path, the same on every platform (a Windows path is
 * judged on Linux too). Network paths are refused in every spelling Windows accepts: `\\server`,
 * `//server`, mixed slashes, `\\?\UNC\…` and the `\\.\` device namespace; a colon past the drive
 * letter would name an NTFS alternate data stream (`C:\a.txt:x.dll`).
 */
export function libraryPathRefusal(path: string): LibraryRefusal | undefined {
  if (path.length === 0 || path.length > 1024 || hasControlCharacter(path)) return 'invalid';
  if (/^[\\/]{2}/.test(path)) return 'network';
  const windowsDrive = /^[A-Za-z]:[\\/]/.test(path);
  if (!windowsDrive && !path.startsWith('/')) return 'relative';
  if ((windowsDrive ? path.slice(2) : path).includes(':')) return 'invalid';
  if (!libraryExtensions.test(path)) return 'not-a-library';
  return undefined;
}

/** A PKCS#11 library path arriving from the CLI, a settings file or the bridge's command line. */
export const libraryPathSchema = z
  .string()
  .max(1024)
  .superRefine((path, context) => {
    const refusal = libraryPathRefusal(path);
    if (refusal !== undefined) context.addIssue({ code: 'custom', message: refusal });
  });

/**
 * Linux file systems whose files live on another machine (statfs f_type): NFS, SMB, CIFS, SMB2,
 * Coda, AFS, NCP, Ceph. FUSE is not listed: local NTFS disks mount through it too.
 */
const networkFileSystemTypes: ReadonlySet<number> = new Set([
  0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x73757245, 0x5346414f, 0x564c, 0x00c36400,
]);

/** The file-system calls the check needs; tests pass their own to play a network mount. */
export type LibraryFileSystem = {
  readonly realpath: (path: string) => string;
  readonly isRegularFile: (path: string) => boolean;
  /** statfs f_type, or undefined where the platform gives none worth reading. */
  readonly fileSystemType: (path: string) => number | undefined;
};

export const nodeLibraryFileSystem: LibraryFileSystem = {
  // The native call asks the OS for the final path: on Windows a file on a mapped network drive
  // comes back as \\server\share\…, which the network check then refuses (not testable here).
  realpath: (path) => realpathSync.native(path),
  isRegularFile: (path) => statSync(path).isFile(),
  fileSystemType: (path) => statfsSync(path).type,
};

export type LibraryFileCheck =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: LibraryRefusal };

/**
 * Whether this path may be loaded as a PKCS#11 library: the text is checked, the path made
 * canonical (symlinks, `..`), the canonical path checked again (a link to a network share or to
 * a file that is not a library is refused), and it must be a regular file on a local disk.
 * Returns the canonical path: the one to load.
 */
export function inspectLibraryFile(
  path: string,
  options: { readonly fileSystem?: LibraryFileSystem; readonly platform?: NodeJS.Platform } = {},
): LibraryFileCheck {
  const fileSystem = options.fileSystem ?? nodeLibraryFileSystem;
  const platform = options.platform ?? process.platform;
  const refuse = (reason: LibraryRefusal): LibraryFileCheck => ({ ok: false, reason });
  const given = libraryPathRefusal(path);
  if (given !== undefined) return refuse(given);
  let canonical: string;
  try {
    canonical = fileSystem.realpath(path);
  } catch {
    return refuse('missing');
  }
  const resolved = libraryPathRefusal(canonical);
  if (resolved !== undefined) return refuse(resolved);
  try {
    if (!fileSystem.isRegularFile(canonical)) return refuse('not-a-file');
  } catch {
    return refuse('missing');
  }
  if (platform === 'linux') {
    let type: number | undefined;
    try {
      type = fileSystem.fileSystemType(canonical);
    } catch {
      type = undefined;
    }
    if (type !== undefined && networkFileSystemTypes.has(type)) return refuse('network');
  }
  return { ok: true, path: canonical };
}
