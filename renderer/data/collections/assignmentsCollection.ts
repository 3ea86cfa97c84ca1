import type { RxCollection, RxCollectionCreator } from 'rxdb';
import { assignmentsJsonSchema, type AssignmentDoc } from '../../../shared/documents/assignments/assignments';
import { rxSchemaOf } from './rxSchemaOf';

export type { AssignmentDoc };

/** `assignments`: teacher × class × school year (subjects, homeroom flag), written by the principal. */
export const assignmentSchema = rxSchemaOf<AssignmentDoc>(assignmentsJsonSchema);

export type AssignmentsCollection = RxCollection<AssignmentDoc>;
export const assignmentsCollection = {
  schema: assignmentSchema,
} satisfies RxCollectionCreator<AssignmentDoc>;
