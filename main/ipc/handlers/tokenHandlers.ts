import type { TokenLibraryCatalogue } from '../../services/signingJobs/tokenLibraries';
import type { SigningJobService } from '../../services/signingJobs/signingJobService';
import type { TokenWatch } from '../../services/signingJobs/tokenWatch';
import type { IpcHandlers } from '../dispatcher';

export function tokenHandlers(
  jobs: Pick<SigningJobService, 'listTokens'>,
  libraries: TokenLibraryCatalogue,
  watch: TokenWatch,
): Pick<IpcHandlers, 'token:list' | 'token:chooseLibrary' | 'token:watch'> {
  return {
    'token:list': () => jobs.listTokens(),
    'token:chooseLibrary': () => libraries.choose(),
    'token:watch': (request) => watch.wait(request.since),
  };
}
