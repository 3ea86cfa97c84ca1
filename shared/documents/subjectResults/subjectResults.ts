/** `subjectResults`, current version: its document schema, RxDB schema and type. */
export {
  subjectResultsV0 as subjectResultDocumentSchema,
  subjectResultsV0Json as subjectResultsJsonSchema,
} from './subjectResultsV0';
export type { SubjectResultDocV0 as SubjectResultDoc } from './subjectResultsV0';
