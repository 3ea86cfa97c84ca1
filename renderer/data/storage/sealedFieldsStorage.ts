import {
  getPrimaryFieldOfPrimaryKey,
  hasEncryption,
  wrapRxStorageInstance,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageInstanceCreationParams,
} from 'rxdb';
import { openJson, sealJson, type DatabaseKey } from './fieldSeal';

/**
 * A storage that keeps a collection's `encrypted` fields (shared/documents) only as ciphertext:
 * each document's sealed fields are taken out together, sealed once (fieldSeal.ts) under the database key,
 * bound to the database, collection and document id, and stored in one `sealedFields` text;
 * reading puts them back. One seal per document, not one per field as RxDB's crypto-js plugin
 * does (a key derivation and an AES each time, about 30× the cost: bench:sealed-database). RxDB hands the same keyword on to what it keeps
 * beside a collection (replication's assumed master states), so those are sealed too.
 *
 * Queries run on what is stored: a selector or sort on a sealed field finds nothing, which is
 * why rxJsonSchemaOf refuses a sealed field in an index, and queries look documents up by ids,
 * class, school and year only.
 */
export const sealedFieldsProperty = 'sealedFields';

type StoredDoc = RxDocumentData<Record<string, unknown>>;

/** The schema the inner storage sees: the sealed fields replaced by the one sealed text. */
function storedSchemaOf(schema: RxJsonSchema<StoredDoc>, sealed: readonly string[]): RxJsonSchema<StoredDoc> {
  const properties = Object.fromEntries([
    ...Object.entries(schema.properties).filter(([field]) => !sealed.includes(field)),
    [sealedFieldsProperty, { type: 'string' }],
  ]);
  const { encrypted: _sealed, ...rest } = schema;
  return {
    ...rest,
    properties,
    required: [...(schema.required ?? []).filter((field) => !sealed.includes(field)), sealedFieldsProperty],
  };
}

export function wrappedSealedFieldsStorage<Internals, InstanceCreationOptions>(args: {
  readonly storage: RxStorage<Internals, InstanceCreationOptions>;
  /** Undefined only to remove a database, which reads and writes nothing. */
  readonly key: DatabaseKey | undefined;
}): RxStorage<Internals, InstanceCreationOptions> {
  return {
    ...args.storage,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, InstanceCreationOptions>,
    ) {
      if (!hasEncryption(params.schema)) return args.storage.createStorageInstance(params);
      const schema = params.schema as unknown as RxJsonSchema<StoredDoc>;
      const sealed = (schema.encrypted ?? []).map(String);
      if (sealed.some((field) => field.includes('.')))
        throw new Error(`${params.collectionName}: only top-level fields can be sealed`);
      const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey);
      const inner = await args.storage.createStorageInstance({
        ...params,
        schema: storedSchemaOf(schema, sealed) as unknown as typeof params.schema,
      });
      const keyOf = (): DatabaseKey => {
        if (args.key === undefined) throw new Error(`${params.databaseName} was opened without its key`);
        return args.key;
      };
      const bindingOf = (doc: StoredDoc) =>
        sealedDocumentBinding(params.databaseName, params.collectionName, String(doc[primaryPath]));

      // Each stored form and the plain document it stands for, both ways, by identity: RxDB writes
      // `previous` as it read it and emits the stored rows of a write as change events, so neither
      // needs a second seal or open (documents are never changed in place: RxDB treats them as
      // immutable). Only objects this wrapper made or read are ever found here.
      const plainOf = new WeakMap<object, StoredDoc>();
      const storedOf = new WeakMap<object, StoredDoc>();
      const remember = (plain: StoredDoc, stored: StoredDoc) => {
        plainOf.set(stored, plain);
        storedOf.set(plain, stored);
      };

      const toStorage = (doc: StoredDoc): StoredDoc => {
        const known = storedOf.get(doc);
        if (known !== undefined) return known;
        const stored = sealedFormOf(doc, sealed, keyOf(), bindingOf(doc)) as StoredDoc;
        remember(doc, stored);
        return stored;
      };
      const fromStorage = (doc: StoredDoc): StoredDoc => {
        const known = plainOf.get(doc);
        if (known !== undefined) return known;
        const plain = plainFormOf(doc, sealed, keyOf(), bindingOf(doc)) as StoredDoc;
        remember(plain, doc);
        return plain;
      };
      const wrapped = wrapRxStorageInstance(
        params.schema,
        inner,
        toStorage as (doc: unknown) => StoredDoc,
        fromStorage as (doc: unknown) => RxDocumentData<RxDocType>,
      );
      // A query on a sealed field would silently find nothing in storage: refuse it loudly.
      const refuseSealed = (query: { readonly selector?: unknown; readonly sort?: unknown }) => {
        const field = sealedFieldIn([query.selector, query.sort], sealed);
        if (field !== undefined)
          throw new Error(
            `${params.collectionName}: ${field} is sealed at rest and cannot be queried or sorted on`,
          );
      };
      const query = wrapped.query.bind(wrapped);
      const count = wrapped.count.bind(wrapped);
      wrapped.query = (prepared) => {
        refuseSealed(prepared.query);
        return query(prepared);
      };
      wrapped.count = (prepared) => {
        refuseSealed(prepared.query);
        return count(prepared);
      };
      return wrapped;
    },
  };
}

/** The first sealed field a selector or sort names (at any depth of `$and`, `$or`, `$not`). */
function sealedFieldIn(value: unknown, sealed: readonly string[]): string | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = sealedFieldIn(item, sealed);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const top = key.split('.')[0] ?? key;
    if (sealed.includes(top)) return top;
    if (key.startsWith('$')) {
      const found = sealedFieldIn(inner, sealed);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Where a document's sealed text belongs: its database, collection and id. */
export function sealedDocumentBinding(databaseName: string, collectionName: string, id: string): string {
  return `${databaseName}/${collectionName}/${id}`;
}

/** A document as stored: its sealed fields taken out and sealed together in `sealedFields`. */
export function sealedFormOf(
  doc: Readonly<Record<string, unknown>>,
  sealed: readonly string[],
  key: DatabaseKey,
  binding: string,
): Record<string, unknown> {
  const entries = Object.entries(doc);
  const values = Object.fromEntries(entries.filter(([field]) => sealed.includes(field)));
  return {
    ...Object.fromEntries(entries.filter(([field]) => !sealed.includes(field))),
    [sealedFieldsProperty]: sealJson(key, values, binding),
  };
}

/** The document a stored form stands for; throws `SealBroken` when its sealed text does not open. */
export function plainFormOf(
  stored: Readonly<Record<string, unknown>>,
  sealed: readonly string[],
  key: DatabaseKey,
  binding: string,
): Record<string, unknown> {
  const { [sealedFieldsProperty]: sealedText, ...open } = stored;
  if (typeof sealedText !== 'string') throw new Error(`${binding} has no sealed fields`);
  const values = openJson(key, sealedText, binding);
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    throw new Error(`${binding}: sealed fields are not an object`);
  for (const field of Object.keys(values))
    if (!sealed.includes(field)) throw new Error(`${binding}: ${field} is not a sealed field`);
  return { ...open, ...values };
}
