import type { ClassListPreview } from '../../../shared/classList/classListPreview';
import { listNumbersOf } from '../../../shared/classList/listNumbers';
import { studentIdOf, type ClassId } from '../../../shared/domain/ids';
import { searchKeyOf } from '../../../shared/domain/text';
import { newStudentFields, type PersonDoc } from '../collections/people/peopleCollection';
import type { HocbaDatabase } from '../database';
import { metaFor } from '../documentMeta';
import { auditedBulkInsert } from './auditedWrite';
import { WriteRefused, type WriteContext } from './writeContext';
import { writeStrings } from './writeStrings';
import { refuseUnlessAllowed } from './sharedWriteRules';

/** Whether any of these students (by id or by personal ID) is already in the school's data. */
async function anyAlreadyThere(
  database: HocbaDatabase,
  schoolId: string,
  people: readonly PersonDoc[],
): Promise<boolean> {
  const byId = await database.people.findByIds(people.map((person) => person.id)).exec();
  if (byId.size > 0) return true;
  const personalIds = people.map((person) => person.personalId).filter((personalId) => personalId !== '');
  if (personalIds.length === 0) return false;
  // Personal IDs are sealed at rest: the school's people are read and compared here.
  const wanted = new Set(personalIds);
  const schoolPeople = await database.people.find({ selector: { schoolId } }).exec();
  return schoolPeople.some((person) => wanted.has(person.personalId));
}

/** How far an import has come: students stored of those being imported. */
export type ImportProgress = { readonly written: number; readonly total: number };

/**
 * Students per chunk of an import: a 2,000-row list moves its progress bar every few hundred
 * milliseconds, and no chunk holds the page for long (bench:import).
 */
export const importChunkSize = 200;

/**
 * Writes every valid row of a checked class list as a new student of the class, all in one step
 * or not at all: a student who appeared since the preview was built (another window, a sync)
 * stops the whole import, and the teacher checks the file again. Returns how many were written;
 * `onProgress` hears after each chunk (the step stays all-or-nothing: a failure removes them).
 */
export async function importClassList(
  database: HocbaDatabase,
  context: WriteContext,
  classId: ClassId,
  preview: ClassListPreview,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<number> {
  if (!context.permissions.canImportClassList(classId)) throw new WriteRefused(writeStrings.cannotImport);
  const listNumbers = listNumbersOf(preview);
  const students = preview.rows.flatMap((row) =>
    row.student ? [{ ...row.student, listNumber: listNumbers.get(row.rowNumber) ?? null }] : [],
  );
  if (preview.missingRequired.length > 0 || students.length === 0)
    throw new WriteRefused(writeStrings.nothingToImport);
  const schoolClass = await database.classes.findOne(classId).exec();
  if (!schoolClass) throw new Error(`class ${classId} is not in the local database`);

  const meta = metaFor(schoolClass.schoolId, schoolClass.schoolYear, context.actor.userId, context.now());
  const people: PersonDoc[] = students.map(({ listNumber, ...student }) => ({
    id: studentIdOf(student.studentCode),
    classId,
    ...student,
    searchName: searchKeyOf(student.fullName),
    electives: [],
    photo: null,
    birthCertificateCheck: null,
    parentsConfirmation: null,
    ...newStudentFields,
    listNumber,
    ...meta,
  }));
  for (const doc of people) refuseUnlessAllowed(context, 'people', null, doc);
  if (await anyAlreadyThere(database, schoolClass.schoolId, people))
    throw new WriteRefused(writeStrings.importConflict);
  try {
    await auditedBulkInsert(
      database,
      context,
      'people',
      people.map((doc) => ({ doc, studentId: doc.id, classId })),
      {
        chunkSize: importChunkSize,
        onProgress: (written) => onProgress({ written, total: people.length }),
      },
    );
  } catch (error) {
    // The bulk insert checks again under the audit lock; a student written in between lands here.
    if (await anyAlreadyThere(database, schoolClass.schoolId, people))
      throw new WriteRefused(writeStrings.importConflict);
    throw error;
  }
  return people.length;
}
