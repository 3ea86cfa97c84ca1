import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import { migratePersonV0toV1 } from './peopleSchemaV1';
import { migratePersonV1toV2 } from './peopleSchemaV2';
import { migratePersonV2toV3, newInV3, type PersonDocV3 } from './peopleSchemaV3';

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
 * How a student left the school: hoàn thành chương trình tiểu học, chuyển trường (`detail`: the
 * school they go to), thôi học (`detail`: the reason); `schoolYear` is their last year here.
 */
export type StudentDeparture = {
  readonly kind: 'finishedPrimary' | 'transferred' | 'left';
  readonly date: string;
  readonly schoolYear: string;
  readonly detail: string;
};

/**
 * `people`: one document per student (identity, identifiers, photo reference), written by the
 * homeroom teacher.
 *
 * Version history (append-only; released versions are frozen in their own files):
 * - v0: identity fields and class.
 * - v1: `searchName`, the name without diacritics and in lower case, so typing "nguyen van duc"
 *   finds "Nguyễn Văn Đức" without re-normalising every name on every keystroke.
 * - v2: `electives` taken this year, the `photo` reference, and the two checks of the identity
 *   page (`birthCertificateCheck`, `parentsConfirmation`).
 * - v3: the study history: `listNumber` (STT in the class list as the school's file has it),
 *   `registerNumber` (số đăng bộ), `entryDate` (ngày nhập học/chuyển đến) and `priorYears`; and
 *   `individualEducationPlan`, a student with disabilities evaluated against their individual
 *   education plan (kế hoạch giáo dục cá nhân, TT27 Điều 8) instead of the standard levels.
 * - v4: `departure`, written by the year roll-over: the student finished primary school, transferred
 *   to another school (chuyển trường) or left (thôi học), with the date, the last school year here
 *   and the school or the reason. The student keeps the class of that last year.
 */
export type PersonDoc = PersonDocV3 & {
  /** Why and when the student left the school; null while they study here. */
  readonly departure: StudentDeparture | null;
};

const datedCheck = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { date: { type: 'string', maxLength: 10 }, by: { type: 'string', maxLength: 60 } },
  required: ['date', 'by'],
} as const;

export const peopleSchema: RxJsonSchema<PersonDoc> = {
  title: 'people',
  version: 4,
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
    listNumber: { type: ['integer', 'null'], minimum: 1, maximum: 9999 },
    registerNumber: { type: 'string', maxLength: 40 },
    entryDate: { type: ['string', 'null'], maxLength: 10 },
    priorYears: {
      type: 'array',
      maxItems: 12,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          schoolYear: { type: 'string', maxLength: 9 },
          grade: { type: 'integer', minimum: 1, maximum: 5 },
          className: { type: 'string', maxLength: 20 },
          schoolName: { type: 'string', maxLength: 200 },
          schoolCode: { type: 'string', maxLength: 20 },
          registerNumber: { type: 'string', maxLength: 40 },
          entryDate: { type: ['string', 'null'], maxLength: 10 },
        },
        required: [
          'schoolYear',
          'grade',
          'className',
          'schoolName',
          'schoolCode',
          'registerNumber',
          'entryDate',
        ],
      },
    },
    individualEducationPlan: { type: 'boolean' },
    departure: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        kind: { type: 'string', enum: ['finishedPrimary', 'transferred', 'left'] },
        date: { type: 'string', maxLength: 10 },
        schoolYear: { type: 'string', maxLength: 9 },
        detail: { type: 'string', maxLength: 300 },
      },
      required: ['kind', 'date', 'schoolYear', 'detail'],
    },
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
    'listNumber',
    'registerNumber',
    'entryDate',
    'priorYears',
    'individualEducationPlan',
    'departure',
    ...documentMetaRequired,
  ],
  indexes: ['classId'],
};

/** Each step takes a document of the previous version and returns it in the next. */
export const peopleMigrationStrategies = {
  1: migratePersonV0toV1,
  2: migratePersonV1toV2,
  3: migratePersonV2toV3,
  4: (old: PersonDocV3): PersonDoc => ({ ...old, ...newInV4 }),
};

/** What v4 adds, as a student who studies here has it. */
export const newInV4 = { departure: null } as const satisfies Partial<PersonDoc>;

/** Everything added since v2, as a new student has it before anyone enters it. */
export const newStudentFields = { ...newInV3, ...newInV4 } as const;

export type PeopleCollection = RxCollection<PersonDoc>;

export const peopleCollection = {
  schema: peopleSchema,
  migrationStrategies: peopleMigrationStrategies,
} satisfies RxCollectionCreator<PersonDoc>;
