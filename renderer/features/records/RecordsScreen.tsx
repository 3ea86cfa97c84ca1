import './records.css';
import { useState } from 'react';
import type { DownloadableFile } from '../../../shared/ipc/fileSchemas';
import type { RecordFileState, RecordVerification } from '../../../shared/ipc/recordChannels';
import { studyRecordHash } from '../../../shared/record/recordHash';
import type { StudyRecord } from '../../../shared/record/studyRecord';
import { maxRecordsPerRequest } from '../../../shared/ipc/recordChannels';
import { studyRecordIdOf } from '../../../shared/record/studyRecord';
import { ClassSelector, useSelectedClass } from '../../app/ClassSelector';
import { downloadFile } from '../../app/download';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useIpc } from '../../ipc/IpcContext';
import { recordStrings as text } from './strings';
import { AmendDialog } from './AmendDialog';
import { useClassRecords, type ClassRecordEntry } from './useClassRecords';
import { useRecordStates } from './useRecordStates';
import { ClassBundleBar, type BundledRecord } from './ClassBundleBar';
import { RecordPreview } from './RecordPreview';
import { VerificationReport } from './VerificationReport';
import { VerifyFilePicker } from './VerifyFilePicker';

type Message = { readonly kind: 'ok' | 'error'; readonly text: string };

/**
 * A signed file whose data is no longer what the app would put in it: known for a first version
 * by its content hash; a correction's (version 2+) is reported by "Lập học bạ cả lớp".
 */
function signedButChanged(record: StudyRecord, state: RecordFileState): boolean {
  if (state.signedRoles.length === 0 || state.contentHash === undefined) return false;
  return state.version === 1 && studyRecordHash(record) !== state.contentHash;
}

