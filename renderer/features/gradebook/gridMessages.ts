import { gradebookStrings } from './strings';

/** Why the grid did not take a key or a paste (DataGrid's `onRefused`). */
export type GridRefusal = 'readOnly' | 'notALevel' | 'pasteSkipped';

/** What to tell the teacher when the grid refuses: levels are T/H/C for subjects, T/Đ/C for traits. */
export function refusalMessage(scale: 'subject' | 'trait', reason: GridRefusal, count = 0): string {
  switch (reason) {
    case 'pasteSkipped':
      return gradebookStrings.pasteSkipped(count);
    case 'readOnly':
      return gradebookStrings.readOnlyCell;
    case 'notALevel':
      return gradebookStrings.notALevel(scale);
  }
}

/** Undoes the last saved edit and says whether there was one (Ctrl+Z and the undo button). */
export async function undoAndTell(
  undo: () => Promise<boolean>,
  tell: (message: string) => void,
): Promise<void> {
  const done = await undo();
  tell(done ? gradebookStrings.undone : gradebookStrings.nothingToUndo);
}
