import { wrappedValidateStorageFactory, type RxJsonSchema, type RxValidationError } from 'rxdb';
import ZSchema from 'z-schema';

/**
 * Schema validation of every RxDB write with z-schema, each collection's schema compiled once.
 *
 * RxDB's own z-schema plugin hands the schema object to `validateSafe` on every call, and z-schema
 * then deep-clones, compiles and checks the whole schema before it looks at the document: a CPU
 * profile of seeding a school put 72% of the time there. Registered once under an id, the same
 * check costs about a tenth (docs/decisions.md). z-schema stays because it needs no `eval`, which
 * our CSP forbids (ajv does).
 */

/** What RxDB expects back: an empty list for a valid document, else the problems found. */
type ValidationProblem = RxValidationError;

type ZSchemaDetail = { readonly message?: string; readonly path?: string | readonly unknown[] };

let validator: ReturnType<typeof ZSchema.create> | undefined;
let compiledCount = 0;

function sharedValidator(): ReturnType<typeof ZSchema.create> {
  validator ??= ZSchema.create({ strictMode: false });
  return validator;
}

function problemsOf(error: unknown): ValidationProblem[] {
  const details = (error as { details?: readonly ZSchemaDetail[] } | undefined)?.details ?? [];
  const problems = details.map((detail) => ({
    message: detail.message ?? 'invalid',
    field: Array.isArray(detail.path) ? detail.path.join('/') : String(detail.path ?? ''),
  }));
  return problems.length > 0 ? problems : [{ message: 'invalid document', field: '' }];
}

/** Compiles `schema` once and returns the check RxDB calls for each written document. */
export function compiledValidatorFor(
  schema: RxJsonSchema<unknown>,
): (document: unknown) => ValidationProblem[] {
  compiledCount += 1;
  const id = `hocba-rxdb-schema-${compiledCount}`;
  const zschema = sharedValidator();
  // Throws on a schema z-schema cannot compile: a programming error, found when a collection opens.
  zschema.validateSchema({ ...(schema as object), id });
  return (document) => {
    const result = zschema.validateSafe(document, id);
    return result.valid ? [] : problemsOf(result.err);
  };
}

/** How many schemas were compiled in this realm (a test checks a write does not compile again). */
export function compiledSchemaCount(): number {
  return compiledCount;
}

/** Wraps a storage so every write is checked against its collection's compiled schema. */
export const wrappedCompiledValidationStorage = wrappedValidateStorageFactory(
  compiledValidatorFor,
  'z-schema-compiled',
);
