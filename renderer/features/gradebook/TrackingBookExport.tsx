import { useState } from 'react';
import type { EvaluatedRow } from '../../../shared/domain/evaluation/compiledCatalogue';
import { buildTrackingBook } from '../../../shared/domain/evaluation/trackingBook';
import {
  isEmptyScope,
  narrowScope,
  trackingBookScopeOf,
} from '../../../shared/domain/evaluation/trackingBookScope';
import { downloadFile } from '../../app/download';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useIpc } from '../../ipc/IpcContext';
import { gradebookStrings as strings } from './strings';
import { useDatabase } from '../../data/DatabaseContext';
import { loadTrackingBookStudents } from './loadTrackingBookStudents';

type Format = 'xlsx' | 'pdf';
const channels = { xlsx: 'trackingBook:exportXlsx', pdf: 'trackingBook:exportPdf' } as const;

/**
 * "Xuất Sổ theo dõi" in Excel or PDF: the whole book for the homeroom teacher and leadership, the
 * assigned subjects for a subject teacher (shared/domain/permissions.ts), or only the selected one.
 */
export function TrackingBookExport({ schoolClass, row }: { schoolClass: ClassDoc; row: EvaluatedRow }) {
  const ipc = useIpc();
  const database = useDatabase();
  const { school, schoolYear, permissions, writeContext } = useSchool();
  const catalogue = writeContext.catalogue;
  const [onlySelected, setOnlySelected] = useState(false);
  const [busy, setBusy] = useState<Format | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const allowed = trackingBookScopeOf(permissions, schoolClass.id, catalogue.plan(schoolClass.grade));
  const selectedOnly = narrowScope(allowed, row.key);
  if (isEmptyScope(allowed)) return null;
  const scope = onlySelected && !isEmptyScope(selectedOnly) ? selectedOnly : allowed;

  const exportAs = async (format: Format) => {
    setBusy(format);
    setMessage(undefined);
    try {
      const students = await loadTrackingBookStudents(database, catalogue, schoolClass);
      const result = await ipc.invoke(channels[format], {
        school: { name: school.name, province: school.province, commune: school.commune },
        className: schoolClass.name,
        schoolYear,
        grade: schoolClass.grade,
        homeroomTeacherName: schoolClass.homeroomTeacherName,
        sections: buildTrackingBook(catalogue, schoolClass.grade, students, scope),
      });
      if (result.ok) {
        downloadFile(result.value);
        setMessage({ kind: 'ok', text: strings.trackingBookExported(result.value.fileName) });
      } else setMessage({ kind: 'error', text: result.error.message });
    } catch {
      // Reading the class from this computer's database failed; nothing was sent to main.
      setMessage({ kind: 'error', text: strings.trackingBookFailed });
    } finally {
      setBusy(undefined);
    }
  };

  const disabled = busy !== undefined;
  return (
    <div className="toolbar tracking-book-export">
      <button type="button" className="button" disabled={disabled} onClick={() => void exportAs('xlsx')}>
        {busy === 'xlsx' ? strings.trackingBookExporting : strings.trackingBookXlsx}
      </button>
      <button type="button" className="button" disabled={disabled} onClick={() => void exportAs('pdf')}>
        {busy === 'pdf' ? strings.trackingBookExporting : strings.trackingBookPdf}
      </button>
      {!isEmptyScope(selectedOnly) && (allowed.traits || allowed.rowKeys.length > 1) && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={onlySelected}
            onChange={(event) => setOnlySelected(event.target.checked)}
          />
          {strings.trackingBookOnlySelected(row.phrase)}
        </label>
      )}
      {message && (
        <span
          className={message.kind === 'error' ? 'error' : 'save-state saved'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </span>
      )}
    </div>
  );
}
