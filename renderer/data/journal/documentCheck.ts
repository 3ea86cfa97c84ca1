import type { RxCollection } from 'rxdb';
import { compiledValidatorFor } from '../storage/compiledSchemaValidation';

/**
 * Checks a document against its collection's schema before a save commits it to the journal, so
 * nothing marked saved can be refused later, when the journal is applied to RxDB. The check is
 * the one RxDB's storage runs (the same compiled schema); RxDB's own bookkeeping fields are filled
 * with valid placeholders, since RxDB sets them itself when it writes.
 */
type Check = ReturnType<typeof compiledValidatorFor>;
const checks = new WeakMap<RxCollection, Check>();

export function schemaProblemsOf(collection: RxCollection, state: object): string[] {
  let check = checks.get(collection);
  if (!check) {
    check = compiledValidatorFor(collection.schema.jsonSchema);
    checks.set(collection, check);
  }
  const problems = check({
    ...state,
    _deleted: false,
    _attachments: {},
    _rev: '1-journal',
    _meta: { lwt: 1 },
  });
  return problems.map((problem) => `${problem.field}: ${problem.message}`);
}
