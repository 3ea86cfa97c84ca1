import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder outside Electron (bridge, CLI): `HOCBA_DATA_DIR` when set, else the platform's
 * usual place, the same folder Electron's `app.getPath('userData')` would give for "Học bạ số".
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const configured = env.HOCBA_DATA_DIR;
  if (configured) return configured;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Học bạ số');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Học bạ số');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Học bạ số');
}
