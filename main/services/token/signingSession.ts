import { createHash } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import type { Logger } from '../logger';
import { ecdsaRawToDer } from './ecdsaSignature';
import { parseInput, type SignMechanism, signRequestSchema } from './inputSchemas';
import type { LoadedModule } from './moduleRegistry';
import { ckrOf, TokenError, toTokenError } from './tokenError';
import {
  listCertificates,
  listPrivateKeys,
  type PrivateKeyObject,
  type TokenCertificate,
} from './tokenObjects';
import type { TokenSummary } from './tokenSummary';

type Handle = Buffer;

/** A logged-in session on one token: one PIN entry for a whole batch of signatures. */
export type SigningSession = {
  readonly token: TokenSummary;
  /** The count-low or final-try warning the token reported just before this login, if any. */
  readonly warningBeforeLogin: string | undefined;
  /** Certificates with `hasPrivateKey` settled (keys are visible now that the PIN was given). */
  readonly certificates: () => TokenCertificate[];
  /**
   * Signs `data` with the private key whose CKA_ID is `keyIdHex`, on libuv's thread pool.
   * `sha256-rsa-pkcs` (CKM_SHA256_RSA_PKCS) hashes on the token and returns the PKCS#1 v1.5
   * signature; `ecdsa-sha256` hashes here and signs the digest with CKM_ECDSA, returning the DER
   * ECDSA-Sig-Value. Without `mechanism` the key's type decides.
   */
  readonly sign: (keyIdHex: string, data: Uint8Array, mechanism?: SignMechanism) => Promise<Uint8Array>;
  readonly isOpen: () => boolean;
  readonly close: () => void;
};

export type SessionContext = {
  readonly module: LoadedModule;
  readonly slot: Handle;
  readonly session: Handle;
  readonly token: TokenSummary;
  readonly warningBeforeLogin: string | undefined;
  readonly logger: Logger | undefined;
  readonly onClose: () => void;
};

function mechanismFor(key: PrivateKeyObject, requested: SignMechanism | undefined): SignMechanism {
  const mechanism = requested ?? (key.keyType === 'ec' ? 'ecdsa-sha256' : 'sha256-rsa-pkcs');
  const fits = mechanism === 'ecdsa-sha256' ? key.keyType === 'ec' : key.keyType === 'rsa';
  if (!fits) throw new TokenError('mechanism-unsupported', { code: `${mechanism}/${key.keyType}` });
  return mechanism;
}

export function createSigningSession(context: SessionContext): SigningSession {
  const { module, slot, session, token, logger } = context;
  const { pkcs11 } = module;
  let open = true;
  let privateKeys: PrivateKeyObject[] | undefined;
  // PKCS#11 allows one active operation per session: run signatures one after another.
  let queue: Promise<unknown> = Promise.resolve();

  const close = (): void => {
    if (!open) return;
    open = false;
    try {
      pkcs11.C_CloseSession(session);
    } catch {
      // The token is gone or the module finalised: the session died with it.
    }
    context.onClose();
  };

  /** Real tokens say CKR_DEVICE_REMOVED; others (SoftHSM) fail vaguely, so look whether the token is still there. */
  const tokenStillPresent = (): boolean => {
    try {
      if (!pkcs11.C_GetSlotList(true).some((candidate) => candidate.equals(slot))) return false;
      return pkcs11.C_GetTokenInfo(slot).serialNumber.trim() === token.serialNumber;
    } catch {
      return false;
    }
  };

  const failure = (error: unknown): TokenError => {
    let tokenError = toTokenError(error);
    const ambiguous = ['device-error', 'key-not-found', 'unknown', 'not-logged-in'].includes(tokenError.kind);
    if (ambiguous && !tokenStillPresent()) {
      tokenError = new TokenError('token-removed', { code: tokenError.code, cause: error });
    }
    if (tokenError.kind === 'token-removed') close();
    return tokenError;
  };

  const keys = (): PrivateKeyObject[] => {
    privateKeys ??= listPrivateKeys(pkcs11, session);
    return privateKeys;
  };

  const signOnce = async (keyIdHex: string, data: Uint8Array, requested: SignMechanism | undefined) => {
    if (!open) throw new TokenError('session-closed');
    const started = performance.now();
    let key: PrivateKeyObject | undefined;
    try {
      key = keys().find((candidate) => candidate.keyIdHex === keyIdHex.toLowerCase());
    } catch (error) {
      throw failure(error);
    }
    if (key === undefined) throw new TokenError('key-not-found', { code: 'CKA_ID' });
    const mechanism = mechanismFor(key, requested);
    const input =
      mechanism === 'ecdsa-sha256' ? createHash('sha256').update(data).digest() : Buffer.from(data);
    try {
      pkcs11.C_SignInit(
        session,
        { mechanism: mechanism === 'ecdsa-sha256' ? pkcs11js.CKM_ECDSA : pkcs11js.CKM_SHA256_RSA_PKCS },
        key.handle,
      );
      const raw = await pkcs11.C_SignAsync(session, input, Buffer.alloc(key.signatureBytes));
      logger?.info('token.sign', { mechanism, ms: Math.round(performance.now() - started) });
      return mechanism === 'ecdsa-sha256' ? ecdsaRawToDer(raw) : Uint8Array.from(raw);
    } catch (error) {
      const tokenError = failure(error);
      logger?.warn('token.sign.failed', {
        mechanism,
        kind: tokenError.kind,
        code: tokenError.code ?? ckrOf(error),
      });
      throw tokenError;
    }
  };

  return {
    token,
    warningBeforeLogin: context.warningBeforeLogin,
    certificates: () => {
      if (!open) throw new TokenError('session-closed');
      try {
        return listCertificates(pkcs11, session, keys());
      } catch (error) {
        throw failure(error);
      }
    },
    sign: async (keyIdHex, data, mechanism) => {
      const request = parseInput(signRequestSchema, { keyIdHex, data, mechanism });
      const result = queue.then(() => signOnce(request.keyIdHex, request.data, request.mechanism));
      queue = result.catch(() => undefined);
      return result;
    },
    isOpen: () => open,
    close,
  };
}
