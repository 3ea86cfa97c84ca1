import { z } from 'zod';

/**
 * Stored text that the types know as a branded id (`ClassId`, `StudentId`): the stored form is
 * plain text with a maximum length, exactly as released schemas have it; only the id
 * constructors of `shared/domain/ids.ts` make such values, so the schema does not check the form.
 */
export function storedId<Id extends string>(maxLength: number): z.ZodType<Id, string> {
  return storedAs<Id>()(z.string().max(maxLength));
}

/**
 * A stored field whose type the domain narrows further than JSON Schema says (a class's grade,
 * 1–5, is a `Grade`): the schema object is unchanged, only its output type is the narrower one.
 */
export function storedAs<Narrow>() {
  return <Schema extends z.ZodType>(schema: Schema): z.ZodType<Narrow, z.input<Schema>> =>
    schema as unknown as z.ZodType<Narrow, z.input<Schema>>;
}

/** Text of at most `maxLength` characters. */
export const text = (maxLength: number) => z.string().max(maxLength);

/** A document as the app reads it: every field and array read-only. */
export type DeepReadonly<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : { readonly [Key in keyof T]: DeepReadonly<T[Key]> };

/** The stored document type of a document schema. */
export type StoredDocument<Schema extends z.ZodType> = DeepReadonly<z.output<Schema>>;
