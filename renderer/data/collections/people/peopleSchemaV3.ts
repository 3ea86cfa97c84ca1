import type { RxJsonSchema } from 'rxdb';
import type { ClassId, StudentId } from '../../../../shared/domain/ids';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import type { PersonDocV2 } from './peopleSchemaV2';

/** The identity fields as version 3 had them: its own copy, frozen with it. */
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

/** One year of the study history as version 3 stores it. */
type StudyHistoryEntry = {
  readonly schoolYear: string;
  readonly grade: number;
  readonly className: string;
  readonly schoolName: string;
  readonly schoolCode: string;
  readonly registerNumber: string;
  readonly entryDate: string | null;
};

/** A dated check by a named person: "đã đối chiếu giấy khai sinh", "cha mẹ đã xác nhận". */
type DatedCheck = { readonly date: string; readonly by: string };

/** The 3×4 photo kept by main's photo store, by content hash. */
type PhotoReference = { readonly photoId: string; readonly width: number; readonly height: number };

/**
 * `people` version 3, frozen: v2 plus the study history (`listNumber`, `registerNumber`,
 * `entryDate`, `priorYears`) and `individualEducationPlan`. Never edit a released schema version;
 * add the next one.
 */
export type PersonDocV3 = Omit<
  PersonDocV2,
  'id' | 'classId' | 'photo' | 'birthCertificateCheck' | 'parentsConfirmation'
> & {
  /** `student:<studentCode>` (studentIdOf), the class's id (classIdOf): typed as such from v2 on. */
  readonly id: StudentId;
  readonly classId: ClassId;
  readonly photo: PhotoReference | null;
  readonly birthCertificateCheck: DatedCheck | null;
  readonly parentsConfirmation: DatedCheck | null;
  readonly listNumber: number | null;
  readonly registerNumber: string;
  readonly entryDate: string | null;
  /** Years before this one (the roll-over or a transfer's record writes them), oldest first. */
  readonly priorYears: readonly StudyHistoryEntry[];
  readonly individualEducationPlan: boolean;
};

const datedCheck = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: { date: { type: 'string', maxLength: 10 }, by: { type: 'string', maxLength: 60 } },
  required: ['date', 'by'],
} as const;

export const peopleSchemaV3: RxJsonSchema<PersonDocV3> = {
  title: 'people',
  version: 3,
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
    ...documentMetaRequired,
  ],
  indexes: ['classId'],
};

export function migratePersonV2toV3(old: PersonDocV2): PersonDocV3 {
  // The same stored ids, typed: this app wrote them with studentIdOf and classIdOf.
  return { ...old, id: old.id as StudentId, classId: old.classId as ClassId, ...newInV3 };
}

/** What v3 adds, as a student has it before anyone enters it. */
export const newInV3 = {
  listNumber: null,
  registerNumber: '',
  entryDate: null,
  priorYears: [],
  individualEducationPlan: false,
} as const satisfies Partial<PersonDocV3>;
