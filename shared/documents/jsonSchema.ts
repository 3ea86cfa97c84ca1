/** The JSON Schema subset RxDB stores for a collection, typed here so shared/ needs no rxdb import. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export type JsonSchema = {
  readonly type?: JsonType | readonly JsonType[];
  readonly maxLength?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly items?: JsonSchema;
  readonly maxItems?: number;
  readonly minItems?: number;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
};

/** An index: one field, or several (compound). */
export type CollectionIndex = string | readonly string[];

/** A collection's schema as RxDB takes it (`RxJsonSchema`), structurally. */
export type CollectionJsonSchema = {
  readonly title: string;
  readonly version: number;
  readonly primaryKey: string;
  readonly type: 'object';
  readonly additionalProperties: false;
  readonly properties: Readonly<Record<string, JsonSchema>>;
  readonly required: readonly string[];
  readonly indexes?: readonly CollectionIndex[];
  /**
   * Top-level fields sealed at rest (RxDB's `encrypted` keyword): the local storage keeps them only
   * as ciphertext under the user's database key (docs/decisions.md, "Children's data is sealed in
   * the local database"). They cannot be indexed, queried or sorted on.
   */
  readonly encrypted?: readonly string[];
};

/**
 * What a collection adds to its document schema. `overrides` are merged into the derived node at
 * a path (`gender`, `staff[].role`) where JSON Schema says something zod does not; a released
 * version that needs one keeps it forever.
 */
export type CollectionOptions = {
  readonly title: string;
  readonly version: number;
  readonly primaryKey: string;
  readonly indexes?: readonly CollectionIndex[];
  /** The required fields in their stored order; by default every field that is not optional, in order. */
  readonly required?: readonly string[];
  readonly overrides?: Readonly<Record<string, JsonSchema>>;
  /** Top-level fields sealed at rest; see `CollectionJsonSchema.encrypted`. */
  readonly encrypted?: readonly string[];
};
