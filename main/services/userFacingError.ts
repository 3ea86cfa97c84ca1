import type { IpcError } from '../../shared/ipc/result';

/**
 * An error a service raises on purpose: its message, in Vietnamese, is shown to the user as is.
 * It lives below the services (the IPC dispatcher and the CLI both catch it), so no service
 * depends on the IPC layer.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
