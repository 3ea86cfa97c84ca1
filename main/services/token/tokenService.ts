import { basename } from 'node:path';
import pkcs11js from 'pkcs11js';
import type { Logger } from '../logger';
import { parseInput, pinSchema, type TokenRef, tokenRefSchema } from './inputSchemas';
import { inspectLibraryFile, libraryPathSchema } from './knownLibraries';
import { createModuleRegistry, type LoadedModule, type ModuleRegistry } from './moduleRegistry';
import { ckr } from './pkcs11Codes';
import { type PinState, pinStateFromFlags } from './pinState';
import { createSigningSession, type SigningSession } from './signingSession';
import { ckrOf, TokenError, toTokenError } from './tokenError';
import { listCertificates, type TokenCertificate } from './tokenObjects';
import { type SlotSummary, slotSummary, type TokenSummary, tokenSummary } from './tokenSummary';

export type LoginOptions = {
  /**
   * The token said the next wrong PIN locks it (CKF_USER_PIN_FINAL_TRY). The login goes ahead
   * only when the user has seen that warning and confirmed; otherwise it fails with 'pin-final-try'.
   */
  readonly acknowledgeFinalTry?: boolean;
};

export type TokenService = {
  readonly listSlots: (libraryPath: string) => SlotSummary[];
  /** Initialised tokens present now; a slot whose token stopped answering counts as empty. */
  readonly listTokens: (libraryPath: string) => TokenSummary[];
  /** Certificates readable without a PIN (`hasPrivateKey` is then undefined). */
  readonly readCertificates: (ref: TokenRef) => TokenCertificate[];
  /** The PIN counters right now: call it before asking for the PIN, to show the warning. */
  readonly readPinState: (ref: TokenRef) => PinState;
  /**
   * Reads the PIN flags, refuses a locked token without trying, then logs in. The PIN is used for
   * this one C_Login call and kept nowhere. A wrong PIN throws TokenError('pin-incorrect') whose
   * `pinState` holds the counters read just after the failure.
   */
  readonly login: (ref: TokenRef, pin: string, options?: LoginOptions) => Promise<SigningSession>;
  /**
   * Closes this library's sessions and loads it afresh: after a fault (CKR_CRYPTOKI_NOT_INITIALIZED),
   * or to see tokens a library only scans at C_Initialize (SoftHSM does). Other users of the shared
   * module lose their sessions too, as they would when the token is pulled out.
   */
  readonly reload: (libraryPath: string) => void;
  /**
   * Reloads the library to see tokens it only finds at C_Initialize, but only when it is loaded
   * and none of this service's sessions is open on it, so a batch being signed (or its pulled
   * token's error) is never cut short; returns whether it reloaded.
   */
  readonly rescan: (libraryPath: string) => boolean;
  /** Closes every session and releases every module this service loaded. */
  readonly close: () => void;
};

export type TokenServiceOptions = {
  readonly registry?: ModuleRegistry;
  readonly logger?: Logger;
};

let sharedRegistry: ModuleRegistry | undefined;

/** The process-wide registry: one loaded module per library, whoever asks (token service, CLI, bench). */
export function sharedModuleRegistry(): ModuleRegistry {
  sharedRegistry ??= createModuleRegistry();
  return sharedRegistry;
}

type Handle = Buffer;