function ClassRecordsView({ schoolClass }: { schoolClass: ClassDoc }) {
  const ipc = useIpc();
  const { schoolYear, permissions } = useSchool();
  const entries = useClassRecords(schoolClass);
  const recordIds = entries?.map((entry) => studyRecordIdOf(entry.student.studentCode, schoolYear)) ?? [];
  const { states, error: listError, refresh } = useRecordStates(recordIds);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>(undefined);
  const [message, setMessage] = useState<Message | undefined>(undefined);
  const [report, setReport] = useState<RecordVerification | undefined>(undefined);
  const [amending, setAmending] = useState<ClassRecordEntry | undefined>(undefined);
  const [previewing, setPreviewing] = useState<{ file: DownloadableFile; name: string } | undefined>(
    undefined,
  );
  /** Signed records whose data changed, as the last "Lập học bạ cả lớp" found them (any version). */
  const [changedSinceSigned, setChangedSinceSigned] = useState<ReadonlySet<string>>(new Set());
  const mayAmend = permissions.canAmendSignedRecord;
  const mayProduce = permissions.canProduceRecords(schoolClass.id);

  if (!entries) return <p className="status">{text.loading}</p>;
  if (listError)
    return (
      <p className="error" role="alert">
        {listError}
      </p>
    );
  if (entries.length === 0) return <p className="status">{text.noStudents}</p>;

  const produceAll = async () => {
    const records = entries.flatMap((entry) => (entry.record ? [entry.record] : []));
    let written = 0;
    let unchanged = 0;
    const kept: string[] = [];
    const inconsistent: string[] = [];
    const differing = new Set<string>();
    setMessage(undefined);
    setProgress({ done: 0, total: records.length });
    for (let start = 0; start < records.length; start += maxRecordsPerRequest / 3) {
      const chunk = records.slice(start, start + maxRecordsPerRequest / 3);
      const result = await ipc.invoke('records:produce', { records: chunk });
      if (!result.ok) {
        setProgress(undefined);
        setMessage({ kind: 'error', text: result.error.message });
        refresh();
        return;
      }
      for (const produced of result.value) {
        if (produced.outcome === 'written' || produced.outcome === 'amended') written += 1;
        else if (produced.outcome === 'unchanged') unchanged += 1;
        else if (produced.outcome === 'unreadableKept') kept.push(produced.message ?? '');
        else if (produced.outcome === 'inconsistent') inconsistent.push(produced.message ?? '');
        else differing.add(produced.recordId);
      }
      setProgress({ done: start + chunk.length, total: records.length });
    }
    setProgress(undefined);
    setChangedSinceSigned(differing);
    const drafts = records.filter((record) => record.status === 'draft').length;
    const problems = [
      differing.size > 0 ? text.signedDiffers(differing.size) : '',
      kept.length > 0 ? text.keptUntouched(kept.length, kept[0] ?? '') : '',
      inconsistent.length > 0 ? text.inconsistent(inconsistent.length, inconsistent[0] ?? '') : '',
    ].filter(Boolean);
    setMessage({
      kind: problems.length > 0 ? 'error' : 'ok',
      text: [text.produced(written, unchanged, drafts), ...problems].join(' '),
    });
    refresh();
  };

  const download = async (recordId: string) => {
    const result = await ipc.invoke('records:read', { recordId });
    if (result.ok) downloadFile(result.value);
    else setMessage({ kind: 'error', text: result.error.message });
  };

  const preview = async (recordId: string, name: string) => {
    const result = await ipc.invoke('records:read', { recordId });
    if (result.ok) setPreviewing({ file: result.value, name });
    else setMessage({ kind: 'error', text: result.error.message });
  };

  /** The records with a file to gather, in the table's order (its STT). */
  const produced: BundledRecord[] = entries.flatMap((entry, index) => {
    const recordId = studyRecordIdOf(entry.student.studentCode, schoolYear);
    const state = states?.get(recordId)?.state;
    return state === 'draft' || state === 'final'
      ? [
          {
            recordId,
            listNumber: index + 1,
            studentName: entry.student.fullName,
            studentCode: entry.student.studentCode,
          },
        ]
      : [];
  });

  const check = async (recordId: string) => {
    const result = await ipc.invoke('records:verify', { recordId });
    if (result.ok) setReport(result.value);
    else setMessage({ kind: 'error', text: result.error.message });
  };

  return (
    <>
      <div className="toolbar">
        <button
          type="button"
          className="button button-primary"
          disabled={progress !== undefined || !mayProduce}
          title={mayProduce ? undefined : text.produceNotAllowed}
          onClick={() => void produceAll()}
        >
          {progress ? text.producing(progress.done, progress.total) : text.produceAll}
        </button>
        {message && (
          <span
            className={message.kind === 'error' ? 'error' : 'save-state saved'}
            role={message.kind === 'error' ? 'alert' : 'status'}
          >
            {message.text}
          </span>
        )}
      </div>
      <ClassBundleBar className={schoolClass.name} schoolYear={schoolYear} records={produced} />
      {report && <VerificationReport report={report} onClose={() => setReport(undefined)} />}
      {previewing && (
        <RecordPreview
          file={previewing.file}
          studentName={previewing.name}
          onClose={() => setPreviewing(undefined)}
        />
      )}
      {amending?.record && (
        <AmendDialog
          record={amending.record}
          onDone={(result) => {
            setAmending(undefined);
            if (result) setMessage(result);
            refresh();
          }}
        />
      )}
      <table className="data-table records-table">
        <thead>
          <tr>
            <th scope="col">{text.columns.number}</th>
            <th scope="col">{text.columns.name}</th>
            <th scope="col">{text.columns.result}</th>
            <th scope="col">{text.columns.file}</th>
            <th scope="col">{text.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => {
            const recordId = studyRecordIdOf(entry.student.studentCode, schoolYear);
            const state = states?.get(recordId);
            const present = state !== undefined && state.state !== 'missing';
            const differs =
              state !== undefined &&
              state.signedRoles.length > 0 &&
              (changedSinceSigned.has(recordId) ||
                (entry.record !== undefined && signedButChanged(entry.record, state)));
            return (
              <tr key={entry.student.id}>
                <td>{index + 1}</td>
                <td className="name">{entry.student.fullName}</td>
                <td className={`confirm-status ${entry.confirmation}`}>
                  {text.confirmation[entry.confirmation]}
                </td>
                <td className={`record-state ${state?.state ?? 'missing'}`}>
                  {entry.problem
                    ? text.cannotBuild(entry.problem)
                    : differs
                      ? text.signedButChanged
                      : state
                        ? text.fileState(state)
                        : '…'}
                </td>
                <td className="actions">
                  <button
                    type="button"
                    className="button"
                    disabled={!present}
                    aria-label={text.preview.buttonOf(entry.student.fullName)}
                    onClick={() => void preview(recordId, entry.student.fullName)}
                  >
                    {text.preview.button}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={!present}
                    aria-label={text.downloadOf(entry.student.fullName)}
                    onClick={() => void download(recordId)}
                  >
                    {text.download}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={!present}
                    aria-label={text.checkOf(entry.student.fullName)}
                    onClick={() => void check(recordId)}
                  >
                    {text.check}
                  </button>
                  {differs && mayAmend && (
                    <button
                      type="button"
                      className="button"
                      aria-label={text.amend.buttonOf(entry.student.fullName)}
                      onClick={() => setAmending(entry)}
                    >
                      {text.amend.button}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** Học bạ: produce the class's records as PDFs, download them, and check any record's signatures. */
export function RecordsScreen() {
  const { selected } = useSelectedClass();
  return (
    <section className="screen records-screen">
      <header className="screen-header">
        <h1>{text.title}</h1>
        <ClassSelector />
      </header>
      <p className="intro">{text.intro}</p>
      {selected && <ClassRecordsView key={selected.id} schoolClass={selected} />}
      <VerifyFilePicker />
    </section>
  );
}
