import type { SampleService } from '../../services/sampleService';
import type { IpcHandlers } from '../dispatcher';

export function sampleHandlers(service: SampleService): Pick<IpcHandlers, 'sample:generate'> {
  return {
    'sample:generate': async (request) =>
      service.generate({
        seed: request.seed,
        students: request.students,
        ...(request.schoolYear ? { schoolYear: request.schoolYear } : {}),
      }),
  };
}
