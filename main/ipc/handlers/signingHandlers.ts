import type { SigningJobService } from '../../services/signingJobs/signingJobService';
import type { IpcHandlers } from '../dispatcher';

export function signingHandlers(
  jobs: SigningJobService,
): Pick<IpcHandlers, 'signing:start' | 'signing:status' | 'signing:cancel' | 'signing:current'> {
  return {
    'signing:start': (request) => jobs.start(request),
    'signing:status': async (request) => jobs.status(request.jobId),
    'signing:cancel': async (request) => jobs.cancel(request.jobId),
    'signing:current': async () => jobs.current() ?? null,
  };
}
