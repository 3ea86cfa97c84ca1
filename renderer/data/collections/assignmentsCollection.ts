import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import type { Assignment } from '../../../shared/domain/assignment';
import { documentMetaProperties, documentMetaRequired, type DocumentMeta } from '../documentMeta';

/** `assignments`: teacher × class × school year (subjects, homeroom flag), written by the principal. */
export type AssignmentDoc = Assignment & DocumentMeta;

export const assignmentSchema: RxJsonSchema<AssignmentDoc> = {
  title: 'assignments',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', maxLength: 160 },
    teacherId: { type: 'string', maxLength: 60 },
    classId: { type: 'string', maxLength: 80 },
    homeroom: { type: 'boolean' },
    subjects: { type: 'array', maxItems: 40, items: { type: 'string', maxLength: 60 } },
    ...documentMetaProperties,
  },
  required: ['id', 'teacherId', 'classId', 'homeroom', 'subjects', ...documentMetaRequired],
  indexes: ['classId', 'teacherId'],
};

export type AssignmentsCollection = RxCollection<AssignmentDoc>;
export const assignmentsCollection = {
  schema: assignmentSchema,
} satisfies RxCollectionCreator<AssignmentDoc>;
