/** `subjectResults`, current version: its document schema, RxDB schema and type. */
export {
  subjectResultsV1 as subjectResultDocumentSchema,
  subjectResultsV1Json as subjectResultsJsonSchema,
} from './subjectResultsV1';
export type { SubjectResultDocV1 as SubjectResultDoc } from './subjectResultsV1';
