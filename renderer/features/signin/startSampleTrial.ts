import { defaultCompiledCatalogue } from '../../../shared/domain/evaluation/compiledCatalogue';
import { permissionsFor } from '../../../shared/domain/permissions';
import { generateYearResults } from '../../../shared/sample/generateYearResults';
import type { SampleSchoolFile } from '../../../shared/sample/sampleSchoolFile';
import { sampleDatabaseName, sampleSessionAs, type Session } from '../../app/session';
import { openHocbaDatabase, type HocbaDatabase } from '../../data/database';
import { importSampleSchool, sampleSchoolDocuments, type SeedProgress } from '../../data/importSampleSchool';
import type { IpcClient } from '../../ipc/ipcClient';
import { sampleResultsSeed, sampleTrialRequest } from './sampleTrialRequest';

export type SampleTrialOptions = { readonly students: number; readonly withResults: boolean };

export type SampleTrialProgress =
  | { readonly stage: 'generating' }
  | { readonly stage: 'saving'; readonly progress: SeedProgress }
  | { readonly stage: 'done'; readonly documents: number; readonly milliseconds: number };

export type SampleTrial = { readonly session: Session; readonly database: HocbaDatabase };

/**
 * Asks main for the sample school, opens the trial's own database and writes the school into it
 * (with a year of results if asked), every document through the audit chain, as the principal.
 * A trial already on this machine is opened as it is.
 */
export async function startSampleTrial(
  ipc: IpcClient,
  options: SampleTrialOptions,
  onProgress: (progress: SampleTrialProgress) => void,
): Promise<{ ok: true; trial: SampleTrial } | { ok: false; message: string }> {
  onProgress({ stage: 'generating' });
  const [generated, info] = await Promise.all([
    ipc.invoke('sample:generate', { seed: sampleTrialRequest.seed, students: options.students }),
    ipc.invoke('app:info', {}),
  ]);
  if (!generated.ok) return { ok: false, message: generated.error.message };
  if (!info.ok) return { ok: false, message: info.error.message };
  const file: SampleSchoolFile = generated.value;
  const principal = file.staff.find((member) => member.role === 'principal');
  if (!principal) return { ok: false, message: 'Trường mẫu thiếu hiệu trưởng.' };
  const session = sampleSessionAs(principal);
  const database = await openHocbaDatabase({ name: sampleDatabaseName });
  if ((await database.schools.count().exec()) > 0) return { ok: true, trial: { session, database } };

  const catalogue = defaultCompiledCatalogue();
  const started = performance.now();
  const results = options.withResults ? generateYearResults(catalogue, file, sampleResultsSeed) : undefined;
  const actor = { userId: principal.userId, role: principal.role };
  const context = {
    deviceId: info.value.deviceId,
    actor,
    permissions: permissionsFor(actor, []),
    catalogue,
    now: () => new Date(),
  };
  const documents = sampleSchoolDocuments(file, results, principal.userId, new Date());
  const written = await importSampleSchool(database, context, documents, (progress) =>
    onProgress({ stage: 'saving', progress }),
  );
  // Timing marks for `npm run bench:seed`; harmless in normal use.
  performance.measure('hocba:seed', {
    start: started,
    end: performance.now(),
    detail: { documents: written },
  });
  onProgress({ stage: 'done', documents: written, milliseconds: performance.now() - started });
  return { ok: true, trial: { session, database } };
}
