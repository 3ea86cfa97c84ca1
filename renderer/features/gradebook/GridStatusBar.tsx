import { useEffect } from 'react';
import { undoAndTell, type GridMessage } from './gridMessages';
import { SaveStatus } from './SaveStatus';
import { gradebookStrings } from './strings';
import type { SaveState } from './useQueuedWrites';

/** How long news of something done stays above the grid. */
const doneShownMs = 5000;

type Props = {
  readonly saveState: SaveState;
  /** The last refusal or notice, if any. */
  readonly message: GridMessage | undefined;
  readonly mayEdit: boolean;
  readonly undo: () => Promise<boolean>;
  readonly onMessage: (message: GridMessage | undefined) => void;
};

/** Above a grade book grid: whether edits are saved, the last message, and the undo button. */
export function GridStatusBar({ saveState, message, mayEdit, undo, onMessage }: Props) {
  useEffect(() => {
    if (message?.tone !== 'done') return;
    const timer = setTimeout(() => onMessage(undefined), doneShownMs);
    return () => clearTimeout(timer);
  }, [message, onMessage]);
  return (
    <div className="status-bar">
      <SaveStatus state={saveState} />
      {message &&
        (message.tone === 'error' ? (
          <span className="error" role="alert">
            {message.text}
          </span>
        ) : (
          <span className="done" role="status">
            {message.text}
          </span>
        ))}
      <button
        type="button"
        className="button"
        disabled={!mayEdit}
        onClick={() => void undoAndTell(undo, onMessage)}
      >
        {gradebookStrings.undo}
      </button>
    </div>
  );
}
