import './classList.css';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { buildClassListPreview } from '../../../shared/classList/buildClassListPreview';
import { classListColumns } from '../../../shared/classList/classListColumns';
import type { ClassListContext, ClassListPreview } from '../../../shared/classList/classListPreview';
import { nothingImportableReason } from '../../../shared/classList/previewText';
import { maxClassListFileBytes } from '../../../shared/classList/rawTable';
import { downloadFile, fileToBase64 } from '../../app/download';
import { useSchool } from '../../app/SchoolContext';
import type { ClassDoc } from '../../data/collections/classesCollection';
import { useDatabase } from '../../data/DatabaseContext';
import type { HocbaDatabase } from '../../data/database';
import { importClassList, type ImportProgress } from '../../data/writes/classListWrites';
import { WriteRefused } from '../../data/writes/writeContext';
import { useIpc } from '../../ipc/IpcContext';
import { ClassListPreviewTable } from './ClassListPreviewTable';
import { FilePickButton } from '../../ui/FilePickButton';
import { classListStrings } from './strings';

type Props = {
  readonly schoolClass: ClassDoc;
  readonly onClose: () => void;
  /** Called after the students were written; the caller closes the dialog and confirms. */
  readonly onImported: (count: number) => void;
};

type Step =
  | { readonly kind: 'choose' }
  | { readonly kind: 'reading'; readonly fileName: string }
  | { readonly kind: 'preview'; readonly fileName: string; readonly preview: ClassListPreview };

const headerOf = (field: string): string =>
  classListColumns.find((column) => column.field === field)?.header ?? field;

/** The school's students as the class-list rules need them: code and personal ID → class name. */
async function existingStudents(
  database: HocbaDatabase,
  schoolId: string,
  classNames: ReadonlyMap<string, string>,
): Promise<Pick<ClassListContext, 'existingStudentCodes' | 'existingPersonalIds'>> {
  const people = await database.people.find({ selector: { schoolId } }).exec();
  const existingStudentCodes = new Map<string, string>();
  const existingPersonalIds = new Map<string, string>();
  for (const person of people) {
    // A class of an earlier year is not loaded; its id ends with its name (`class:…:4A`).
    const className = classNames.get(person.classId) ?? person.classId.split(':').at(-1) ?? '';
    existingStudentCodes.set(person.studentCode, className);
    if (person.personalId !== '') existingPersonalIds.set(person.personalId, className);
  }
  return { existingStudentCodes, existingPersonalIds };
}

