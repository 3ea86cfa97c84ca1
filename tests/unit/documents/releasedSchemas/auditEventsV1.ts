/**
 * The RxDB JSON schema `auditEventsV1` as released with the sealed fields (2026-12-05): the previous
 * version's documents with their children's data sealed at rest. Frozen: RxDB stores a hash of it
 * in every user's database.
 */
export const auditEventsV1Fixture: unknown = {
  title: 'auditEvents',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: {
      type: 'string',
      maxLength: 80,
    },
    deviceId: {
      type: 'string',
      maxLength: 60,
    },
    seq: {
      type: 'integer',
      minimum: 1,
      maximum: 1000000000000,
      multipleOf: 1,
    },
    prevHash: {
      type: 'string',
      maxLength: 64,
    },
    hash: {
      type: 'string',
      maxLength: 64,
    },
    actor: {
      type: 'string',
      maxLength: 60,
    },
    at: {
      type: 'string',
      maxLength: 30,
    },
    collectionName: {
      type: 'string',
      maxLength: 40,
    },
    docId: {
      type: 'string',
      maxLength: 200,
    },
    field: {
      type: 'string',
      maxLength: 120,
    },
    old: {
      type: 'string',
      maxLength: 20000,
    },
    new: {
      type: 'string',
      maxLength: 20000,
    },
    studentId: {
      type: 'string',
      maxLength: 40,
    },
    classId: {
      type: 'string',
      maxLength: 80,
    },
    amendmentId: {
      type: 'string',
      maxLength: 120,
    },
  },
  required: [
    'id',
    'deviceId',
    'seq',
    'prevHash',
    'hash',
    'actor',
    'at',
    'collectionName',
    'docId',
    'field',
    'old',
    'new',
    'studentId',
    'classId',
    'amendmentId',
  ],
  indexes: [
    ['deviceId', 'seq'],
    ['studentId', 'at'],
    ['classId', 'at'],
  ],
  encrypted: ['old', 'new'],
};
