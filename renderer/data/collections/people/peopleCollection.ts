import type { RxCollection, RxCollectionCreator } from 'rxdb';
import {
  migratePersonV0toV1,
  migratePersonV1toV2,
  migratePersonV2toV3,
  migratePersonV3toV4,
  migratePersonV4toV5,
} from '../../../../shared/documents/people/peopleMigrations';
import { peopleJsonSchema, type PersonDoc } from '../../../../shared/documents/people/people';
import { rxSchemaOf } from '../rxSchemaOf';

export { newStudentFields } from '../../../../shared/documents/people/peopleMigrations';
export type { PersonDoc };

/** A dated check by a named person: "đã đối chiếu giấy khai sinh", "cha mẹ đã xác nhận". */
export type DatedCheck = NonNullable<PersonDoc['birthCertificateCheck']>;
/** The 3×4 photo kept by main's photo store, by content hash. */
export type PhotoReference = NonNullable<PersonDoc['photo']>;
/** How a student left the school (people v4). */
export type StudentDeparture = NonNullable<PersonDoc['departure']>;

/**
 * `people`: one document per student, written by the homeroom teacher. Its versions (v0–v5) and
 * what each added are in shared/documents/people.
 */
export const peopleSchema = rxSchemaOf<PersonDoc>(peopleJsonSchema);

/** Each step takes a document of the previous version and returns it in the next. */
export const peopleMigrationStrategies = {
  1: migratePersonV0toV1,
  2: migratePersonV1toV2,
  3: migratePersonV2toV3,
  4: migratePersonV3toV4,
  5: migratePersonV4toV5,
};

export type PeopleCollection = RxCollection<PersonDoc>;

export const peopleCollection = {
  schema: peopleSchema,
  migrationStrategies: peopleMigrationStrategies,
} satisfies RxCollectionCreator<PersonDoc>;