/** Nhập danh sách lớp từ Excel: read the file in main, check every row, write the valid ones in one step. */
export function ImportClassListDialog({ schoolClass, onClose, onImported }: Props) {
  const database = useDatabase();
  const ipc = useIpc();
  const { classes, writeContext } = useSchool();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | undefined>(undefined);
  /** Set while the import writes: students stored so far of the total. */
  const [importing, setImporting] = useState<ImportProgress | undefined>(undefined);
  const [invalidOnly, setInvalidOnly] = useState(false);
  const titleId = useId();
  const fileId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => dialogRef.current?.focus(), []);

  const readFile = async (file: File): Promise<void> => {
    setError(undefined);
    if (!file.name.toLowerCase().endsWith('.xlsx')) {
      setError(classListStrings.notXlsx);
      return;
    }
    if (file.size > maxClassListFileBytes) {
      setError(classListStrings.tooLarge(maxClassListFileBytes / 1024 / 1024));
      return;
    }
    setStep({ kind: 'reading', fileName: file.name });
    const result = await ipc.invoke('classList:read', {
      fileName: file.name,
      bytesBase64: await fileToBase64(file),
    });
    if (!result.ok) {
      setStep({ kind: 'choose' });
      setError(classListStrings.readFailed(result.error.message));
      return;
    }
    const classNames = new Map(classes.map((candidate) => [candidate.id, candidate.name]));
    const existing = await existingStudents(database, schoolClass.schoolId, classNames);
    const preview = buildClassListPreview(result.value, {
      ...existing,
      schoolYear: schoolClass.schoolYear,
      grade: schoolClass.grade,
    });
    setInvalidOnly(false);
    setStep({ kind: 'preview', fileName: file.name, preview });
  };

  const onFileChosen = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // Cleared so choosing the same file again, after fixing it, reads it again.
    event.target.value = '';
    if (file) {
      readFile(file).catch(() => {
        setStep({ kind: 'choose' });
        setError(classListStrings.unexpected);
      });
    }
  };

  const downloadTemplate = async (): Promise<void> => {
    setError(undefined);
    const result = await ipc.invoke('classList:template', {});
    if (result.ok) downloadFile(result.value);
    else setError(classListStrings.templateFailed(result.error.message));
  };

  const runImport = async (preview: ClassListPreview): Promise<void> => {
    setError(undefined);
    setImporting({ written: 0, total: preview.validCount });
    try {
      const count = await importClassList(database, writeContext, schoolClass.id, preview, setImporting);
      onImported(count);
    } catch (caught) {
      setError(caught instanceof WriteRefused ? caught.message : classListStrings.unexpected);
      setImporting(undefined);
    }
  };

  const preview = step.kind === 'preview' ? step.preview : undefined;
  return (
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className="dialog import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !importing) onClose();
        }}
      >
        <div className="import-dialog-header">
          <h2 id={titleId}>{classListStrings.title(schoolClass.name)}</h2>
          <button type="button" className="button" onClick={onClose} disabled={importing !== undefined}>
            {classListStrings.close}
          </button>
        </div>
        <p className="hint">{classListStrings.intro}</p>
        <div className="toolbar">
          <FilePickButton
            id={fileId}
            label={classListStrings.chooseFile}
            accept=".xlsx"
            onChange={onFileChosen}
            disabled={importing !== undefined || step.kind === 'reading'}
          />
          <button type="button" className="button" onClick={() => void downloadTemplate()}>
            {classListStrings.downloadTemplate}
          </button>
        </div>
        {step.kind === 'reading' && (
          <p className="status" role="status">
            {classListStrings.reading(step.fileName)}
          </p>
        )}
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {step.kind === 'preview' && preview && (
          <>
            <div className="import-summary" role="status">
              <p>{classListStrings.fileSummary(step.fileName, preview.sheetName)}</p>
              <p>
                <strong>{classListStrings.counts(preview.validCount, preview.invalidCount)}</strong>
              </p>
            </div>
            {nothingImportableReason(preview) !== undefined ? (
              <p className="notice error" role="alert">
                {nothingImportableReason(preview)}
              </p>
            ) : (
              preview.missingRequired.length > 0 && (
                <p className="notice error">
                  {classListStrings.missingRequired(preview.missingRequired.map(headerOf).join(', '))}
                </p>
              )
            )}
            {preview.ignoredHeaders.length > 0 && (
              <p className="notice warning">
                {classListStrings.ignoredHeaders(preview.ignoredHeaders.join(', '))}
              </p>
            )}
            {preview.rows.length === 0 ? (
              <p className="status">{classListStrings.noRows}</p>
            ) : (
              <>
                {preview.invalidCount > 0 && (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={invalidOnly}
                      onChange={(event) => setInvalidOnly(event.target.checked)}
                    />
                    {classListStrings.invalidOnly}
                  </label>
                )}
                <ClassListPreviewTable preview={preview} invalidOnly={invalidOnly} />
              </>
            )}
            {preview.invalidCount > 0 && preview.validCount > 0 && (
              <p className="hint">{classListStrings.fixHint}</p>
            )}
            <div className="toolbar">
              <button
                type="button"
                className="button button-primary"
                disabled={
                  importing !== undefined || preview.validCount === 0 || preview.missingRequired.length > 0
                }
                onClick={() => void runImport(preview)}
              >
                {importing ? classListStrings.importing : classListStrings.importButton(preview.validCount)}
              </button>
              {importing && (
                <div className="import-progress" aria-live="polite">
                  <progress
                    max={importing.total}
                    value={importing.written}
                    aria-label={classListStrings.importProgressLabel}
                  />
                  <span>{classListStrings.importProgress(importing.written, importing.total)}</span>
                </div>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
