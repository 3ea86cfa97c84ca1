/** `people`, current version (v4): its document schema, RxDB schema and type. */
export { peopleV4 as personDocumentSchema, peopleV4Json as peopleJsonSchema } from './peopleV4';
export type { PersonDocV4 as PersonDoc } from './peopleV4';
