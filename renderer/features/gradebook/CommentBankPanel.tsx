import { gradebookStrings } from './strings';

type Props = {
  readonly suggestions: readonly string[];
  readonly personal: readonly string[];
  readonly disabled: boolean;
  readonly onPick: (phrase: string) => void;
  readonly currentComment: string;
  readonly onSavePhrase: () => void;
};

/** Suggested comments for the active cell's subject and level, and the teacher's own phrases. */
export function CommentBankPanel({
  suggestions,
  personal,
  disabled,
  onPick,
  currentComment,
  onSavePhrase,
}: Props) {
  return (
    <aside className="panel comment-bank" aria-label={gradebookStrings.commentBank}>
      <h2>{gradebookStrings.commentBank}</h2>
      <p className="hint">{gradebookStrings.commentBankHint}</p>
      <ul>
        {suggestions.map((phrase) => (
          <li key={phrase}>
            <button type="button" className="phrase" disabled={disabled} onClick={() => onPick(phrase)}>
              {phrase}
            </button>
          </li>
        ))}
      </ul>
      {personal.length > 0 && <h3>{gradebookStrings.myPhrases}</h3>}
      <ul>
        {personal.map((phrase) => (
          <li key={phrase}>
            <button type="button" className="phrase mine" disabled={disabled} onClick={() => onPick(phrase)}>
              {phrase}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="button" disabled={disabled || !currentComment} onClick={onSavePhrase}>
        {gradebookStrings.savePhrase}
      </button>
    </aside>
  );
}
