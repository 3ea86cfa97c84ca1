import type { RxCollection, RxCollectionCreator } from 'rxdb';
import { schoolsJsonSchema, type SchoolDoc } from '../../../../shared/documents/schools/schools';
import {
  migrateSchoolV0toV1,
  migrateSchoolV1toV2,
  migrateSchoolV2toV3,
} from '../../../../shared/documents/schools/schoolsMigrations';
import { rxSchemaOf } from '../rxSchemaOf';

export type { SchoolDoc };

/**
 * `schools`: one document per school, written by the principal. Its versions (v0–v3) and what
 * each added are in shared/documents/schools.
 */
export const schoolSchema = rxSchemaOf<SchoolDoc>(schoolsJsonSchema);

/** Each step takes a document of the previous version and returns it in the next. */
export const schoolMigrationStrategies = {
  1: migrateSchoolV0toV1,
  2: migrateSchoolV1toV2,
  3: migrateSchoolV2toV3,
};

export type SchoolsCollection = RxCollection<SchoolDoc>;

export const schoolsCollection = {
  schema: schoolSchema,
  migrationStrategies: schoolMigrationStrategies,
} satisfies RxCollectionCreator<SchoolDoc>;
