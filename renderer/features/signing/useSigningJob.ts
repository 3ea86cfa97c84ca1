import { useCallback, useEffect, useRef, useState } from 'react';
import type { IpcRequest } from '../../../shared/ipc/contract';
import type { SigningJobState } from '../../../shared/ipc/signingChannels';
import { useIpc } from '../../ipc/IpcContext';

const pollMs = 250;

/**
 * Starts a batch in main, follows its progress by polling, and cancels it on request. A batch
 * still running when the screen opens (the user went elsewhere meanwhile) is picked up again.
 */
export function useSigningJob(onEnded: () => void) {
  const ipc = useIpc();
  const [job, setJob] = useState<SigningJobState | undefined>(undefined);
  const [cancelling, setCancelling] = useState(false);
  const ended = useRef(onEnded);
  useEffect(() => {
    ended.current = onEnded;
  }, [onEnded]);

  useEffect(() => {
    let cancelled = false;
    void ipc.invoke('signing:current', {}).then((result) => {
      if (!cancelled && result.ok && result.value !== null) setJob(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [ipc]);

  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(() => {
      void ipc.invoke('signing:status', { jobId: job.jobId }).then((result) => {
        // Main no longer knows the job (restarted): say so instead of waiting for ever.
        const next: SigningJobState = result.ok
          ? result.value
          : { ...job, state: 'failed', message: result.error.message, resumable: true };
        setJob(next);
        if (next.state !== 'running') {
          setCancelling(false);
          ended.current();
        }
      });
    }, pollMs);
    return () => clearTimeout(timer);
  }, [ipc, job]);

  const start = useCallback(
    async (request: IpcRequest<'signing:start'>): Promise<string | undefined> => {
      const result = await ipc.invoke('signing:start', request);
      if (!result.ok) return result.error.message;
      setJob(result.value);
      return undefined;
    },
    [ipc],
  );

  const cancel = useCallback(async () => {
    if (job?.state !== 'running') return;
    setCancelling(true);
    await ipc.invoke('signing:cancel', { jobId: job.jobId });
  }, [ipc, job]);

  return { job, cancelling, start, cancel, clear: () => setJob(undefined) };
}
