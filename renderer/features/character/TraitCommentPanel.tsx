import { useState } from 'react';
import { traitCommentSuggestions } from '../../../shared/domain/evaluation/commentBank';
import type { CharacterLevel } from '../../../shared/domain/evaluation/catalogueSchema';
import { gradebookStrings } from '../gradebook/strings';

type Props = {
  readonly title: string;
  readonly comment: string;
  readonly level: CharacterLevel | null;
  readonly disabled: boolean;
  readonly onSave: (comment: string) => void;
};

/** The comment of the active quality or competency, with suggestions for its level. */
export function TraitCommentPanel({ title, comment, level, disabled, onSave }: Props) {
  const [text, setText] = useState(comment);
  // A new stored comment (another trait, or a save) replaces what is being edited.
  const [shownComment, setShownComment] = useState(comment);
  if (shownComment !== comment) {
    setShownComment(comment);
    setText(comment);
  }
  return (
    <aside className="panel comment-bank" aria-label={gradebookStrings.commentBank}>
      <h2>{title}</h2>
      <label className="field">
        <span>{gradebookStrings.comment}</span>
        <textarea
          rows={4}
          value={text}
          disabled={disabled}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button
        type="button"
        className="button button-primary"
        disabled={disabled || text === comment}
        onClick={() => onSave(text)}
      >
        {gradebookStrings.saveComment}
      </button>
      <h3>{gradebookStrings.commentBank}</h3>
      <ul>
        {traitCommentSuggestions(level).map((phrase) => (
          <li key={phrase}>
            <button type="button" className="phrase" disabled={disabled} onClick={() => setText(phrase)}>
              {phrase}
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
