import type { TokenLibraryCatalogue } from '../../services/signingJobs/tokenLibraries';
import type { SigningJobService } from '../../services/signingJobs/signingJobService';
import type { IpcHandlers } from '../dispatcher';

type SigningChannels =
  | 'token:list'
  | 'token:chooseLibrary'
  | 'signing:start'
  | 'signing:status'
  | 'signing:cancel'
  | 'signing:current';

export function signingHandlers(
  jobs: SigningJobService,
  libraries: TokenLibraryCatalogue,
): Pick<IpcHandlers, SigningChannels> {
  return {
    'token:list': () => jobs.listTokens(),
    'token:chooseLibrary': () => libraries.choose(),
    'signing:start': (request) => jobs.start(request),
    'signing:status': async (request) => jobs.status(request.jobId),
    'signing:cancel': async (request) => jobs.cancel(request.jobId),
    'signing:current': async () => jobs.current() ?? null,
  };
}
