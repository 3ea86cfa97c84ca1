/** `classes`, current version: its document schema, RxDB schema and type. */
export { classesV0 as classDocumentSchema, classesV0Json as classesJsonSchema } from './classesV0';
export type { ClassDocV0 as ClassDoc } from './classesV0';
