import type { StudentId } from '../../../shared/domain/ids';
import { z } from 'zod';
import { ethnicityNames } from '../../../shared/domain/ethnicities';
import { profileItemLabels, saysNotApplicable } from '../../../shared/domain/studentProfile';
import { isoDateSchema, studentIdentitySchema, type StudentIdentity } from '../../../shared/domain/student';
import { cleanText, notApplicable, searchKeyOf } from '../../../shared/domain/text';
import type { DatedCheck, PersonDoc, PhotoReference } from '../collections/people/peopleCollection';
import type { HocbaDatabase } from '../database';
import { auditedWriteMany, type WriteResult } from './auditedWrite';
import { WriteRefused, type WriteContext } from './writeContext';
import { profileWriteStrings, writeStrings } from './writeStrings';
import { isoDateInVietnam } from '../../../shared/domain/dates';

const identityChangesSchema = studentIdentitySchema.partial().strict();

/** Fields where "Không" may be typed; the name never says it. */
const freeTextFields = [
  'ethnicity',
  'nationality',
  'birthPlace',
  'hometown',
  'address',
  'fatherName',
  'motherName',
  'guardianName',
] as const;

const photoReferenceSchema = z
  .object({
    photoId: z.string().regex(/^[0-9a-f]{64}$/),
    width: z.number().int().min(1).max(4000),
    height: z.number().int().min(1).max(4000),
  })
  .strict();

/** The student, if this person may edit their profile: only the homeroom teacher of their class. */
async function editablePerson(
  database: HocbaDatabase,
  context: WriteContext,
  studentId: StudentId,
): Promise<PersonDoc> {
  const found = await database.people.findOne(studentId).exec();
  if (!found) throw new WriteRefused(profileWriteStrings.studentNotFound);
  const person = found.toMutableJSON();
  if (!context.permissions.isHomeroomOf(person.classId)) throw new WriteRefused(writeStrings.notHomeroom);
  return person;
}

/** One audited change to one student's document; `change` sees the document as it is under the lock. */
function writePerson(
  database: HocbaDatabase,
  context: WriteContext,
  person: PersonDoc,
  change: (current: PersonDoc) => PersonDoc,
): Promise<WriteResult> {
  return auditedWriteMany(database, context, 'people', [
    {
      target: { docId: person.id, studentId: person.id, classId: person.classId, blank: person },
      build: (current) => {
        // The class may have changed since the check above (another window, a sync).
        if (!context.permissions.isHomeroomOf(current.classId))
          throw new WriteRefused(writeStrings.notHomeroom);
        return change(current);
      },
    },
  ]);
}

/** Validates and cleans changed identity fields: NFC, trimmed, "không" written as "Không". */
function cleanedChanges(current: PersonDoc, changes: Partial<StudentIdentity>): Partial<StudentIdentity> {
  if (changes.studentCode !== undefined && changes.studentCode !== current.studentCode)
    throw new WriteRefused(profileWriteStrings.studentCodeReadOnly);
  const parsed = identityChangesSchema.safeParse(changes);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path[0];
    const label =
      typeof field === 'string' && field in profileItemLabels
        ? profileItemLabels[field as keyof StudentIdentity]
        : '';
    const message = issue?.message ?? '';
    throw new WriteRefused(
      label === '' || message.startsWith(label) ? message : profileWriteStrings.invalidField(label, message),
    );
  }
  const cleaned: Partial<StudentIdentity> = { ...parsed.data };
  for (const field of freeTextFields) {
    const value = cleaned[field];
    if (value !== undefined && saysNotApplicable(value)) cleaned[field] = notApplicable;
  }
  const ethnicity = cleaned.ethnicity;
  if (
    ethnicity !== undefined &&
    ethnicity !== '' &&
    ethnicity !== notApplicable &&
    !ethnicityNames.includes(ethnicity)
  )
    throw new WriteRefused(profileWriteStrings.unknownEthnicity(ethnicity));
  return cleaned;
}

async function refuseDuplicatePersonalId(
  database: HocbaDatabase,
  person: PersonDoc,
  personalId: string | undefined,
) {
  if (personalId === undefined || personalId === '' || personalId === person.personalId) return;
  // Personal IDs are sealed at rest (nothing can be looked up by them in storage): the school's
  // people are read and compared here.
  const schoolPeople = await database.people.find({ selector: { schoolId: person.schoolId } }).exec();
  const other = schoolPeople.find((doc) => doc.personalId === personalId && doc.id !== person.id);
  if (!other) return;
  const schoolClass = await database.classes.findOne(other.classId).exec();
  throw new WriteRefused(profileWriteStrings.duplicatePersonalId(schoolClass?.name ?? other.classId));
}

/**
 * Changes identity fields of a student's học bạ (homeroom teacher only), validated like an
 * imported row; the search key follows the name. The student code is the document's identity
 * and is not changed here.
 */
export async function updateProfile(
  database: HocbaDatabase,
  context: WriteContext,
  studentId: StudentId,
  changes: Partial<StudentIdentity>,
): Promise<WriteResult> {
  const person = await editablePerson(database, context, studentId);
  const cleaned = cleanedChanges(person, changes);
  await refuseDuplicatePersonalId(database, person, cleaned.personalId);
  return writePerson(database, context, person, (current) => {
    const next = { ...current, ...cleaned };
    return { ...next, searchName: searchKeyOf(next.fullName) };
  });
}

