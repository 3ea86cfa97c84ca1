/**
 * The RxDB JSON schema `peopleV5` as released with the sealed fields (2026-12-05): the previous
 * version's documents with their children's data sealed at rest. Frozen: RxDB stores a hash of it
 * in every user's database.
 */
export const peopleV5Fixture: unknown = {
  title: 'people',
  version: 5,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      maxLength: 40,
    },
    classId: {
      type: 'string',
      maxLength: 80,
    },
    studentCode: {
      type: 'string',
      maxLength: 10,
    },
    personalId: {
      type: 'string',
      maxLength: 12,
    },
    fullName: {
      type: 'string',
      maxLength: 120,
    },
    gender: {
      type: 'string',
      enum: ['male', 'female'],
      maxLength: 6,
    },
    birthDate: {
      type: 'string',
      maxLength: 10,
    },
    ethnicity: {
      type: 'string',
      maxLength: 300,
    },
    nationality: {
      type: 'string',
      maxLength: 300,
    },
    birthPlace: {
      type: 'string',
      maxLength: 300,
    },
    hometown: {
      type: 'string',
      maxLength: 300,
    },
    address: {
      type: 'string',
      maxLength: 300,
    },
    fatherName: {
      type: 'string',
      maxLength: 300,
    },
    motherName: {
      type: 'string',
      maxLength: 300,
    },
    guardianName: {
      type: 'string',
      maxLength: 300,
    },
    searchName: {
      type: 'string',
      maxLength: 120,
    },
    electives: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'string',
        maxLength: 40,
      },
    },
    photo: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        photoId: {
          type: 'string',
          maxLength: 64,
        },
        width: {
          type: 'integer',
          minimum: 1,
          maximum: 4000,
        },
        height: {
          type: 'integer',
          minimum: 1,
          maximum: 4000,
        },
      },
      required: ['photoId', 'width', 'height'],
    },
    birthCertificateCheck: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        date: {
          type: 'string',
          maxLength: 10,
        },
        by: {
          type: 'string',
          maxLength: 60,
        },
      },
      required: ['date', 'by'],
    },
    parentsConfirmation: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        date: {
          type: 'string',
          maxLength: 10,
        },
        by: {
          type: 'string',
          maxLength: 60,
        },
      },
      required: ['date', 'by'],
    },
    listNumber: {
      type: ['integer', 'null'],
      minimum: 1,
      maximum: 9999,
    },
    registerNumber: {
      type: 'string',
      maxLength: 40,
    },
    entryDate: {
      type: ['string', 'null'],
      maxLength: 10,
    },
    priorYears: {
      type: 'array',
      maxItems: 12,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          schoolYear: {
            type: 'string',
            maxLength: 9,
          },
          grade: {
            type: 'integer',
            minimum: 1,
            maximum: 5,
          },
          className: {
            type: 'string',
            maxLength: 20,
          },
          schoolName: {
            type: 'string',
            maxLength: 200,
          },
          schoolCode: {
            type: 'string',
            maxLength: 20,
          },
          registerNumber: {
            type: 'string',
            maxLength: 40,
          },
          entryDate: {
            type: ['string', 'null'],
            maxLength: 10,
          },
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
    individualEducationPlan: {
      type: 'boolean',
    },
    departure: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        kind: {
          type: 'string',
          enum: ['finishedPrimary', 'transferred', 'left'],
        },
        date: {
          type: 'string',
          maxLength: 10,
        },
        schoolYear: {
          type: 'string',
          maxLength: 9,
        },
        detail: {
          type: 'string',
          maxLength: 300,
        },
      },
      required: ['kind', 'date', 'schoolYear', 'detail'],
    },
    schoolId: {
      type: 'string',
      maxLength: 40,
    },
    schoolYear: {
      type: 'string',
      maxLength: 9,
      pattern: '^\\d{4}-\\d{4}$',
    },
    updatedAt: {
      type: 'string',
      maxLength: 30,
      format: 'date-time',
    },
    updatedBy: {
      type: 'string',
      maxLength: 80,
    },
    rev: {
      type: 'integer',
      minimum: 0,
      maximum: 1000000000,
      multipleOf: 1,
    },
  },
  required: [
    'id',
    'classId',
    'studentCode',
    'personalId',
    'fullName',
    'gender',
    'birthDate',
    'ethnicity',
    'nationality',
    'birthPlace',
    'hometown',
    'address',
    'fatherName',
    'motherName',
    'guardianName',
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
    'schoolId',
    'schoolYear',
    'updatedAt',
    'updatedBy',
    'rev',
  ],
  indexes: ['classId'],
  encrypted: [
    'personalId',
    'fullName',
    'searchName',
    'gender',
    'birthDate',
    'ethnicity',
    'nationality',
    'birthPlace',
    'hometown',
    'address',
    'fatherName',
    'motherName',
    'guardianName',
    'electives',
    'photo',
    'birthCertificateCheck',
    'parentsConfirmation',
    'registerNumber',
    'entryDate',
    'priorYears',
    'individualEducationPlan',
    'departure',
  ],
};
