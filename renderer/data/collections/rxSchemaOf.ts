import type { RxJsonSchema } from 'rxdb';
import type { CollectionJsonSchema } from '../../../shared/documents/jsonSchema';

/**
 * A collection's schema derived in shared/documents, typed as RxDB takes it. The object is not
 * changed: RxDB hashes it, and the unit tests hold it equal to the released schema of its version.
 */
export function rxSchemaOf<Doc>(schema: CollectionJsonSchema): RxJsonSchema<Doc> {
  return schema as unknown as RxJsonSchema<Doc>;
}

/** The migration step of a version that only changed how documents are stored, not what they hold. */
export function sameDocument<Doc>(old: Doc): Doc {
  return old;
}
