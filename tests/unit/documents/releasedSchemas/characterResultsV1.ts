/**
 * The RxDB JSON schema `characterResultsV1` as released with the sealed fields (2026-12-05): the previous
 * version's documents with their children's data sealed at rest. Frozen: RxDB stores a hash of it
 * in every user's database.
 */
export const characterResultsV1Fixture: unknown = {
  title: 'characterResults',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      maxLength: 120,
    },
    studentId: {
      type: 'string',
      maxLength: 40,
    },
    classId: {
      type: 'string',
      maxLength: 80,
    },
    GK1: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          level: {
            type: ['string', 'null'],
            enum: ['T', 'Đ', 'C', null],
          },
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
        required: ['level', 'comment'],
      },
    },
    CK1: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          level: {
            type: ['string', 'null'],
            enum: ['T', 'Đ', 'C', null],
          },
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
        required: ['level', 'comment'],
      },
    },
    GK2: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          level: {
            type: ['string', 'null'],
            enum: ['T', 'Đ', 'C', null],
          },
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
        required: ['level', 'comment'],
      },
    },
    CN: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          level: {
            type: ['string', 'null'],
            enum: ['T', 'Đ', 'C', null],
          },
          comment: {
            type: 'string',
            maxLength: 2000,
          },
        },
        required: ['level', 'comment'],
      },
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
    'studentId',
    'classId',
    'GK1',
    'CK1',
    'GK2',
    'CN',
    'schoolId',
    'schoolYear',
    'updatedAt',
    'updatedBy',
    'rev',
  ],
  indexes: ['classId'],
  encrypted: ['GK1', 'CK1', 'GK2', 'CN'],
};
