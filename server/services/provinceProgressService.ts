import {
  defaultCompiledCatalogue,
  type CompiledCatalogue,
} from '../../shared/domain/evaluation/compiledCatalogue';
import type { SchoolId } from '../../shared/domain/ids';
import { classDocumentSchema } from '../../shared/documents/classes/classes';
import { personDocumentSchema } from '../../shared/documents/people/people';
import { schoolProgress, type SchoolProgress } from '../../shared/sync/schoolProgress';
import {
  confirmedYearResults,
  latestSignedRecords,
  liveBodies,
  progressKey,
  schoolSyncState,
  subjectLevelCounts,
  type SchoolSyncState,
} from '../db/progressRepo';
import { listSchools, type SchoolRecord } from '../db/schoolsRepo';
import type { Actor } from './actor';
import type { ServiceContext } from './context';
import { requireProvinceAdmin } from './permissions';

/** One school's line on the province's progress page: who it is, its sync state, its progress. */
export type SchoolProgressLine = {
  readonly school: SchoolRecord;
  readonly sync: SchoolSyncState;
  readonly progress: SchoolProgress;
};

/**
 * Tiến độ các trường (issue 12, point 7). A school's progress is worked out from its own shard
 * (SQL counts, and the rule in shared/sync/schoolProgress.ts for what needs the documents whole)
 * and kept with its sync state until the school's sync head or its kept records move, so the
 * page costs one small query per unchanged school.
 */
export type ProvinceProgress = {
  readonly forAdmin: (actor: Actor) => Promise<SchoolProgressLine[]>;
};

async function progressOf(
  ctx: ServiceContext,
  compiled: CompiledCatalogue,
  schoolId: SchoolId,
): Promise<SchoolProgress> {
  const [classBodies, peopleBodies, rowResults, confirmedByClass, signedRecords] = await Promise.all([
    liveBodies(ctx.db, schoolId, 'classes'),
    liveBodies(ctx.db, schoolId, 'people'),
    subjectLevelCounts(ctx.db, schoolId),
    confirmedYearResults(ctx.db, schoolId),
    latestSignedRecords(ctx.db, schoolId),
  ]);
  // Stored documents were judged on the way in; one that no longer parses (a newer app's) is left out.
  const classes = classBodies.flatMap((body) => {
    const parsed = classDocumentSchema.safeParse(body);
    return parsed.success ? [parsed.data] : [];
  });
  const students = peopleBodies.flatMap((body) => {
    const parsed = personDocumentSchema.safeParse(body);
    return parsed.success ? [parsed.data] : [];
  });
  return schoolProgress({ compiled, classes, students, rowResults, confirmedByClass, signedRecords });
}

/** Schools worked out at once when the page finds their data moved. */
const concurrentSchools = 4;

export function createProvinceProgress(ctx: ServiceContext): ProvinceProgress {
  const compiled = defaultCompiledCatalogue();
  type Kept = { readonly key: string; readonly sync: SchoolSyncState; readonly progress: SchoolProgress };
  const kept = new Map<SchoolId, Kept>();
  return {
    forAdmin: async (actor) => {
      requireProvinceAdmin(actor);
      const schools = await listSchools(ctx.db);
      const keys = await Promise.all(
        schools.map(async (school) => {
          const { headSeq, recordVersions } = await progressKey(ctx.db, school.schoolId);
          return `${String(headSeq)}:${String(recordVersions)}`;
        }),
      );
      // The schools whose data moved are worked out a few at once: the database counts one
      // school while Node judges another's profiles.
      const stale = schools.flatMap((school, index) =>
        kept.get(school.schoolId)?.key === keys[index] ? [] : [{ school, key: keys[index] ?? '' }],
      );
      const workers = Array.from({ length: Math.min(concurrentSchools, stale.length) }, async () => {
        for (let next = stale.shift(); next !== undefined; next = stale.shift()) {
          // Read after the key: a change meanwhile only makes this newer than its key says.
          const [sync, progress] = await Promise.all([
            schoolSyncState(ctx.db, next.school.schoolId),
            progressOf(ctx, compiled, next.school.schoolId),
          ]);
          kept.set(next.school.schoolId, { key: next.key, sync, progress });
        }
      });
      await Promise.all(workers);
      return schools.flatMap((school) => {
        const line = kept.get(school.schoolId);
        return line === undefined ? [] : [{ school, sync: line.sync, progress: line.progress }];
      });
    },
  };
}
