import type { SampleSchoolFile } from '../../../shared/sample/sampleSchoolFile';
import { sampleSession, type Session } from '../../app/session';
import { databaseNameFor, openHocbaDatabase, type HocbaDatabase } from '../../data/database';
import { importSampleSchool } from '../../data/importSampleSchool';
import type { IpcClient } from '../../ipc/ipcClient';
import { sampleTrialRequest } from './sampleTrialRequest';

export type SampleTrialProgress =
  { readonly stage: 'generating' } | { readonly stage: 'saving'; readonly students: number };

export type SampleTrial = { readonly session: Session; readonly database: HocbaDatabase };

/** Asks main for the sample school, opens the trial user's own database and writes the school into it. */
export async function startSampleTrial(
  ipc: IpcClient,
  onProgress: (progress: SampleTrialProgress) => void,
): Promise<{ ok: true; trial: SampleTrial } | { ok: false; message: string }> {
  onProgress({ stage: 'generating' });
  const generated = await ipc.invoke('sample:generate', sampleTrialRequest);
  if (!generated.ok) return { ok: false, message: generated.error.message };
  const file: SampleSchoolFile = generated.value;
  onProgress({ stage: 'saving', students: file.students.length });
  const database = await openHocbaDatabase({ name: databaseNameFor(sampleSession.userId) });
  await importSampleSchool(database, file, sampleSession.userId);
  return { ok: true, trial: { session: sampleSession, database } };
}
