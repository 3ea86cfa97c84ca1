/** `assignments`, current version: its document schema, RxDB schema and type. */
export {
  assignmentsV0 as assignmentDocumentSchema,
  assignmentsV0Json as assignmentsJsonSchema,
} from './assignmentsV0';
export type { AssignmentDocV0 as AssignmentDoc } from './assignmentsV0';
