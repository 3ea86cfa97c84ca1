import type { RxJsonSchema } from 'rxdb';
import { documentMetaProperties, documentMetaRequired } from '../../documentMeta';
import type { PersonDocV1 } from './peopleSchemaV1';

/** The identity fields as version 2 had them: its own copy, frozen with it. */
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
type DatedCheck = { readonly date: string; readonly by: string };

/** The 3×4 photo kept by main's photo store, by content hash. */
type PhotoReference = { readonly photoId: string; readonly width: number; readonly height: number };

/**
 * `people` version 2, frozen: v1 plus `electives` taken this year, the `photo` reference, and the
 * two checks of the identity page (`birthCertificateCheck`, `parentsConfirmation`). Never edit a
 * released schema version; add the next one.
 */
export type PersonDocV2 = PersonDocV1 & {
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

export const peopleSchemaV2: RxJsonSchema<PersonDocV2> = {
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

export function migratePersonV1toV2(old: PersonDocV1): PersonDocV2 {
  return { ...old, electives: [], photo: null, birthCertificateCheck: null, parentsConfirmation: null };
}