export function createTokenService(options: TokenServiceOptions = {}): TokenService {
  const registry = options.registry ?? sharedModuleRegistry();
  const logger = options.logger;
  const held = new Map<string, LoadedModule>();
  const sessions = new Map<SigningSession, string>();

  const moduleFor = (libraryPath: string): LoadedModule => {
    const path = parseInput(libraryPathSchema, libraryPath);
    // Every caller checks the library first; the service checks again what it is about to load
    // (a regular, local library file once links are followed), so no caller can forget.
    const inspected = inspectLibraryFile(path);
    if (!inspected.ok)
      throw new TokenError(inspected.reason === 'missing' ? 'library-load-failed' : 'invalid-input', {
        code: inspected.reason,
      });
    const existing = held.get(path);
    if (existing !== undefined) return existing;
    const module = registry.acquire(path);
    held.set(path, module);
    return module;
  };

  /** The slot of `ref`, checked present and holding the expected token. */
  const resolveSlot = (ref: TokenRef): { module: LoadedModule; slot: Handle; info: pkcs11js.TokenInfo } => {
    const module = moduleFor(ref.libraryPath);
    const slot = Buffer.from(ref.slotId, 'hex');
    try {
      if (!module.pkcs11.C_GetSlotList(true).some((candidate) => candidate.equals(slot))) {
        throw new TokenError('token-removed', { code: 'slot-empty' });
      }
      const info = module.pkcs11.C_GetTokenInfo(slot);
      if (ref.expectedSerial !== undefined && info.serialNumber.trim() !== ref.expectedSerial) {
        throw new TokenError('wrong-token');
      }
      return { module, slot, info };
    } catch (error) {
      // A slot that is listed but whose token no longer answers was pulled out (SoftHSM: CKR_GENERAL_ERROR).
      const tokenError = toTokenError(error);
      throw tokenError.kind === 'device-error'
        ? new TokenError('token-removed', { code: tokenError.code, cause: error })
        : tokenError;
    }
  };

  const withReadOnlySession = <T>(module: LoadedModule, slot: Handle, use: (session: Handle) => T): T => {
    const session = module.pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    try {
      return use(session);
    } finally {
      try {
        module.pkcs11.C_CloseSession(session);
      } catch {
        // Token gone: the session is gone too.
      }
    }
  };

  const login = async (
    ref: TokenRef,
    pin: string,
    loginOptions: LoginOptions = {},
  ): Promise<SigningSession> => {
    const target = parseInput(tokenRefSchema, ref);
    const validPin = parseInput(pinSchema, pin);
    const { module, slot, info } = resolveSlot(target);
    const library = basename(module.path);
    const before = pinStateFromFlags(info.flags);
    if (before.status === 'locked') {
      logger?.warn('token.login.refused', { library, reason: 'pin-locked' });
      throw new TokenError('pin-locked', { code: 'CKF_USER_PIN_LOCKED', pinState: before });
    }
    if (before.status === 'final-try' && loginOptions.acknowledgeFinalTry !== true) {
      logger?.warn('token.login.refused', { library, reason: 'final-try-unacknowledged' });
      throw new TokenError('pin-final-try', { code: 'CKF_USER_PIN_FINAL_TRY', pinState: before });
    }
    let session: Handle;
    try {
      session = module.pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    } catch (error) {
      throw toTokenError(error);
    }
    try {
      module.pkcs11.C_Login(session, pkcs11js.CKU_USER, validPin);
    } catch (error) {
      const code = ckrOf(error);
      // Another session of this process is logged in to the token, so the PIN was not checked:
      // refuse rather than let a wrong PIN through on someone else's login.
      if (code === ckr.CKR_USER_ALREADY_LOGGED_IN) {
        try {
          module.pkcs11.C_CloseSession(session);
        } catch {
          // Nothing more to release.
        }
        logger?.warn('token.login.busy', { library });
        throw new TokenError('token-busy', { code: 'CKR_USER_ALREADY_LOGGED_IN', cause: error });
      }
      try {
        module.pkcs11.C_CloseSession(session);
      } catch {
        // Nothing more to release.
      }
      const failed = toTokenError(error);
      let after: PinState | undefined;
      try {
        after = pinStateFromFlags(module.pkcs11.C_GetTokenInfo(slot).flags);
      } catch {
        after = undefined;
      }
      logger?.warn('token.login.failed', {
        library,
        kind: failed.kind,
        code: failed.code,
        pinStatus: after?.status,
      });
      throw new TokenError(failed.kind, { code: failed.code, pinState: after, cause: error });
    }
    logger?.info('token.login', { library, pinStatusBefore: before.status });
    const signingSession = createSigningSession({
      module,
      slot,
      session,
      token: tokenSummary(module.path, slot, info),
      warningBeforeLogin: before.warning,
      logger,
      onClose: () => sessions.delete(signingSession),
    });
    sessions.set(signingSession, module.path);
    return signingSession;
  };

  const reload = (libraryPath: string): void => {
    const path = parseInput(libraryPathSchema, libraryPath);
    const module = held.get(path) ?? registry.acquire(path);
    for (const [session, sessionPath] of [...sessions]) if (sessionPath === module.path) session.close();
    held.delete(path);
    registry.reset(path);
  };

  return {
    listSlots: (libraryPath) => {
      const { pkcs11 } = moduleFor(libraryPath);
      try {
        return pkcs11.C_GetSlotList(false).map((slot) => slotSummary(slot, pkcs11.C_GetSlotInfo(slot)));
      } catch (error) {
        throw toTokenError(error);
      }
    },
    listTokens: (libraryPath) => {
      const module = moduleFor(libraryPath);
      let slots: Handle[];
      try {
        slots = module.pkcs11.C_GetSlotList(true);
      } catch (error) {
        throw toTokenError(error);
      }
      const tokens: TokenSummary[] = [];
      for (const slot of slots) {
        try {
          const summary = tokenSummary(module.path, slot, module.pkcs11.C_GetTokenInfo(slot));
          if (summary.initialized) tokens.push(summary);
        } catch {
          // The token left between the two calls, or stopped answering: not present.
        }
      }
      return tokens;
    },
    readCertificates: (ref) => {
      const { module, slot } = resolveSlot(parseInput(tokenRefSchema, ref));
      try {
        return withReadOnlySession(module, slot, (session) =>
          listCertificates(module.pkcs11, session, undefined),
        );
      } catch (error) {
        throw toTokenError(error);
      }
    },
    readPinState: (ref) => pinStateFromFlags(resolveSlot(parseInput(tokenRefSchema, ref)).info.flags),
    login,
    reload,
    rescan: (libraryPath) => {
      const module = held.get(parseInput(libraryPathSchema, libraryPath));
      if (module === undefined || [...sessions.values()].includes(module.path)) return false;
      reload(libraryPath);
      return true;
    },
    close: () => {
      for (const session of [...sessions.keys()]) session.close();
      for (const path of held.keys()) registry.release(path);
      held.clear();
    },
  };
}