/** Stores (or, with `null`, removes) the reference to the student's 3×4 photo in main's photo store. */
export async function setPhoto(
  database: HocbaDatabase,
  context: WriteContext,
  studentId: StudentId,
  photo: PhotoReference | null,
): Promise<WriteResult> {
  const person = await editablePerson(database, context, studentId);
  const parsed = photo === null ? null : photoReferenceSchema.safeParse(photo);
  if (parsed && !parsed.success) throw new WriteRefused(profileWriteStrings.invalidPhoto);
  const reference = parsed ? parsed.data : null;
  return writePerson(database, context, person, (current) => ({ ...current, photo: reference }));
}

export type ProfileCheck = 'birthCertificate' | 'parents';

/**
 * Records that the identity page was checked against the birth certificate, or confirmed by the
 * parents, on a date and by this person; `null` withdraws the check.
 */
export async function setCheck(
  database: HocbaDatabase,
  context: WriteContext,
  studentId: StudentId,
  check: ProfileCheck,
  date: string | null,
): Promise<WriteResult> {
  const person = await editablePerson(database, context, studentId);
  let value: DatedCheck | null = null;
  if (date !== null) {
    const parsed = isoDateSchema.safeParse(date);
    if (!parsed.success)
      throw new WriteRefused(profileWriteStrings.invalidField('Ngày', parsed.error.issues[0]?.message ?? ''));
    if (parsed.data > isoDateInVietnam(context.now()))
      throw new WriteRefused(profileWriteStrings.checkInFuture);
    value = { date: parsed.data, by: context.actor.userId };
  }
  const field = check === 'birthCertificate' ? 'birthCertificateCheck' : 'parentsConfirmation';
  return writePerson(database, context, person, (current) => ({ ...current, [field]: value }));
}

/** Sets the elective subjects (by subject code) the student takes this year, from the grade's electives. */
export async function setElectives(
  database: HocbaDatabase,
  context: WriteContext,
  studentId: StudentId,
  electives: readonly string[],
): Promise<WriteResult> {
  const person = await editablePerson(database, context, studentId);
  const schoolClass = await database.classes.findOne(person.classId).exec();
  if (!schoolClass) throw new WriteRefused(profileWriteStrings.studentNotFound);
  const offered = context.catalogue
    .plan(schoolClass.grade)
    .rows.filter((row) => row.status === 'elective')
    .map((row) => row.subject.code);
  const unknown = electives.find((code) => !offered.includes(code));
  if (unknown !== undefined) throw new WriteRefused(profileWriteStrings.notElective(schoolClass.grade));
  // Catalogue order, each once: the same choice is always the same value in the audit trail.
  const chosen = [...new Set(offered)].filter((code) => electives.includes(code));
  return writePerson(database, context, person, (current) => ({ ...current, electives: chosen }));
}

/** Số đăng bộ as the register writes it: "125/2022", "HS-0031"; '' until assigned. */
const registerNumberSchema = z
  .string()
  .transform(cleanText)
  .pipe(
    z
      .string()
      .max(40)
      .regex(/^[\p{L}\p{N}/.\- ]*$/u),
  );

/**
 * Records the student's entry in the school's register (sổ đăng bộ): its number and the day the
 * student entered or transferred in, as the study history of the học bạ prints them. Either may
 * be cleared (`''`, `null`).
 */
export async function updateEnrolment(
  database: HocbaDatabase,
  context: WriteContext,
  studentId: StudentId,
  changes: { readonly registerNumber?: string; readonly entryDate?: string | null },
): Promise<WriteResult> {
  const person = await editablePerson(database, context, studentId);
  const next: { registerNumber?: string; entryDate?: string | null } = {};
  if (changes.registerNumber !== undefined) {
    const parsed = registerNumberSchema.safeParse(changes.registerNumber);
    if (!parsed.success) throw new WriteRefused(profileWriteStrings.badRegisterNumber);
    next.registerNumber = parsed.data;
  }
  if (changes.entryDate !== undefined) {
    if (changes.entryDate !== null) {
      const parsed = isoDateSchema.safeParse(changes.entryDate);
      if (!parsed.success)
        throw new WriteRefused(
          profileWriteStrings.invalidField('Ngày nhập học', parsed.error.issues[0]?.message ?? ''),
        );
      if (parsed.data > isoDateInVietnam(context.now()))
        throw new WriteRefused(profileWriteStrings.entryDateInFuture);
      if (parsed.data < person.birthDate) throw new WriteRefused(profileWriteStrings.entryDateBeforeBirth);
    }
    next.entryDate = changes.entryDate;
  }
  return writePerson(database, context, person, (current) => ({ ...current, ...next }));
}

/**
 * Marks a student with disabilities who is evaluated against their individual education plan
 * (kế hoạch giáo dục cá nhân, TT27 Điều 8): the standard year-end levels are not computed for
 * them, and their học bạ says so. The homeroom teacher decides, as for the rest of the profile.
 */
export async function setIndividualEducationPlan(
  database: HocbaDatabase,
  context: WriteContext,
  studentId: StudentId,
  onPlan: boolean,
): Promise<WriteResult> {
  const person = await editablePerson(database, context, studentId);
  return writePerson(database, context, person, (current) => ({
    ...current,
    individualEducationPlan: onPlan,
  }));
}
