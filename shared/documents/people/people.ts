/** `people`, current version (v5): its document schema, RxDB schema and type. */
export { peopleV5 as personDocumentSchema, peopleV5Json as peopleJsonSchema } from './peopleV5';
export type { PersonDocV5 as PersonDoc } from './peopleV5';
