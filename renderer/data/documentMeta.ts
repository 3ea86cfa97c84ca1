/** The fields every synced document carries: defined in shared/documents, beside the schemas. */
export { metaFor, type DocumentMeta } from '../../shared/documents/documentMeta';
