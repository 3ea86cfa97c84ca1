import { documentWriteChecks } from '../../../shared/documents/documentWriteRules';
import { noControls, type WriteCheck } from '../../../shared/documents/writeRule';
import type { DocOf, EditableCollection } from './auditedWrite';
import { WriteRefused, type WriteContext } from './writeContext';

/**
 * Refuses a document write the shared rules do not allow (shared/documents: the same rules the
 * province server applies to a pushed row), with the rule's sentence. Every audited write
 * passes here with the document as stored and as it would be stored.
 */
export function refuseUnlessAllowed<K extends EditableCollection>(
  context: WriteContext,
  collectionName: K,
  before: DocOf<K> | null,
  after: DocOf<K>,
): void {
  const check = documentWriteChecks[collectionName] as unknown as WriteCheck<DocOf<K>>;
  const verdict = check(
    { actor: context.actor, permissions: context.permissions },
    noControls,
    before,
    after,
  );
  if (!verdict.ok) throw new WriteRefused(verdict.reason);
}
