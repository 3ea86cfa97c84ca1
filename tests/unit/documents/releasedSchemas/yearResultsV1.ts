/**
 * The RxDB JSON schema `yearResultsV1` as released with the sealed fields (2026-12-05): the previous
 * version's documents with their children's data sealed at rest. Frozen: RxDB stores a hash of it
 * in every user's database.
 */
export const yearResultsV1Fixture: unknown = {
  title: 'yearResults',
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
    confirmation: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        at: {
          type: 'string',
          maxLength: 30,
        },
        by: {
          type: 'string',
          maxLength: 60,
        },
        result: {
          type: 'string',
          maxLength: 10,
        },
        fingerprint: {
          type: 'string',
          maxLength: 64,
        },
      },
      required: ['at', 'by', 'result', 'fingerprint'],
    },
    awards: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          at: {
            type: 'string',
            maxLength: 30,
          },
          by: {
            type: 'string',
            maxLength: 60,
          },
          kind: {
            type: 'string',
            enum: ['excellent', 'exemplary', 'other'],
          },
          title: {
            type: 'string',
            maxLength: 300,
          },
        },
        required: ['at', 'by', 'kind', 'title'],
      },
    },
    supplementaryEvaluation: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        at: {
          type: 'string',
          maxLength: 30,
        },
        by: {
          type: 'string',
          maxLength: 60,
        },
        outcome: {
          type: 'string',
          enum: ['completed', 'notCompleted'],
        },
        date: {
          type: 'string',
          maxLength: 10,
        },
      },
      required: ['at', 'by', 'outcome', 'date'],
    },
    principalDecision: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        at: {
          type: 'string',
          maxLength: 30,
        },
        by: {
          type: 'string',
          maxLength: 60,
        },
        decision: {
          type: 'string',
          enum: ['promoted', 'retained'],
        },
        date: {
          type: 'string',
          maxLength: 10,
        },
      },
      required: ['at', 'by', 'decision', 'date'],
    },
    note: {
      type: 'string',
      maxLength: 1000,
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
    'confirmation',
    'awards',
    'supplementaryEvaluation',
    'principalDecision',
    'note',
    'schoolId',
    'schoolYear',
    'updatedAt',
    'updatedBy',
    'rev',
  ],
  indexes: ['classId'],
  encrypted: ['confirmation', 'awards', 'supplementaryEvaluation', 'principalDecision', 'note'],
};
