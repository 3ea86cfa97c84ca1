import { undoAndTell } from './gridMessages';
import { SaveStatus } from './SaveStatus';
import { gradebookStrings } from './strings';
import type { SaveState } from './useQueuedWrites';

type Props = {
  readonly saveState: SaveState;
  /** The last refusal or notice, if any. */
  readonly message: string | undefined;
  readonly mayEdit: boolean;
  readonly undo: () => Promise<boolean>;
  readonly onMessage: (message: string) => void;
};

/** Above a grade book grid: whether edits are saved, the last message, and the undo button. */
export function GridStatusBar({ saveState, message, mayEdit, undo, onMessage }: Props) {
  return (
    <div className="status-bar">
      <SaveStatus state={saveState} />
      {message && (
        <span className="error" role="alert">
          {message}
        </span>
      )}
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
