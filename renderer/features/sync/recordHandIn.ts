import { useCallback, useRef, useState } from 'react';
import type { RecordHandInSummary } from '../../../shared/ipc/syncChannels';
import type { IpcClient } from '../../ipc/ipcClient';

/**
 * Nộp học bạ đã ký: where handing the signed records in to the province stands. Main does the
 * work (main/services/sync/signedRecordHandIn.ts); the page asks it after each sync and shows
 * the last summary.
 */
export type RecordHandInState = {
  readonly running: boolean;
  readonly last: RecordHandInSummary | undefined;
  /** Main's words when the call itself failed (the summary's `problem` says why a round stopped). */
  readonly failure: string | undefined;
};

/** `retryRefused`: the user asked ("Đồng bộ ngay"): files the server refused are sent again too. */
export type RecordHandIn = RecordHandInState & {
  readonly handInNow: (options?: { readonly retryRefused?: boolean }) => Promise<void>;
};

export function useRecordHandIn(ipc: IpcClient): RecordHandIn {
  const [state, setState] = useState<RecordHandInState>({
    running: false,
    last: undefined,
    failure: undefined,
  });
  const running = useRef<Promise<void> | undefined>(undefined);
  const handInNow = useCallback(
    (options: { readonly retryRefused?: boolean } = {}) => {
      // One round at a time: the timer and the button at once share it.
      running.current ??= (async () => {
        setState((before) => ({ ...before, running: true }));
        const result = await ipc.invoke(
          'sync:handInRecords',
          options.retryRefused === true ? { retryRefused: true } : {},
        );
        setState((before) =>
          result.ok
            ? { running: false, last: result.value, failure: undefined }
            : { ...before, running: false, failure: result.error.message },
        );
      })().finally(() => {
        running.current = undefined;
      });
      return running.current;
    },
    [ipc],
  );
  return { ...state, handInNow };
}
