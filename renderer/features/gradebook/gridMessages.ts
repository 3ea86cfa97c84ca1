import type { GridRefusal } from '../../ui/grid/gridModel';
import { gradebookStrings } from './strings';

/**
 * A line above the grid: a refusal the teacher must act on (`error`, red, until the next good
 * edit) or news of something done (`done`, calm, gone after a few seconds).
 */
export type GridMessage = { readonly tone: 'error' | 'done'; readonly text: string };

export const gridError = (text: string): GridMessage => ({ tone: 'error', text });
export const gridDone = (text: string): GridMessage => ({ tone: 'done', text });

/** What to tell the teacher when the grid refuses: levels are T/H/C for subjects, T/Đ/C for traits. */
export function refusalMessage(scale: 'subject' | 'trait', reason: GridRefusal, count = 0): GridMessage {
  switch (reason) {
    case 'pasteSkipped':
      return gridError(gradebookStrings.pasteSkipped(count));
    case 'readOnly':
      return gridError(gradebookStrings.readOnlyCell);
    case 'notALevel':
      return gridError(gradebookStrings.notALevel(scale));
  }
}

/** Undoes the last saved edit and says whether there was one (Ctrl+Z and the undo button). */
export async function undoAndTell(
  undo: () => Promise<boolean>,
  tell: (message: GridMessage) => void,
): Promise<void> {
  const done = await undo();
  tell(done ? gridDone(gradebookStrings.undone) : gridError(gradebookStrings.nothingToUndo));
}
