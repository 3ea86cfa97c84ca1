import { z } from 'zod';

/** Machine-readable error codes; the message beside them is for the user, in Vietnamese. */
export const ipcErrorCodes = [
  'unknown-channel',
  'invalid-request',
  'invalid-response',
  'unauthorized',
  'failed',
  'unavailable',
] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

export const ipcErrorSchema = z.object({
  code: z.enum(ipcErrorCodes),
  message: z.string(),
  /** Which fields were wrong, for invalid requests: `["students"]: "must be ≤ 5000"`. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type IpcError = z.output<typeof ipcErrorSchema>;

/** Every IPC call answers with a value or an error the user can act on; it never throws across the boundary. */
export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export const ipcEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ipcErrorSchema }),
]);
