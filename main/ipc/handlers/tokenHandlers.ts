import type { TokenLibraryCatalogue } from '../../services/signingJobs/tokenLibraries';
import type { SigningJobService } from '../../services/signingJobs/signingJobService';
import type { IpcHandlers } from '../dispatcher';

export function tokenHandlers(
  jobs: Pick<SigningJobService, 'listTokens'>,
  libraries: TokenLibraryCatalogue,
): Pick<IpcHandlers, 'token:list' | 'token:chooseLibrary'> {
  return {
    'token:list': () => jobs.listTokens(),
    'token:chooseLibrary': () => libraries.choose(),
  };
}
