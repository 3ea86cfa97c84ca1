import { z } from 'zod';
import { provinceServerUrlSchema } from '../../../shared/ipc/sessionChannels';
import { defineSetting, type SettingsStore } from '../settings/settingsStore';
import { UserFacingError } from '../userFacingError';
import { sessionStrings } from './sessionStrings';

const serverUrlSetting = defineSetting('provinceServer.url', z.string().max(300));

export type ProvinceServerSettingView = {
  readonly serverUrl: string | null;
  readonly source: 'settings' | 'environment' | 'none';
};

/**
 * Where the province server is: `HOCBA_SERVER_URL` (set by whoever installs the desktop) wins;
 * otherwise the address the principal typed on the sign-in screen, kept in main's settings.
 */
export type ProvinceServerSetting = {
  readonly url: () => Promise<string | undefined>;
  readonly view: () => Promise<ProvinceServerSettingView>;
  readonly set: (serverUrl: string | null) => Promise<ProvinceServerSettingView>;
};

export function createProvinceServerSetting(options: {
  readonly settings: SettingsStore;
  readonly environmentUrl?: string;
}): ProvinceServerSetting {
  const fromEnvironment =
    options.environmentUrl === undefined || options.environmentUrl === ''
      ? undefined
      : provinceServerUrlSchema.parse(options.environmentUrl);
  const view = async (): Promise<ProvinceServerSettingView> => {
    if (fromEnvironment !== undefined) return { serverUrl: fromEnvironment, source: 'environment' };
    const stored = await options.settings.read(serverUrlSetting);
    if (stored.state !== 'set') return { serverUrl: null, source: 'none' };
    const parsed = provinceServerUrlSchema.safeParse(stored.value);
    return parsed.success
      ? { serverUrl: parsed.data, source: 'settings' }
      : { serverUrl: null, source: 'none' };
  };
  return {
    view,
    url: async () => (await view()).serverUrl ?? undefined,
    set: async (serverUrl) => {
      if (fromEnvironment !== undefined)
        throw new UserFacingError('unauthorized', sessionStrings.serverFromEnvironment);
      if (serverUrl === null) await options.settings.remove(serverUrlSetting);
      else await options.settings.write(serverUrlSetting, serverUrl);
      return view();
    },
  };
}
