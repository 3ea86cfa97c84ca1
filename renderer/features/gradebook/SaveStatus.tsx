import { formatInstant } from '../../../shared/domain/dates';
import { gradebookStrings } from './strings';
import type { SaveState } from './useQueuedWrites';

/** "Đã lưu lúc …", "Đang lưu…" or why the last edit was not saved. */
export function SaveStatus({ state }: { state: SaveState }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'saving':
      return (
        <span className="save-state" role="status">
          {gradebookStrings.saving}
        </span>
      );
    case 'saved':
      return (
        <span className="save-state saved" role="status">
          {gradebookStrings.saved(formatInstant(state.at.toISOString()).slice(11))}
        </span>
      );
    case 'failed':
      return (
        <span className="save-state failed" role="alert">
          {gradebookStrings.saveFailed(state.message)}
        </span>
      );
  }
}
