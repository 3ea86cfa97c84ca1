import { useId } from 'react';
import { traitCommentSuggestions } from '../../../shared/domain/evaluation/commentBank';
import type { CharacterLevel } from '../../../shared/domain/evaluation/catalogueSchema';
import { gradebookStrings } from '../gradebook/strings';
import type { EditOutcome } from '../gradebook/usePendingCells';
import { useCommentDraft, type DraftState } from './useCommentDraft';

type Props = {
  readonly title: string;
  /** The quality or competency (`yeu-nuoc`): its suggestions speak of it alone. */
  readonly traitCode: string;
  readonly comment: string;
  readonly level: CharacterLevel | null;
  readonly disabled: boolean;
  readonly onSave: (comment: string) => Promise<EditOutcome>;
};

const stateText: Record<DraftState, string> = {
  unchanged: gradebookStrings.commentAutosaves,
  typing: gradebookStrings.commentTyping,
  saving: gradebookStrings.commentSaving,
  saved: gradebookStrings.commentSaved,
  refused: gradebookStrings.commentRefused,
};

/**
 * The comment of the active quality or competency, saved as the teacher types (render it with a
 * `key` per cell: moving to another cell stores what was typed here), with suggestions for this
 * trait at its level; picking one stores it.
 */
export function TraitCommentPanel({ title, traitCode, comment, level, disabled, onSave }: Props) {
  const draft = useCommentDraft(comment, onSave);
  const boxId = useId();
  return (
    <aside className="panel comment-bank" aria-label={gradebookStrings.commentBank}>
      <h2>{title}</h2>
      {/* Labelled by id, not by wrapping: a wrapping label would add the text to its own name. */}
      <div className="field">
        <label htmlFor={boxId}>{gradebookStrings.comment}</label>
        <textarea
          id={boxId}
          rows={4}
          value={draft.text}
          disabled={disabled}
          onChange={(event) => draft.edit(event.target.value)}
          onBlur={() => void draft.flush()}
        />
      </div>
      <p className={`draft-state draft-${draft.state}`} role="status" aria-live="polite">
        {disabled ? '' : stateText[draft.state]}
      </p>
      <h3>{gradebookStrings.commentBank}</h3>
      <ul>
        {traitCommentSuggestions(traitCode, level).map((phrase) => (
          <li key={phrase}>
            <button
              type="button"
              className="phrase"
              disabled={disabled}
              onClick={() => draft.replace(phrase)}
            >
              {phrase}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
