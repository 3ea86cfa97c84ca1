/**
 * The RxDB JSON schema `subjectResultsV1` as released with the sealed fields (2026-12-05): the previous
 * version's documents with their children's data sealed at rest. Frozen: RxDB stores a hash of it
 * in every user's database.
 */
export const subjectResultsV1Fixture: unknown = {
  title: 'subjectResults',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      maxLength: 160,
    },
    studentId: {
      type: 'string',
      maxLength: 40,
    },
    classId: {
      type: 'string',
      maxLength: 80,
    },
    subject: {
      type: 'string',
      maxLength: 40,
    },
    part: {
      type: 'string',
      maxLength: 40,
    },
    rowKey: {
      type: 'string',
      maxLength: 80,
    },
    GK1: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        level: {
          type: ['string', 'null'],
          enum: ['T', 'H', 'C', null],
        },
        score: {
          type: ['integer', 'null'],
          minimum: 0,
          maximum: 10,
        },
        retestScore: {
          type: ['integer', 'null'],
          minimum: 0,
          maximum: 10,
        },
        comment: {
          type: 'string',
          maxLength: 2000,
        },
      },
      required: ['level', 'score', 'retestScore', 'comment'],
    },
    CK1: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        level: {
          type: ['string', 'null'],
          enum: ['T', 'H', 'C', null],
        },
        score: {
          type: ['integer', 'null'],
          minimum: 0,
          maximum: 10,
        },
        retestScore: {
          type: ['integer', 'null'],
          minimum: 0,
          maximum: 10,
        },
        comment: {
          type: 'string',
          maxLength: 2000,
        },
      },
      required: ['level', 'score', 'retestScore', 'comment'],
    },
    GK2: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        level: {
          type: ['string', 'null'],
          enum: ['T', 'H', 'C', null],
        },
        score: {
          type: ['integer', 'null'],
          minimum: 0,
          maximum: 10,
        },
        retestScore: {
          type: ['integer', 'null'],
          minimum: 0,
          maximum: 10,
        },
        comment: {
          type: 'string',
          maxLength: 2000,
        },
      },
      required: ['level', 'score', 'retestScore', 'comment'],
    },
    CN: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        level: {
          type: ['string', 'null'],
          enum: ['T', 'H', 'C', null],
        },
        score: {
          type: ['integer', 'null'],
          minimum: 0,
          maximum: 10,
        },
        retestScore: {
          type: ['integer', 'null'],
          minimum: 0,
          maximum: 10,
        },
        comment: {
          type: 'string',
          maxLength: 2000,
        },
      },
      required: ['level', 'score', 'retestScore', 'comment'],
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
    'subject',
    'part',
    'rowKey',
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
  indexes: [['classId', 'rowKey'], 'studentId'],
  encrypted: ['GK1', 'CK1', 'GK2', 'CN'],
};
