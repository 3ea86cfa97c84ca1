/**
 * The names of every IPC channel, `area:verb` (conventions.md). Kept free of schemas so the
 * preload can allow-list channels without bundling the validation library.
 */
export const ipcChannels = [
  'app:info',
  'sample:generate',
  'classList:read',
  'classList:template',
  'summary:exportXlsx',
  'trackingBook:exportXlsx',
  'trackingBook:exportPdf',
  'photo:save',
  'photo:read',
  'records:produce',
  'records:amend',
  'records:list',
  'records:read',
  'records:verify',
  'records:bundleAdd',
  'records:bundleFinish',
  'token:list',
  'token:chooseLibrary',
  'token:watch',
  'signing:start',
  'signing:status',
  'signing:cancel',
  'signing:current',
  'audit:recordHead',
  'audit:checkChain',
  'backup:stage',
  'backup:create',
  'backup:list',
  'backup:verify',
  'backup:inspect',
  'backup:restore',
  'backup:restoredPart',
  'session:current',
  'session:signIn',
  'session:signOut',
  'session:actAsTrialUser',
  'session:changePassword',
  'session:resetPassword',
  'session:serverSetting',
  'session:setServer',
  'session:databaseKey',
  'session:createStaffAccount',
] as const;
export type IpcChannel = (typeof ipcChannels)[number];

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && (ipcChannels as readonly string[]).includes(value);
}
