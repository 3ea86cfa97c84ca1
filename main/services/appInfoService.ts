import type { AppInfo } from '../../shared/ipc/contract';

export type AppInfoService = { readonly info: () => AppInfo };

/** What the app knows about itself; Electron and the bridge each pass their own facts in. */
export function createAppInfoService(facts: AppInfo): AppInfoService {
  const snapshot: AppInfo = { ...facts };
  return { info: () => snapshot };
}
