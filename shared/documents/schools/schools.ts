/** `schools`, current version (v3): its document schema, RxDB schema and type. */
export { schoolsV3 as schoolDocumentSchema, schoolsV3Json as schoolsJsonSchema } from './schoolsV3';
export type { SchoolDocV3 as SchoolDoc } from './schoolsV3';
