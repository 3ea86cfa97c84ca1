import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { ClassId, StudentId } from '../../../../shared/domain/ids';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { migratePersonV0toV1, type PersonDocV1 } from './peopleSchemaV1';

/**
 * The identity fields of the live schema, its own copy: the frozen v0 and v1 schemas keep theirs,
 * so changing a field here (a new version) can never change what an old version was.
 */
const identityProperties = {
  studentCode: { type: 'string', maxLength: 10 },
  personalId: { type: 'string', maxLength: 12 },
  fullName: { type: 'string', maxLength: 120 },
  gender: { type: 'string', enum: ['male', 'female'], maxLength: 6 },
  birthDate: { type: 'string', maxLength: 10 },
  ethnicity: { type: 'string', maxLength: 300 },
  nationality: { type: 'string', maxLength: 300 },
  birthPlace: { type: 'string', maxLength: 300 },
  hometown: { type: 'string', maxLength: 300 },
  address: { type: 'string', maxLength: 300 },
  fatherName: { type: 'string', maxLength: 300 },
  motherName: { type: 'string', maxLength: 300 },
  guardianName: { type: 'string', maxLength: 300 },
} as const;
const identityRequired = Object.keys(identityProperties) as (keyof typeof identityProperties)[];

/** A dated check by a named person: "đã đối chiếu giấy khai sinh", "cha mẹ đã xác nhận". */
export type DatedCheck = { readonly date: string; readonly by: string };

/** The 3×4 photo kept by main's photo store, by content hash. */
export type PhotoReference = { readonly photoId: string; readonly width: number; readonly height: number };

/**
 * `people`: one document per student (identity, identifiers, photo reference), written by the
 * homeroom teacher.
 *
 * Version history (append-only):
 * - v0: identity fields and class.
 * - v1: `searchName`, the name without diacritics and in lower case, so typing "nguyen van duc"
 *   finds "Nguyễn Văn Đức" without re-normalising every name on every keystroke.
 * - v2: `electives` taken this year, the `photo` reference, and the two checks of the identity
 *   page (`birthCertificateCheck`, `parentsConfirmation`).
 */
export type PersonDoc = PersonDocV1 & {
  /** `student:<studentCode>` (studentIdOf), the class's id (classIdOf): typed as such from v2 on. */
  readonly id: StudentId;
  readonly classId: ClassId;
  readonly electives: readonly string[];
  readonly photo: PhotoReference | null;
  readonly birthCertificateCheck: DatedCheck | null;
  readonly parentsConfirmation: DatedCheck | null;
};

const datedCheck = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { date: { type: 'string', maxLength: 10 }, by: { type: 'string', maxLength: 60 } },
  required: ['date', 'by'],
} as const;

export const peopleSchema: RxJsonSchema<PersonDoc> = {
  title: 'people',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 40 },
    classId: { type: 'string', maxLength: 80 },
    ...identityProperties,
    searchName: { type: 'string', maxLength: 120 },
    electives: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 40 } },
    photo: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        photoId: { type: 'string', maxLength: 64 },
        width: { type: 'integer', minimum: 1, maximum: 4000 },
        height: { type: 'integer', minimum: 1, maximum: 4000 },
      },
      required: ['photoId', 'width', 'height'],
    },
    birthCertificateCheck: datedCheck,
    parentsConfirmation: datedCheck,
    ...documentMetaProperties,
  },
  required: [
    'id',
    'classId',
    ...identityRequired,
    'searchName',
    'electives',
    'photo',
    'birthCertificateCheck',
    'parentsConfirmation',
    ...documentMetaRequired,
  ],
  indexes: ['classId'],
};

/** Each step takes a document of the previous version and returns it in the next. */
export const peopleMigrationStrategies = {
  1: migratePersonV0toV1,
  2: (old: PersonDocV1): PersonDoc => ({
    ...old,
    // The same stored ids, typed: this app wrote them with studentIdOf and classIdOf.
    id: old.id as StudentId,
    classId: old.classId as ClassId,
    electives: [],
    photo: null,
    birthCertificateCheck: null,
    parentsConfirmation: null,
  }),
};

export type PeopleCollection = RxCollection<PersonDoc>;

export const peopleCollection = {
  schema: peopleSchema,
  migrationStrategies: peopleMigrationStrategies,
} satisfies RxCollectionCreator<PersonDoc>;
