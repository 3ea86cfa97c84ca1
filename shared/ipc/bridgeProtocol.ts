/**
 * How the renderer reaches main over the local HTTP bridge (development and tests in Chromium):
 * `POST /ipc/<channel>` with a JSON body and the per-run secret in a header. The page learns the
 * secret from the URL fragment it was opened with, which is never sent over the network.
 */
export const bridgeIpcPathPrefix = '/ipc/';
export const bridgeSecretHeader = 'x-hocba-bridge-secret';
export const bridgeSecretFragmentKey = 'bridge';
