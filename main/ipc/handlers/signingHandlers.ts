import type { SigningJobService } from '../../services/signingJobs/signingJobService';
import type { IpcHandlers } from '../dispatcher';

type SigningChannels = 'token:list' | 'signing:start' | 'signing:status' | 'signing:cancel' | 'signing:current';

export function signingHandlers(jobs: SigningJobService): Pick<IpcHandlers, SigningChannels> {
  return {
    'token:list': async (request) => jobs.listTokens(request.userLibraryPath),
    'signing:start': (request) => jobs.start(request),
    'signing:status': async (request) => jobs.status(request.jobId),
    'signing:cancel': async (request) => jobs.cancel(request.jobId),
    'signing:current': async () => jobs.current() ?? null,
  };
}
