import type { ApiErrorCode } from '../../shared/auth/authWire';
import { serverStrings, signedRecordStrings } from '../strings';

/** When an account with too many half-sent records may try again: after the desktop's next round. */
const tooManyUploadsRetrySeconds = 300;

/** A refusal a route answers with the shared error shape (`{ error: { code, message } }`). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    override readonly message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export const failures = {
  badRequest: (message: string = serverStrings.badRequest) => new ApiFailure(400, 'badRequest', message),
  unauthenticated: () => new ApiFailure(401, 'unauthenticated', serverStrings.unauthenticated),
  tokenExpired: () => new ApiFailure(401, 'tokenExpired', serverStrings.tokenExpired),
  forbidden: (message: string = serverStrings.forbidden) => new ApiFailure(403, 'forbidden', message),
  notFound: (message: string = serverStrings.notFound) => new ApiFailure(404, 'notFound', message),
  conflict: (message: string) => new ApiFailure(409, 'conflict', message),
  refused: (message: string) => new ApiFailure(422, 'refused', message),
  unsupportedEncoding: (message: string) => new ApiFailure(415, 'badRequest', message),
  wrongCredentials: (message: string = serverStrings.wrongCredentials) =>
    new ApiFailure(401, 'wrongCredentials', message),
  accountLocked: (retryAfterSeconds: number) =>
    new ApiFailure(423, 'accountLocked', serverStrings.accountLocked, retryAfterSeconds),
  accountDisabled: (status: 401 | 403) =>
    new ApiFailure(status, 'accountDisabled', serverStrings.accountDisabled),
  /** An account with too many signed records left half-sent (signedRecordService.ts). */
  tooManyUploads: () =>
    new ApiFailure(429, 'tooManyRequests', signedRecordStrings.tooManyUploads, tooManyUploadsRetrySeconds),
  tooManyRequests: (retryAfterSeconds: number) =>
    new ApiFailure(429, 'tooManyRequests', serverStrings.tooManyRequests, retryAfterSeconds),
};
