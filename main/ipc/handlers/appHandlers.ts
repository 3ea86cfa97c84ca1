import type { AppInfoService } from '../../services/appInfoService';
import type { IpcHandlers } from '../dispatcher';

export function appHandlers(service: AppInfoService): Pick<IpcHandlers, 'app:info'> {
  return {
    'app:info': async () => service.info(),
  };
}
