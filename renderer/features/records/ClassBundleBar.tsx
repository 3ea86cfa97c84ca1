import { useState } from 'react';
import { asciiFileNamePart, asciiFileStem } from '../../../shared/encoding/asciiFileName';
import {
  maxBundleEntriesPerRequest,
  type RecordBundleFormat,
} from '../../../shared/ipc/recordBundleChannels';
import { downloadFile } from '../../app/download';
import { useIpc } from '../../ipc/IpcContext';
import { recordStrings } from './strings';

const text = recordStrings.bundle;

/** A produced record of the class, in roster (STT) order. */
export type BundledRecord = {
  readonly recordId: string;
  readonly listNumber: number;
  readonly studentName: string;
  readonly studentCode: string;
};

type Props = {
  readonly className: string;
  readonly schoolYear: string;
  readonly records: readonly BundledRecord[];
};

type State =
  | { readonly kind: 'idle' }
  | { readonly kind: 'working'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** "03-Nguyen-Van-An-0112345678": sorts by STT in any file manager, says whose it is. */
export function recordFileStem(record: BundledRecord): string {
  const name = asciiFileNamePart(record.studentName).slice(0, 60).replace(/-+$/, '');
  return [String(record.listNumber).padStart(2, '0'), name, record.studentCode].filter(Boolean).join('-');
}

const newBundleId = () =>
  [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/**
 * The class's produced records in one file: a PDF to print in one go, or a ZIP of the signed
 * files. Records are added a few at a time so the bar shows how far it is.
 */
export function ClassBundleBar({ className, schoolYear, records }: Props) {
  const ipc = useIpc();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const bundle = async (format: RecordBundleFormat) => {
    if (records.length === 0) {
      setState({ kind: 'failed', message: text.none });
      return;
    }
    const bundleId = newBundleId();
    setState({ kind: 'working', done: 0, total: records.length });
    for (let start = 0; start < records.length; start += maxBundleEntriesPerRequest) {
      const chunk = records.slice(start, start + maxBundleEntriesPerRequest);
      const added = await ipc.invoke('records:bundleAdd', {
        bundleId,
        format,
        entries: chunk.map((record) => ({ recordId: record.recordId, fileStem: recordFileStem(record) })),
      });
      if (!added.ok) {
        setState({ kind: 'failed', message: added.error.message });
        return;
      }
      setState({ kind: 'working', done: added.value.added, total: records.length });
    }
    const stem = asciiFileStem(['Hoc-ba-lop', className, schoolYear]);
    const finished = await ipc.invoke('records:bundleFinish', {
      bundleId,
      fileStem: stem.slice(0, 100),
      title: text.title(className, schoolYear),
    });
    if (!finished.ok) {
      setState({ kind: 'failed', message: finished.error.message });
      return;
    }
    downloadFile(finished.value);
    setState({ kind: 'done', message: text.done(records.length, finished.value.fileName) });
  };

  const working = state.kind === 'working';
  return (
    <div className="class-bundle">
      <div className="class-bundle-actions">
        <button type="button" className="button" disabled={working} onClick={() => void bundle('pdf')}>
          {text.printAll}
        </button>
        <button type="button" className="button" disabled={working} onClick={() => void bundle('zip')}>
          {text.zipAll}
        </button>
        {working && (
          <>
            <progress aria-label={text.progressLabel} max={state.total} value={state.done} />
            <span className="status" role="status">
              {state.done < state.total ? text.working(state.done, state.total) : text.finishing}
            </span>
          </>
        )}
        {state.kind === 'done' && (
          <span className="save-state saved" role="status">
            {state.message}
          </span>
        )}
        {state.kind === 'failed' && (
          <span className="error" role="alert">
            {state.message}
          </span>
        )}
      </div>
      <p className="hint">{text.hint}</p>
    </div>
  );
}
