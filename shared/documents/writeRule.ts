import type { Assignment } from '../domain/assignment';
import { permissionsFor, type Actor, type Permissions } from '../domain/permissions';
import { writeRuleStrings as text } from './writeRuleStrings';

/** A write is allowed, or refused with a sentence the user can act on. */
export type WriteVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export const allowed: WriteVerdict = { ok: true };
export const refused = (reason: string): WriteVerdict => ({ ok: false, reason });

/**
 * The school's controls that bear on a write: entry windows, approved amendments, review marks
 * (architecture.md). The `controls` collection does not exist yet, so no write is closed by one;
 * the rules already take them, so the desktop and the server call them alike when it arrives.
 */
export type WriteControls = { readonly entryWindowsClosed: false };
export const noControls: WriteControls = { entryWindowsClosed: false };

/** Who writes, with the rights their role and assignments give (shared/domain/permissions.ts). */
export type Writer = { readonly actor: Actor; readonly permissions: Permissions };

/**
 * One collection's rule. `before` is the stored document (null: it is created), `after` the
 * document to store (null: it is removed).
 */
export type WriteCheck<Doc> = (
  writer: Writer,
  controls: WriteControls,
  before: Doc | null,
  after: Doc | null,
) => WriteVerdict;

/** The rule as the server's push handler calls it: the rights are derived from the assignments here. */
export type WriteRule<Doc> = (
  actor: Actor,
  assignments: readonly Assignment[],
  controls: WriteControls,
  before: Doc | null,
  after: Doc | null,
) => WriteVerdict;

export function writeRuleOf<Doc>(check: WriteCheck<Doc>): WriteRule<Doc> {
  return (actor, assignments, controls, before, after) =>
    check({ actor, permissions: permissionsFor(actor, assignments) }, controls, before, after);
}

type Stamped = { readonly id: string; readonly schoolId: string; readonly updatedBy: string };

/**
 * What every synced document obeys: the writer stamps it as themselves, it stays in its school
 * and keeps its id, and its id is the one its natural key gives (architecture.md), so two
 * machines that create the same thing meet in one document.
 */
export function commonVerdict<Doc extends Stamped>(
  writer: Writer,
  before: Doc | null,
  after: Doc | null,
  naturalIdOf: (doc: Doc) => string,
): WriteVerdict {
  if (!after) return before ? allowed : refused(text.nothingWritten);
  if (after.updatedBy !== writer.actor.userId) return refused(text.notYourStamp);
  if (before && before.schoolId !== after.schoolId) return refused(text.otherSchool);
  if (before && before.id !== after.id) return refused(text.idChanged);
  if (naturalIdOf(after) !== after.id) return refused(text.idNotNatural);
  return allowed;
}

/** The first refusal of several checks, else allowed. */
export function firstRefusal(...verdicts: readonly (() => WriteVerdict)[]): WriteVerdict {
  for (const verdict of verdicts) {
    const result = verdict();
    if (!result.ok) return result;
  }
  return allowed;
}
